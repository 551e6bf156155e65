import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { PERMISSION_CODES } from '@fazhi/contracts';
import { demoEvidencePng } from '../src/database/seeds/demo-images';
import { binary, PARTIES } from './disputes-fixtures';
import { idOf, TestApp } from './test-app';

/**
 * Real records in four places for the access matrix and the foreign-id tests: a village of each
 * town inside the legal advisor's villages (GH-A: 南湾村) or outside them (GH-B: 石化村), and two
 * villages of 海宴镇. Records are made through the API by a county-wide account that holds every
 * business permission, so each record went through the same checks a user's would.
 */
export type PlaceKey = 'GH-A' | 'GH-B' | 'HY-A' | 'HY-B';
export interface Place {
  key: PlaceKey;
  town: string;
  village: string;
  /** An enforcement officer and a town leader of the town (certificates, deadline approvals). */
  officerUser: string;
  leaderUser: string;
  /** A peace officer active in 2021 (dispute mediators). */
  peaceOfficer: string;
}

/** Any record: its id and version, and the ids of what hangs from it. */
export interface Rec {
  id: string;
  version: number;
  townId: string;
  attachmentId?: string;
  partyId?: string;
  sessionId?: string;
  caseId?: string;
  username?: string;
  date?: string;
}

export type Kind =
  | 'vessel'
  | 'vesselPersuading'
  | 'vesselClosed'
  | 'campaign'
  | 'certificate'
  | 'dispute'
  | 'disputeMediating'
  | 'disputeAgreed'
  | 'disputeClosed'
  | 'peaceOfficer'
  | 'orgUnit'
  | 'user'
  | 'userDisabled'
  | 'role'
  | 'calendarDay'
  | 'advisorService'
  | 'advisor';

export const FACTORY_USER = 'matrix_factory';
export const VILLAGE_USER = 'villager';
const PHOTO = demoEvidencePng(7, 'before');

export class MatrixWorld {
  readonly places = {} as Record<PlaceKey, Place>;
  readonly cookies: Record<string, string> = {};
  factory = '';
  private counter = 0;
  private readonly free = new Map<string, Rec[]>();
  private readonly shared = new Map<string, Promise<Rec>>();
  private readonly exports = new Map<string, Promise<Buffer>>();
  private mediatorRole = '';
  private url = '';
  /** Requests sent through `req`, for the figures a run reports. */
  requests = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(readonly t: TestApp) {}

  /** A request to the server listening once, over kept-alive connections (thousands of calls). */
  req(method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string): request.Test {
    this.requests++;
    return request(this.url)[method](path).agent(this.agent);
  }

  close(): void {
    this.agent.destroy();
  }

  /** A number unique in this database (codes, usernames, certificate numbers, dates). */
  next(): number {
    return ++this.counter;
  }

