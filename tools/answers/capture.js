#!/usr/bin/env node
'use strict';
/**
 * `node tools/answers/capture.js --url http://127.0.0.1:3000 --out <dir>`: every GET answer of a
 * running server, as every demo account, written to one file per request so that two servers (one
 * built before a change, one after, each on a copy of the same data folder and the same
 * TEST_CLOCK_START) can be compared with `diff -r`.
 *
 * The routes come from the server's OpenAPI document (/api/docs-json). Path parameters take the ids
 * the account sees in the route's list (up to --per-list of them) and a few it does not see (seen by
 * the county account), so answers of records out of scope are compared too. Lists and figures are
 * also asked with the query variants below. Each file holds the status, the content type and the
 * body: JSON and text as sent (error bodies' request ids blanked), zip files (xlsx, docx) as their
 * members' CRCs, other binary bodies as their SHA-256.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ACCOUNTS = ['admin', 'security', 'auditor', 'leader', 'legal', 'officer', 'mediator', 'advisor', 'petition', 'leader2', 'officer2', 'county'];
const PASSWORD = 'Fazhi@2021';
/** Answers that change with every request sent (sign-ins, audit rows, sessions): captured, reported apart. */
const VOLATILE = [/^\/api\/audit-log/, /^\/api\/login-history/, /^\/api\/auth\//, /^\/api\/security\/locks/];

function args() {
  const out = { url: 'http://127.0.0.1:3000', out: '', perList: 15 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] === '--url') out.url = a[i + 1];
    else if (a[i] === '--out') out.out = a[i + 1];
    else if (a[i] === '--per-list') out.perList = Number(a[i + 1]);
    else throw new Error(`unknown option ${a[i]}`);
  }
  if (!out.out) throw new Error('usage: capture.js --url <base> --out <dir> [--per-list 15]');
  return out;
}

