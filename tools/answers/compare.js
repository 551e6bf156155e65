#!/usr/bin/env node
'use strict';
/**
 * `node tools/answers/compare.js <before> <after> [--since 2026-12-21]`: compares two captures of
 * capture.js. Identifiers and instants that the capture itself creates (random v4 UUIDs of records
 * generated on request, instants from --since on, the day the servers' clock started) are replaced
 * by placeholders first; every other byte must match. Prints the files that differ, the answers
 * listed as volatile (sign-ins, audit rows) apart, and exits 1 when a non-volatile answer differs.
 */
const fs = require('node:fs');
const path = require('node:path');

const [before, after] = process.argv.slice(2, 4);
const sinceAt = process.argv.indexOf('--since');
const since = sinceAt > 0 ? process.argv[sinceAt + 1] : '2026-12-21';
if (!before || !after) {
  process.stderr.write('usage: compare.js <before> <after> [--since YYYY-MM-DD]\n');
  process.exit(2);
}
const volatile = fs
  .readFileSync(path.join(before, 'VOLATILE'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((r) => new RegExp(r.slice(1, r.lastIndexOf('/'))));

const normal = (text) =>
  text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, '<uuid4>').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, (at) => (at >= since ? '<now>' : at));

/** Each capture's answers by normalised file name (generated ids in the name too), contents sorted. */
function load(dir) {
  const out = new Map();
  for (const f of fs.readdirSync(dir, { recursive: true }).filter((x) => x.endsWith('.txt'))) {
    const text = normal(fs.readFileSync(path.join(dir, f), 'utf8'));
    const key = normal(f);
    out.set(key, [...(out.get(key) ?? []), text].sort());
  }
  return out;
}
const a = load(before);
const b = load(after);
const differ = [];
const moved = [];
for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
  const x = a.get(key) ?? [];
  const y = b.get(key) ?? [];
  if (x.length === y.length && x.every((t, i) => t === y[i])) continue;
  const url = (x[0] ?? y[0]).split('\n')[0];
  (volatile.some((r) => r.test(url)) ? moved : differ).push(`${x.length ? '' : '(only after) '}${y.length ? '' : '(only before) '}${key}`);
}
process.stdout.write(`${a.size} answers before, ${b.size} after; ${differ.length} differ, ${moved.length} volatile ones differ\n`);
for (const f of differ) process.stdout.write(`DIFFER   ${f}\n`);
for (const f of moved) process.stdout.write(`volatile ${f}\n`);
process.exit(differ.length ? 1 : 0);
