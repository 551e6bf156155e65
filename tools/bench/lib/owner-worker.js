'use strict';
/**
 * Worker thread of the generator: makes vessel owners (name, ID number, mobile) and encrypts them
 * exactly as the API does (apps/api/src/ledger-core/personal-data): AES-256-GCM under
 * sha256(PERSONAL_DATA_KEY) as `v1:` + base64(iv | tag | body), and the blind index
 * HMAC-SHA256(sha256(BLIND_INDEX_KEY), `${kind}:${normalised}`) in hex.
 */
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');

const { from, to, chunk, personalDataKey, blindIndexKey } = workerData;
const key = crypto.createHash('sha256').update(personalDataKey).digest();
const indexKey = crypto.createHash('sha256').update(blindIndexKey).digest();

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'黄陈李梁伍甄谭邝朱余雷关刘林何吴张王杨周郑冯蔡许叶苏罗邓曾彭钟卢江温谢麦莫严'];
const GIVEN = [...'海生水明志强永福国华大亚九伟雄金树根德光锦泉炳坤沛耀宗添财炳辉汉文英秀兰凤娟燕玲桂芳有田达荣广成'];
const REGIONS = [
  '440781',
  '440783',
  '440784',
  '440785',
  '440705',
  '440882',
  '440883',
  '440825',
  '441581',
  '441523',
  '440513',
  '440514',
  '440515',
  '441702',
  '441721',
  '441781',
  '440404',
  '440902',
  '440904',
  '442000',
];
const PHONE_PREFIX = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '177', '180', '181', '186', '187', '188', '189', '198'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function person(n) {
  const r = rng(Math.imul(n + 1, 2654435761) ^ 0x5bd1e995);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.7 ? pick(GIVEN) : '');
  const y = 1950 + Math.floor(r() * 46);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const body = `${pick(REGIONS)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  const id = body + '10X98765432'[sum % 11];
  const phone = pick(PHONE_PREFIX) + String(Math.floor(r() * 1e8)).padStart(8, '0');
  return { name, id, phone };
}

function encrypt(value) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The API's normalizePersonal: NFKC, trimmed; ID upper-case without spaces; phone without spaces and dashes. */
function blindIndex(kind, value) {
  let v = value.normalize('NFKC').trim();
  if (kind === 'idNumber') v = v.toUpperCase().replace(/\s+/g, '');
  else if (kind === 'phone') v = v.replace(/[\s-]+/g, '');
  else v = v.replace(/\s+/g, ' ');
  return crypto.createHmac('sha256', indexKey).update(`${kind}:${v}`).digest('hex');
}

for (let start = from; start < to; start += chunk) {
  const end = Math.min(to, start + chunk);
  const rows = { n: [], nameEnc: [], nameIdx: [], idEnc: [], idIdx: [], phoneEnc: [], phoneIdx: [] };
  for (let n = start; n < end; n++) {
    const p = person(n);
    rows.n.push(n);
    rows.nameEnc.push(encrypt(p.name));
    rows.nameIdx.push(blindIndex('name', p.name));
    rows.idEnc.push(encrypt(p.id));
    rows.idIdx.push(blindIndex('idNumber', p.id));
    rows.phoneEnc.push(encrypt(p.phone));
    rows.phoneIdx.push(blindIndex('phone', p.phone));
  }
  parentPort.postMessage(rows);
}
parentPort.postMessage(null);