async function signIn(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`${username}: sign-in answered ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookies.join('; ');
}

async function get(base, cookie, url) {
  const res = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} });
  const type = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  const textual = /^text\/|json|javascript/.test(type);
  return { status: res.status, type, bytes, textual, json: () => (type.includes('json') ? JSON.parse(bytes.toString('utf8')) : null) };
}

/**
 * A zip's members (xlsx, docx) as `name crc32 size` lines from its central directory, leaving out
 * docProps/ (the creation time), so that two files with the same content compare equal.
 */
function zipMembers(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const lines = [];
  for (let i = 0; i < count && bytes.readUInt32LE(at) === 0x02014b50; i += 1) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.startsWith('docProps/')) lines.push(`${name} ${bytes.readUInt32LE(at + 16).toString(16)} ${bytes.readUInt32LE(at + 24)}`);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return lines.sort().join('\n');
}

const items = (body) => (Array.isArray(body) ? body : Array.isArray(body?.items) ? body.items : []);
const fileName = (url) =>
  url
    .replace(/^\/api\//, '')
    .replace(/[^A-Za-z0-9._=-]+/g, '_')
    .slice(0, 180) + '.txt';

/** Query variants of the list and figure routes (the others are asked bare). */
function variants(route, years) {
  const v = {
    '/api/vessel-cases': ['?pageSize=100', '?sort=number&order=asc&pageSize=50', '?status=dismantled', '?voided=true', '?deadline=overdue', '?q=台'],
    '/api/disputes': ['?pageSize=100', '?sort=occurredOn&order=asc&pageSize=50', '?status=archived', '?riskLevel=group_incident', '?deadline=due', '?q=纠纷'],
    '/api/disputes/warnings': ['', '?active=false'],
    '/api/campaigns': ['', '?pageSize=100'],
    '/api/certificates': ['', '?pageSize=100'],
    '/api/peace-officers': ['', '?pageSize=100', '?active=true'],
    '/api/my/deadlines': ['', '?overdue=true'],
    '/api/notifications': ['', '?unread=true'],
    '/api/users': ['', '?pageSize=100'],
    '/api/audit-log': ['?pageSize=20'],
    '/api/calendar': years.map((y) => `?year=${y}`),
  };
  for (const r of ['/api/statistics/vessels', '/api/statistics/disputes']) v[r] = years.map((y) => `?year=${y}`);
  return v[route] ?? [''];
}

async function main() {
  const o = args();
  fs.mkdirSync(o.out, { recursive: true });
  const doc = (await get(o.url, '', '/api/docs-json')).json();
  if (!doc?.paths) throw new Error('the server does not serve /api/docs-json (start it outside production)');
  const routes = Object.entries(doc.paths)
    .filter(([, ops]) => ops.get)
    .map(([p]) => p.replace(/\{(\w+)\}/g, ':$1'))
    .sort();
  const sessions = {};
  for (const a of ACCOUNTS) sessions[a] = await signIn(o.url, a);

  // Ids each account sees per list, and the county's as the ones out of others' scope.
  const seen = {};
  const listOf = async (account, list) => {
    const key = `${account} ${list}`;
    if (!(key in seen)) {
      const r = await get(o.url, sessions[account], `${list}${list.includes('?') ? '&' : '?'}pageSize=100`);
      seen[key] =
        r.status === 200
          ? items(r.json())
              .map((x) => x.id)
              .filter(Boolean)
          : [];
    }
    return seen[key];
  };
  const treeIds = (nodes) => nodes.flatMap((n) => [n.id, ...treeIds(n.children ?? [])]);
  const years = ['2021', '2022', '2026'];
  let files = 0;
  const written = new Set();
  const write = (account, url, r) => {
    const name = path.join(o.out, account, fileName(url));
    if (written.has(name)) return;
    written.add(name);
    fs.mkdirSync(path.dirname(name), { recursive: true });
    // The request id is new on every request: the only part of an error body that is.
    const zip = r.textual || r.bytes.length < 22 || r.bytes.readUInt32LE(0) !== 0x04034b50 ? null : zipMembers(r.bytes);
    const body = r.textual
      ? r.bytes.toString('utf8').replace(/"requestId":"[0-9a-f-]{36}"/g, '"requestId":"…"')
      : zip !== null
        ? `zip members\n${zip}`
        : `sha256 ${crypto.createHash('sha256').update(r.bytes).digest('hex')} (${r.bytes.length} bytes)`;
    fs.writeFileSync(name, `${url}\n${r.status} ${r.type}\n${body}\n`);
    files += 1;
  };

  for (const account of ACCOUNTS) {
    const cookie = sessions[account];
    const orgTree = (await get(o.url, cookie, '/api/org-units/tree')).json();
    for (const route of routes) {
      const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
      let urls = [];
      if (params.length === 0) {
        urls = variants(route, years).map((q) => route + q);
      } else {
        const parent = route.slice(0, route.indexOf(`/:${params[0]}`));
        let ids;
        if (parent === '/api/org-units') ids = Array.isArray(orgTree) ? treeIds(orgTree) : [];
        else {
          const mine = (await listOf(account, parent)).slice(0, o.perList);
          const others = (await listOf('county', parent)).filter((id) => !mine.includes(id)).slice(0, 3);
          ids = [...mine, ...others];
        }
        for (const id of ids) {
          const first = route.replace(`:${params[0]}`, id);
          if (params.length === 1) {
            urls.push(first);
            continue;
          }
          // A child id (attachments): from the record's detail, as the county account sees it.
          const detail = (await get(o.url, sessions.county, `${parent}/${id}`)).json();
          for (const child of (detail?.attachments ?? []).slice(0, 2)) urls.push(first.replace(`:${params[1]}`, child.id));
        }
      }
      for (const url of urls) write(account, url, await get(o.url, cookie, url));
    }
  }
  fs.writeFileSync(path.join(o.out, 'VOLATILE'), `${VOLATILE.map(String).join('\n')}\n`);
  process.stdout.write(`${files} answers of ${routes.length} GET routes as ${ACCOUNTS.length} accounts in ${o.out}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
