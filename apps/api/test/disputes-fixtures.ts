import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { idOf, TestApp } from './test-app';

/** Test data and steps shared by the dispute ledger's API tests. */
export const PARTIES = [
  { role: 'applicant', name: '黄大海', idNumber: '11010519491231002X', phone: '13812345678', address: '台山市广海镇南湾村12号' },
  { role: 'respondent', name: '陈水明', phone: '13900001111', address: '台山市广海镇南湾村15号' },
];

export interface DisputeRef {
  id: string;
  number: string;
  version: number;
  status: string;
  parties: { id: string; name: string }[];
}

export function disputeSteps(t: TestApp) {
  const register = async (cookie: string, extra: Record<string, unknown> = {}): Promise<DisputeRef> => {
    const res = await t.http
      .post('/api/disputes')
      .set('Cookie', cookie)
      .send({ occurredOn: '2021-06-10', source: 'application', category: 'neighbour', summary: '两户因排水沟走向发生争执', parties: PARTIES, ...extra });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const step = (cookie: string, id: string, version: number, to: string, data?: Record<string, unknown>) =>
    t.http.post(`/api/disputes/${id}/transitions`).set('Cookie', cookie).send({ to, version, data });
  const ok = async (cookie: string, id: string, version: number, to: string, data?: Record<string, unknown>) => {
    const res = await step(cookie, id, version, to, data);
    if (res.status !== 200) throw new Error(`${to}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const session = async (cookie: string, id: string, version: number, date = '2021-06-15') => {
    const res = await t.http
      .post(`/api/disputes/${id}/sessions`)
      .set('Cookie', cookie)
      .send({ version, date, place: '村委会调解室', attendees: '双方当事人、平安员', record: '听取双方陈述,讲解法律规定' });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Registered → accepted → mediating with one session. */
  const toMediating = async (cookie: string, mediatorIds: string[], extra: Record<string, unknown> = {}) => {
    const d = await register(cookie, extra);
    let v = await ok(cookie, d.id, d.version, 'accepted', { acceptedOn: '2021-06-01', mediatorIds });
    v = await ok(cookie, d.id, v.version, 'mediating');
    return session(cookie, d.id, v.version);
  };
  const agree = (cookie: string, id: string, version: number, extra: Record<string, unknown> = {}) =>
    ok(cookie, id, version, 'agreed', {
      agreementForm: 'written',
      agreedOn: '2021-06-15',
      facts: '双方因排水沟改道发生争执',
      issues: '排水沟走向',
      terms: '黄大海于2021年7月15日前将排水沟改至屋后,陈水明配合施工',
      performanceManner: '当事人自行施工,村委会见证',
      performanceDeadline: '2021-07-15',
      ...extra,
    });
  return { register, step, ok, session, toMediating, agree };
}

/** The text of a .docx body, read from word/document.xml. */
export async function docxBodyText(content: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

export const binary = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Gives officer2 (海宴镇) the mediator role too, so the second town has a mediator. */
export async function makeOfficer2Mediator(t: TestApp): Promise<void> {
  const [user, role, town] = await Promise.all([idOf(t.ds, 'app_user', 'officer2'), idOf(t.ds, 'role', 'mediator'), idOf(t.ds, 'org_unit', 'HY')]);
  await t.ds.query(`INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) VALUES ($1,$2,$3,$4,$4,'town','{}',now())`, [randomUUID(), user, role, town]);
}

export async function officerId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.ds.query(`SELECT id FROM peace_officer WHERE name = $1`, [name]);
  return row.id;
}

/** An officer of a town active in 2021 and still active. */
export async function activeOfficer(t: TestApp, townCode: string): Promise<string> {
  const [row] = await t.ds.query(
    `SELECT p.id FROM peace_officer p JOIN org_unit t ON t.id = p.town_id WHERE t.code = $1 AND p.active_from <= '2021-01-01' AND p.active_to IS NULL AND p.user_id IS NULL ORDER BY p.name LIMIT 1`,
    [townCode],
  );
  return row.id;
}