  async setUp(usernames: readonly string[]): Promise<void> {
    const { ds } = this.t;
    await this.t.app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(this.t.app.getHttpServer().address() as AddressInfo).port}`;
    const [county, gh, hy] = await Promise.all(['TS', 'GH', 'HY'].map((c) => idOf(ds, 'org_unit', c)));
    const officer = (code: string) =>
      ds
        .query(
          `SELECT p.id FROM peace_officer p JOIN org_unit t ON t.id = p.town_id WHERE t.code = $1 AND p.active_from <= '2021-01-01' AND p.active_to IS NULL AND p.user_id IS NULL ORDER BY p.name LIMIT 1`,
          [code],
        )
        .then((rows: { id: string }[]) => rows[0]?.id);
    const [ghPeace, hyPeace, ghOfficer, hyOfficer, ghLeader, hyLeader] = await Promise.all([
      officer('GH'),
      officer('HY'),
      idOf(ds, 'app_user', 'officer'),
      idOf(ds, 'app_user', 'officer2'),
      idOf(ds, 'app_user', 'leader'),
      idOf(ds, 'app_user', 'leader2'),
    ]);
    if (!ghPeace || !hyPeace) throw new Error('the demo data has no active peace officer in each town');
    const villages = await Promise.all(['GH02', 'GH09', 'HY02', 'HY03'].map((c) => idOf(ds, 'org_unit', c)));
    const place = (key: PlaceKey, i: number): Place =>
      key.startsWith('GH')
        ? { key, town: gh, village: villages[i], officerUser: ghOfficer, leaderUser: ghLeader, peaceOfficer: ghPeace }
        : { key, town: hy, village: villages[i], officerUser: hyOfficer, leaderUser: hyLeader, peaceOfficer: hyPeace };
    (['GH-A', 'GH-B', 'HY-A', 'HY-B'] as const).forEach((k, i) => (this.places[k] = place(k, i)));
    this.mediatorRole = await idOf(ds, 'role', 'mediator');

    // The record maker: county-wide, every business and system-administration permission.
    const role = randomUUID();
    const user = randomUUID();
    const codes = PERMISSION_CODES.filter((c) => !c.startsWith('security.') && !c.startsWith('audit.'));
    await ds.query(
      `INSERT INTO role (id, code, name, name_en, default_scope, builtin, permissions, created_at, updated_at, version) VALUES ($1, $2, '造数', 'Record maker', 'all', false, $3, now(), now(), 1)`,
      [role, FACTORY_USER, codes],
    );
    await ds.query(
      `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
       SELECT $1, $2, '造数', NULL, $3, NULL, password_hash, now(), false, false, 'active', now(), now(), 1 FROM app_user WHERE username = 'leader'`,
      [user, FACTORY_USER, county],
    );
    await ds.query(`INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) VALUES ($1, $2, $3, $4, NULL, 'all', '{}', now())`, [
      randomUUID(),
      user,
      role,
      county,
    ]);
    await this.villageAccount(gh);
    const logins = await Promise.all([FACTORY_USER, ...usernames].map((u) => this.t.login(u)));
    this.factory = logins[0];
    usernames.forEach((u, i) => (this.cookies[u] = logins[i + 1]));
  }

  /**
   * `villager`: an enforcement officer and mediator of 广海镇 for the legal advisor's three villages
   * only (no demo account holds a ledger permission for some villages), so that village scopes are
   * tried on ledger records too.
   */
  private async villageAccount(town: string): Promise<void> {
    const { ds } = this.t;
    const id = randomUUID();
    const villages = await Promise.all(['GH01', 'GH02', 'GH03'].map((c) => idOf(ds, 'org_unit', c)));
    await ds.query(
      `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
       SELECT $1, $2, '村级执法调解员', NULL, $3, $3, password_hash, now(), false, false, 'active', now(), now(), 1 FROM app_user WHERE username = 'leader'`,
      [id, VILLAGE_USER, town],
    );
    for (const role of ['enforcement_officer', 'mediator'])
      await ds.query(
        `INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) SELECT $1, $2, role.id, $3, $3, 'villages', $4, now() FROM role WHERE code = $5`,
        [randomUUID(), id, town, villages, role],
      );
  }

  /** A request (as the record maker unless another session is given) that must answer `status`; its JSON body. */
  async make<T = Rec>(method: 'get' | 'post' | 'patch' | 'put', path: string, body?: object, status = method === 'post' ? 201 : 200, cookie = this.factory): Promise<T> {
    const res = await this.req(method, path).set('Cookie', cookie).send(body);
    if (res.status !== status) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  private async upload(path: string, version: number, stage = 'before'): Promise<Rec & { attachments: { id: string }[] }> {
    const res = await this.req('post', path).set('Cookie', this.factory).field('version', String(version)).field('stage', stage).attach('file', PHOTO, '现场照片.png');
    if (res.status !== 201 && res.status !== 200) throw new Error(`upload ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A record only this caller uses; give it back unless the call changed it. */
  async take(kind: Kind, place: Place): Promise<Rec> {
    const free = this.free.get(`${kind}@${place.key}`);
    return free?.pop() ?? this.create(kind, place);
  }

  give(kind: Kind, place: Place, rec: Rec): void {
    const key = `${kind}@${place.key}`;
    this.free.set(key, [...(this.free.get(key) ?? []), rec]);
  }

  /** One record per kind and place that nothing changes (reads, downloads, unmasking). */
  readOnly(kind: Kind, place: Place): Promise<Rec> {
    const key = `${kind}@${place.key}`;
    if (!this.shared.has(key)) this.shared.set(key, this.create(kind, place));
    return this.shared.get(key)!;
  }

  /** The record maker's spreadsheet export of a ledger for a town (the file the import reads back). */
  exported(ledger: 'vessel-cases' | 'disputes', town: string): Promise<Buffer> {
    const key = `${ledger}@${town}`;
    if (!this.exports.has(key))
      this.exports.set(
        key,
        this.req('get', `/api/${ledger}/export.xlsx?townId=${town}&pageSize=1`)
          .set('Cookie', this.factory)
          .buffer(true)
          .parse(binary)
          .then((res) => {
            if (res.status !== 200) throw new Error(`export ${ledger}: ${res.status}`);
            return res.body as Buffer;
          }),
      );
    return this.exports.get(key)!;
  }

  /** A user of the place's town holding the mediator role there. */
  async sqlUser(place: Place, status: 'active' | 'disabled' = 'active'): Promise<Rec> {
    const id = randomUUID();
    const username = `mx_user_${this.next()}`;
    await this.t.ds.query(
      `INSERT INTO app_user (id, username, display_name, phone, org_unit_id, town_id, password_hash, password_changed_at, must_change_password, demo, status, created_at, updated_at, version)
       SELECT $1, $2, '矩阵用户', NULL, $3, $4, password_hash, now(), false, false, $5, now(), now(), 1 FROM app_user WHERE username = 'leader'`,
      [id, username, place.village, place.town, status],
    );
    await this.t.ds.query(`INSERT INTO user_role (id, user_id, role_id, org_unit_id, town_id, scope, village_ids, created_at) VALUES ($1, $2, $3, $4, $4, 'town', '{}', now())`, [
      randomUUID(),
      id,
      this.mediatorRole,
      place.town,
    ]);
    return { id, version: 1, townId: place.town, username };
  }

  /** A notification for `recipient` in the place's town. */
  async notification(place: Place, recipient: string): Promise<Rec> {
    const id = randomUUID();
    await this.t.ds.query(`INSERT INTO notification (id, town_id, recipient_id, kind, title, created_at) VALUES ($1, $2, (SELECT id FROM app_user WHERE username = $3), 'matrix', '矩阵提醒', now())`, [
      id,
      place.town,
      recipient,
    ]);
    return { id, version: 0, townId: place.town };
  }

  roleAssignment(place: Place) {
    return [{ roleId: this.mediatorRole, orgUnitId: place.town, scope: 'town' }];
  }

  async create(kind: Kind, p: Place): Promise<Rec> {
    const n = this.next();
    const rec = (body: { id: string; version: number }, extra: Partial<Rec> = {}): Rec => ({ id: body.id, version: body.version, townId: p.town, ...extra });
    switch (kind) {
      case 'vessel': {
        const v = await this.make('post', '/api/vessel-cases', {
          townId: p.town,
          villageId: p.village,
          discoveredAt: '2021-06-14T09:30:00+08:00',
          place: '南湾码头',
          source: 'patrol',
          hullMaterial: 'wood',
          ownerName: '黄大海',
          ownerIdNumber: '11010519491231002X',
          ownerPhone: '13812345678',
        });
        const d = await this.upload(`/api/vessel-cases/${v.id}/attachments`, v.version);
        return rec(d, { attachmentId: d.attachments[0].id });
      }
      case 'vesselPersuading': {
        const v = await this.make('post', '/api/vessel-cases', {
          townId: p.town,
          villageId: p.village,
          discoveredAt: '2021-06-14T09:30:00+08:00',
          place: '南湾码头',
          source: 'patrol',
          hullMaterial: 'wood',
        });
        return rec(await this.make('post', `/api/vessel-cases/${v.id}/transitions`, { to: 'persuading', version: v.version }, 200));
      }
      case 'vesselClosed': {
        const v = await this.make('post', '/api/vessel-cases', {
          townId: p.town,
          villageId: p.village,
          discoveredAt: '2021-06-14T09:30:00+08:00',
          place: '南湾码头',
          source: 'patrol',
          hullMaterial: 'wood',
        });
        const data = { handedOverOn: '2021-06-15', externalCaseNo: `TS-2021-${n}` };
        return rec(await this.make('post', `/api/vessel-cases/${v.id}/transitions`, { to: 'handed_over', version: v.version, data }, 200));
      }
      case 'campaign': {
        const c = await this.make('post', '/api/campaigns', { townId: p.town, date: '2021-06-20', place: '南湾码头' });
        const withFile = await this.upload(`/api/campaigns/${c.id}/attachments`, c.version, 'other');
        const vessel = await this.take('vesselPersuading', p);
        const withVessel = await this.make('post', `/api/campaigns/${c.id}/vessels`, { version: withFile.version, caseIds: [vessel.id] }, 200);
        return rec(withVessel, { attachmentId: withFile.attachments[0].id, caseId: vessel.id });
      }
      case 'certificate':
        return rec(await this.make('post', '/api/certificates', { officerId: p.officerUser, number: `矩阵执法证${n}`, issuedOn: '2021-01-01', expiresOn: '2026-12-31' }));
      case 'advisorService': {
        const [advisor] = await this.t.ds.query(`SELECT advisor_id AS id FROM advisor_assignment WHERE village_id = $1 ORDER BY advisor_id LIMIT 1`, [p.village]);
        const start = 6 * 60 + (n % 90) * 10;
        const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const e = await this.make('post', '/api/advisor-services', {
          villageId: p.village,
          advisorId: advisor.id,
          type: 'consultation',
          // Saturdays: the demo advisors log working days only.
          serviceDate: ['2021-04-03', '2021-04-10', '2021-04-17', '2021-04-24', '2021-05-15', '2021-05-22'][Math.floor(n / 90) % 6],
          startTime: clock(start),
          endTime: clock(start + 10),
          clientName: '黄大海',
          clientPhone: '13812345678',
          content: '咨询土地承包合同',
        });
        const withFile = await this.upload(`/api/advisor-services/${e.id}/attachments`, e.version, 'during');
        return rec(withFile, { attachmentId: withFile.attachments[0].id });
      }
      case 'advisor':
        return rec(
          await this.make('post', '/api/advisors', {
            townId: p.town,
            name: '矩阵顾问',
            lawFirm: '矩阵律师事务所',
            licenceNo: `1440720${n}`,
            phone: '0750-5000000',
            villages: [{ villageId: p.village, from: '2021-01-01' }],
          }),
        );
      case 'dispute': {
        const d = await this.make<Rec & { parties: { id: string }[] }>('post', '/api/disputes', {
          townId: p.town,
          villageId: p.village,
          occurredOn: '2021-06-10',
          source: 'application',
          category: 'neighbour',
          summary: '两户因排水沟走向发生争执',
          parties: PARTIES,
        });
        const withFile = await this.upload(`/api/disputes/${d.id}/attachments`, d.version, 'document');
        return rec(withFile, { attachmentId: withFile.attachments[0].id, partyId: d.parties[1].id });
      }
      case 'disputeMediating': {
        const d = await this.take('dispute', p);
        const accepted = await this.make('post', `/api/disputes/${d.id}/transitions`, { to: 'accepted', version: d.version, data: { acceptedOn: '2021-06-11', mediatorIds: [p.peaceOfficer] } }, 200);
        const mediating = await this.make('post', `/api/disputes/${d.id}/transitions`, { to: 'mediating', version: accepted.version }, 200);
        const session = await this.make<Rec & { sessions: { id: string }[] }>('post', `/api/disputes/${d.id}/sessions`, {
          version: mediating.version,
          date: '2021-06-12',
          place: '村委会调解室',
          attendees: '双方当事人、平安员',
          record: '听取双方陈述,讲解法律规定',
        });
        return rec(session, { attachmentId: d.attachmentId, partyId: d.partyId, sessionId: session.sessions[0].id });
      }
      case 'disputeAgreed': {
        const d = await this.take('disputeMediating', p);
        const agreed = await this.make(
          'post',
          `/api/disputes/${d.id}/transitions`,
          {
            to: 'agreed',
            version: d.version,
            data: {
              agreementForm: 'written',
              agreedOn: '2021-06-13',
              facts: '双方因排水沟改道发生争执',
              issues: '排水沟走向',
              terms: '黄大海于2021年7月15日前将排水沟改至屋后,陈水明配合施工',
              performanceManner: '当事人自行施工,村委会见证',
              performanceDeadline: '2021-07-15',
            },
          },
          200,
        );
        return rec(agreed, { attachmentId: d.attachmentId, partyId: d.partyId });
      }
      case 'disputeClosed': {
        const d = await this.take('dispute', p);
        const refused = await this.make(
          'post',
          `/api/disputes/${d.id}/transitions`,
          { to: 'refused', version: d.version, data: { refusedOn: '2021-06-12', refusingPartyId: d.partyId, refusalReason: '被申请人拒绝调解' } },
          200,
        );
        return rec(await this.make('post', `/api/disputes/${d.id}/transitions`, { to: 'archived', version: refused.version, data: { archivedOn: '2021-06-14' } }, 200));
      }
      case 'peaceOfficer':
        return rec(await this.make('post', '/api/peace-officers', { townId: p.town, villageId: p.village, name: '矩阵平安员', phone: '13800001111', activeFrom: '2021-01-01' }));
      case 'orgUnit':
        return rec(await this.make('post', '/api/org-units', { parentId: p.town, code: `MX${n}`, name: `矩阵村${n}` }));
      case 'user':
        return this.sqlUser(p);
      case 'userDisabled':
        return this.sqlUser(p, 'disabled');
      case 'role':
        return rec(await this.make('post', '/api/roles', { code: `mx_role_${n}`, name: `矩阵角色${n}`, nameEn: `Matrix role ${n}`, defaultScope: 'town', permissions: ['vessel.read'] }));
      case 'calendarDay': {
        const date = dayOf(n);
        const day = await this.make<{ version: number }>('put', `/api/calendar/${date}`, { kind: 'holiday', name: '矩阵假日', version: 0 });
        return { id: date, version: day.version, townId: p.town, date };
      }
    }
  }
}

/** The n-th day from 1 January 2030, far from any kept calendar year. */
export function dayOf(n: number): string {
  return new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}
