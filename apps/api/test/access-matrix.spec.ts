import { routeTable } from '../src/access/route-table';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-seed';
import { binary } from './disputes-fixtures';
import { dayOf, Kind, MatrixWorld, Place, PlaceKey, Rec, VILLAGE_USER } from './matrix-fixtures';
import { createTestApp, TestApp } from './test-app';

/**
 * The access matrix: every route × every demo account (no session, and `villager`, a village-scoped
 * ledger account, see matrix-fixtures) × a target in the caller's
 * own town, in another village of that town (outside the legal advisor's villages), and in the
 * other town, each with a real record. An account whose permissions hold none the route asks for
 * is refused by the guard before the path is read: one call stands for every target (`any`).
 * Routes naming no town have one target (`-`), and so do calls without a session. The answers are
 * kept as a reviewed snapshot; a route the table below does not know fails the test until its row
 * is written. Each call that changes a record gets a record of its own.
 */
const ROLES = ['anonymous', 'admin', 'security', 'auditor', 'leader', 'legal', 'officer', 'mediator', 'advisor', 'petition', 'leader2', 'officer2', 'county', VILLAGE_USER] as const;
type Role = (typeof ROLES)[number];
const TARGETS = ['own-town', 'other-village', 'other-town'] as const;
type Target = (typeof TARGETS)[number];

/** Where each target lies for an account: Haiyan accounts look from 海宴镇. */
function placeKey(role: Role, target: Target): PlaceKey {
  const haiyan = role === 'leader2' || role === 'officer2';
  if (target === 'own-town') return haiyan ? 'HY-A' : 'GH-A';
  if (target === 'other-village') return haiyan ? 'HY-B' : 'GH-B';
  return haiyan ? 'GH-A' : 'HY-A';
}

interface Call {
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: object;
  /** multipart form fields and one file */
  form?: { fields: Record<string, string>; file: Buffer; name: string };
}
interface Cell {
  w: MatrixWorld;
  p: Place;
  rec: Rec;
  role: Role;
  n: number;
}
interface RouteSpec {
  /** `place`: a record or filter in each target; `none`: the route names no town. */
  targets: 'place' | 'none';
  /** The record in the path: `read` ones are shared and unchanged, `write` ones taken per call. */
  record?: { kind: Kind; use: 'read' | 'write' };
  /** Runs alone, after the others (a town's single setting, the caller's own session). */
  serial?: boolean;
  /** A session made for this call only (logout, password change). */
  ownSession?: boolean;
  call(c: Cell): Call | Promise<Call>;
  after?(c: Cell, status: number): Promise<void>;
}

const v = (c: Cell) => ({ version: c.rec.version });
const town = (c: Cell) => ({ townId: c.p.town });
const placeFilter = (c: Cell) => ({ townId: c.p.town, villageId: c.p.village });
const read = (kind: Kind) => ({ kind, use: 'read' as const });
const write = (kind: Kind) => ({ kind, use: 'write' as const });
const upload = (c: Cell, stage: string) => ({ fields: { version: String(c.rec.version), stage }, file: PNG, name: '现场照片.png' });
let PNG: Buffer = Buffer.alloc(0);
const usernameOf = (role: Role) => (role === 'anonymous' ? 'leader' : role);

/** Upload, download and removal of a ledger record's attachments. */
const attachmentRoutes = (base: string, kind: Kind, stage: string): Record<string, RouteSpec> => ({
  [`POST /api/${base}/:id/attachments`]: { targets: 'place', record: write(kind), call: (c) => ({ path: `/api/${base}/${c.rec.id}/attachments`, form: upload(c, stage) }) },
  [`GET /api/${base}/:id/attachments/:attachmentId`]: { targets: 'place', record: read(kind), call: (c) => ({ path: `/api/${base}/${c.rec.id}/attachments/${c.rec.attachmentId}` }) },
  [`DELETE /api/${base}/:id/attachments/:attachmentId`]: {
    targets: 'place',
    record: write(kind),
    call: (c) => ({ path: `/api/${base}/${c.rec.id}/attachments/${c.rec.attachmentId}`, query: v(c) }),
  },
});

/** How to call each route so that it reaches its permission and scope checks. */
/** The error code of a JSON answer, or what the answer was instead. */
function parsedCode(body: Buffer): string {
  try {
    return (JSON.parse(body.toString()) as { code?: string }).code ?? 'no code';
  } catch {
    return `not JSON (${body.length} bytes)`;
  }
}

const ROUTES: Record<string, RouteSpec> = {
  ...attachmentRoutes('campaigns', 'campaign', 'other'),
  ...attachmentRoutes('disputes', 'dispute', 'document'),
  ...attachmentRoutes('advisor-services', 'advisorService', 'during'),
  ...attachmentRoutes('vessel-cases', 'vessel', 'before'),
  'POST /api/auth/login': { targets: 'none', call: (c) => ({ path: '/api/auth/login', body: { username: usernameOf(c.role), password: DEMO_PASSWORD } }) },
  'POST /api/auth/token': { targets: 'none', call: (c) => ({ path: '/api/auth/token', body: { username: usernameOf(c.role), password: DEMO_PASSWORD } }) },
  'GET /api/auth/session': { targets: 'none', call: () => ({ path: '/api/auth/session' }) },
  'GET /api/auth/me': { targets: 'none', call: () => ({ path: '/api/auth/me' }) },
  'POST /api/auth/logout': { targets: 'none', serial: true, ownSession: true, call: () => ({ path: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    targets: 'none',
    serial: true,
    ownSession: true,
    call: (c) => ({ path: '/api/auth/password', body: { currentPassword: DEMO_PASSWORD, newPassword: `Matrix#${c.n}pw` } }),
    // The demo password again, so that the next sign-in of the account works.
    after: async (c) => {
      if (c.role === 'anonymous') return;
      await c.w.t.ds.query(`UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE username = 'matrix_factory'), must_change_password = false WHERE username = $1`, [c.role]);
    },
  },
  'GET /api/health': { targets: 'none', call: () => ({ path: '/api/health' }) },

  'GET /api/calendar': { targets: 'none', call: () => ({ path: '/api/calendar', query: { year: 2021 } }) },
  'PUT /api/calendar/years/:year': { targets: 'none', call: () => ({ path: '/api/calendar/years/2027', body: { version: 0 } }) },
  'DELETE /api/calendar/years/:year': { targets: 'none', call: () => ({ path: '/api/calendar/years/2021', query: { version: 1 } }) },
  'PUT /api/calendar/:date': { targets: 'none', call: (c) => ({ path: `/api/calendar/${dayOf(c.n)}`, body: { kind: 'holiday', name: '矩阵假日', version: 0 } }) },
  'DELETE /api/calendar/:date': { targets: 'none', record: write('calendarDay'), call: (c) => ({ path: `/api/calendar/${c.rec.date}`, query: v(c) }) },
  'GET /api/my/deadlines': { targets: 'none', call: () => ({ path: '/api/my/deadlines' }) },

  'GET /api/campaigns': { targets: 'place', call: (c) => ({ path: '/api/campaigns', query: town(c) }) },
  'POST /api/campaigns': { targets: 'place', call: (c) => ({ path: '/api/campaigns', body: { ...town(c), date: '2021-06-20', place: '南湾码头' } }) },
  'GET /api/campaigns/:id': { targets: 'place', record: read('campaign'), call: (c) => ({ path: `/api/campaigns/${c.rec.id}` }) },
  'PATCH /api/campaigns/:id': { targets: 'place', record: write('campaign'), call: (c) => ({ path: `/api/campaigns/${c.rec.id}`, body: { ...v(c), place: '南湾码头东侧' } }) },
  'POST /api/campaigns/:id/close': { targets: 'place', record: write('campaign'), call: (c) => ({ path: `/api/campaigns/${c.rec.id}/close`, body: v(c) }) },
  'POST /api/campaigns/:id/vessels': {
    targets: 'place',
    record: write('campaign'),
    call: async (c) => ({ path: `/api/campaigns/${c.rec.id}/vessels`, body: { ...v(c), caseIds: [(await c.w.take('vesselPersuading', c.p)).id] } }),
  },
  'DELETE /api/campaigns/:id/vessels/:caseId': { targets: 'place', record: write('campaign'), call: (c) => ({ path: `/api/campaigns/${c.rec.id}/vessels/${c.rec.caseId}`, query: v(c) }) },
  'POST /api/campaigns/:id/void': { targets: 'place', record: write('campaign'), call: (c) => ({ path: `/api/campaigns/${c.rec.id}/void`, body: { ...v(c), reason: '重复登记' } }) },

  'GET /api/certificates': { targets: 'place', call: (c) => ({ path: '/api/certificates', query: town(c) }) },
  'GET /api/certificates/officers': { targets: 'none', call: () => ({ path: '/api/certificates/officers' }) },
  'POST /api/certificates': {
    targets: 'place',
    call: (c) => ({ path: '/api/certificates', body: { officerId: c.p.officerUser, number: `矩阵执法证${c.n}`, issuedOn: '2021-01-01', expiresOn: '2026-12-31' } }),
  },
  'GET /api/certificates/:id': { targets: 'place', record: read('certificate'), call: (c) => ({ path: `/api/certificates/${c.rec.id}` }) },
  'POST /api/certificates/:id/events': {
    targets: 'place',
    record: write('certificate'),
    call: (c) => ({ path: `/api/certificates/${c.rec.id}/events`, body: { ...v(c), kind: 'annual_review', date: '2021-06-15' } }),
  },

  'GET /api/disputes': { targets: 'place', call: (c) => ({ path: '/api/disputes', query: placeFilter(c) }) },
  'POST /api/disputes/search': { targets: 'place', call: (c) => ({ path: '/api/disputes/search', body: { ...placeFilter(c), partyIdNumber: '440781198001010011' } }) },
  'POST /api/disputes/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/disputes/export.xlsx', body: { ...placeFilter(c), partyIdNumber: '440781198001010011' } }) },
  'POST /api/disputes': {
    targets: 'place',
    call: (c) => ({ path: '/api/disputes', body: { ...placeFilter(c), occurredOn: '2021-06-10', source: 'application', category: 'neighbour', summary: '两户因排水沟走向发生争执' } }),
  },
  'GET /api/disputes/warnings': { targets: 'place', call: (c) => ({ path: '/api/disputes/warnings', query: town(c) }) },
  'GET /api/disputes/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/disputes/export.xlsx', query: placeFilter(c) }) },
  'POST /api/disputes/import': {
    targets: 'place',
    call: async (c) => ({ path: '/api/disputes/import', query: { mode: 'preview', ...town(c) }, form: { fields: {}, file: await c.w.exported('disputes', c.p.town), name: 'ledger.xlsx' } }),
  },
  'GET /api/disputes/settings/mediation-period': { targets: 'place', call: (c) => ({ path: '/api/disputes/settings/mediation-period', query: town(c) }) },
  'PUT /api/disputes/settings/mediation-period': {
    targets: 'place',
    serial: true,
    call: async (c) => {
      const now = await c.w.make<{ version: number; value: { amount: number; unit: string } }>('get', `/api/disputes/settings/mediation-period?townId=${c.p.town}`);
      return { path: '/api/disputes/settings/mediation-period', query: town(c), body: { version: now.version, amount: now.value.amount, unit: now.value.unit } };
    },
  },
  'GET /api/disputes/agreement-template': { targets: 'place', call: (c) => ({ path: '/api/disputes/agreement-template', query: town(c) }) },
  'GET /api/disputes/agreement-template.docx': { targets: 'place', call: (c) => ({ path: '/api/disputes/agreement-template.docx', query: town(c) }) },
  'POST /api/disputes/agreement-template': {
    targets: 'place',
    serial: true,
    call: async (c) => {
      const now = await c.w.make<{ version: number }>('get', `/api/disputes/agreement-template?townId=${c.p.town}`);
      return { path: '/api/disputes/agreement-template', query: town(c), form: { fields: { version: String(now.version) }, file: TEMPLATE, name: '协议书.docx' } };
    },
  },
  'DELETE /api/disputes/agreement-template': {
    targets: 'place',
    serial: true,
    call: async (c) => {
      // A town's own template first, so that there is one to reset.
      let now = await c.w.make<{ version: number; source: string }>('get', `/api/disputes/agreement-template?townId=${c.p.town}`);
      if (now.source === 'builtin') {
        const res = await c.w
          .req('post', `/api/disputes/agreement-template?townId=${c.p.town}`)
          .set('Cookie', c.w.factory)
          .field('version', String(now.version))
          .attach('file', TEMPLATE, '协议书.docx');
        if (res.status !== 200) throw new Error(`template upload: ${res.status} ${JSON.stringify(res.body)}`);
        now = res.body;
      }
      return { path: '/api/disputes/agreement-template', query: { ...town(c), version: now.version } };
    },
  },
  'GET /api/disputes/:id': { targets: 'place', record: read('dispute'), call: (c) => ({ path: `/api/disputes/${c.rec.id}` }) },
  'PATCH /api/disputes/:id': { targets: 'place', record: write('dispute'), call: (c) => ({ path: `/api/disputes/${c.rec.id}`, body: { ...v(c), place: '村委会' } }) },
  'GET /api/disputes/:id/agreement.docx': { targets: 'place', record: read('disputeAgreed'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/agreement.docx` }) },
  'GET /api/disputes/:id/deadline/approvers': { targets: 'place', record: read('disputeMediating'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/deadline/approvers` }) },
  'POST /api/disputes/:id/deadline/extend': {
    targets: 'place',
    record: write('disputeMediating'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/deadline/extend`, body: { ...v(c), days: 15, reason: '当事人外出务工', approvedBy: c.p.leaderUser } }),
  },
  'POST /api/disputes/:id/escalation': {
    targets: 'place',
    record: write('disputeMediating'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/escalation`, body: { ...v(c), escalatedOn: '2021-06-15', level: 'county', kind: 'petition' } }),
  },
  'POST /api/disputes/:id/follow-ups': {
    targets: 'place',
    record: write('disputeAgreed'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/follow-ups`, body: { ...v(c), date: '2021-06-15', visitor: '甄秀英', performance: 'in_progress', satisfaction: 'satisfied' } }),
  },
  'POST /api/disputes/:id/judicial-confirmation': {
    targets: 'place',
    record: write('disputeAgreed'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/judicial-confirmation`, body: { ...v(c), appliedOn: '2021-06-15', court: '台山市人民法院' } }),
  },
  'POST /api/disputes/:id/parties': {
    targets: 'place',
    record: write('dispute'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/parties`, body: { ...v(c), role: 'third_party', name: '李四' } }),
  },
  'PATCH /api/disputes/:id/parties/:partyId': {
    targets: 'place',
    record: write('dispute'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/parties/${c.rec.partyId}`, body: { ...v(c), address: '台山市广海镇南湾村16号' } }),
  },
  'DELETE /api/disputes/:id/parties/:partyId': { targets: 'place', record: write('dispute'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/parties/${c.rec.partyId}`, query: v(c) }) },
  'POST /api/disputes/:id/reopen': { targets: 'place', record: write('disputeClosed'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/reopen`, body: { ...v(c), reason: '当事人反映协议未履行' } }) },
  'POST /api/disputes/:id/risk': {
    targets: 'place',
    record: write('dispute'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/risk`, body: { ...v(c), level: 'elevated', reason: '双方言语冲突' } }),
  },
  'POST /api/disputes/:id/sessions': {
    targets: 'place',
    record: write('disputeMediating'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/sessions`, body: { ...v(c), date: '2021-06-14', place: '村委会调解室', attendees: '双方当事人', record: '再次调解' } }),
  },
  'DELETE /api/disputes/:id/sessions/:sessionId': {
    targets: 'place',
    record: write('disputeMediating'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/sessions/${c.rec.sessionId}`, query: v(c) }),
  },
  'POST /api/disputes/:id/transitions': {
    targets: 'place',
    record: write('dispute'),
    call: (c) => ({ path: `/api/disputes/${c.rec.id}/transitions`, body: { ...v(c), to: 'accepted', data: { acceptedOn: '2021-06-11', mediatorIds: [c.p.peaceOfficer] } } }),
  },
  'POST /api/disputes/:id/unmask': { targets: 'place', record: read('dispute'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/unmask`, body: { fields: ['name'], reason: '联系当事人' } }) },
  'POST /api/disputes/:id/void': { targets: 'place', record: write('dispute'), call: (c) => ({ path: `/api/disputes/${c.rec.id}/void`, body: { ...v(c), reason: '重复登记' } }) },

  'GET /api/login-history': { targets: 'none', call: () => ({ path: '/api/login-history' }) },
  'GET /api/audit-log': { targets: 'none', call: () => ({ path: '/api/audit-log' }) },
  'GET /api/security/policy': { targets: 'none', call: () => ({ path: '/api/security/policy' }) },
  'PUT /api/security/policy': {
    targets: 'none',
    serial: true,
    call: async (c) => {
      const res = await c.w.req('get', '/api/security/policy').set('Cookie', c.w.cookies.security);
      if (res.status !== 200) throw new Error(`policy: ${res.status}`);
      const { updatedAt: _updatedAt, ...policy } = res.body;
      return { path: '/api/security/policy', body: policy };
    },
  },
  'GET /api/security/locks': { targets: 'none', call: () => ({ path: '/api/security/locks' }) },
  'POST /api/security/locks/:username/unlock': {
    targets: 'place',
    record: write('user'),
    call: async (c) => {
      await c.w.t.ds.query(`INSERT INTO account_lock (username, locked_at, locked_until) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING`, [
        c.rec.username,
        c.w.t.clock.now(),
        new Date(c.w.t.clock.now().getTime() + 3_600_000),
      ]);
      return { path: `/api/security/locks/${c.rec.username}/unlock` };
    },
  },

  'GET /api/notifications': { targets: 'place', call: (c) => ({ path: '/api/notifications', query: town(c) }) },
  'GET /api/notifications/unread-count': { targets: 'place', call: (c) => ({ path: '/api/notifications/unread-count', query: town(c) }) },
  'POST /api/notifications/read-all': { targets: 'place', call: (c) => ({ path: '/api/notifications/read-all', query: town(c) }) },
  'POST /api/notifications/:id/read': {
    targets: 'place',
    // own town: the caller's own notice; other village and other town: a notice of an account there.
    call: async (c) => {
      const own = c.role !== 'anonymous' && placeKey(c.role, 'own-town') === c.p.key;
      const other = c.p.key.startsWith('HY') ? (c.role === 'officer2' ? 'leader2' : 'officer2') : c.role === 'leader' ? 'officer' : 'leader';
      const notice = await c.w.notification(c.p, own ? c.role : other);
      return { path: `/api/notifications/${notice.id}/read` };
    },
  },

  'GET /api/org-units/tree': { targets: 'none', call: () => ({ path: '/api/org-units/tree' }) },
  'GET /api/org-units/:id': { targets: 'place', call: (c) => ({ path: `/api/org-units/${c.p.village}` }) },
  'POST /api/org-units': { targets: 'place', call: (c) => ({ path: '/api/org-units', body: { parentId: c.p.town, code: `MXN${c.n}`, name: `矩阵新村${c.n}` } }) },
  'PATCH /api/org-units/:id': { targets: 'place', record: write('orgUnit'), call: (c) => ({ path: `/api/org-units/${c.rec.id}`, body: { ...v(c), name: `矩阵改名村${c.n}` } }) },
  'DELETE /api/org-units/:id': { targets: 'place', record: write('orgUnit'), call: (c) => ({ path: `/api/org-units/${c.rec.id}`, query: v(c) }) },

  'GET /api/peace-officers': { targets: 'place', call: (c) => ({ path: '/api/peace-officers', query: placeFilter(c) }) },
  'POST /api/peace-officers/search': { targets: 'place', call: (c) => ({ path: '/api/peace-officers/search', body: { ...placeFilter(c), phone: '13800138000' } }) },
  'GET /api/peace-officers/accounts': { targets: 'place', call: (c) => ({ path: '/api/peace-officers/accounts', query: town(c) }) },
  'POST /api/peace-officers': { targets: 'place', call: (c) => ({ path: '/api/peace-officers', body: { ...placeFilter(c), name: '矩阵平安员', activeFrom: '2021-01-01' } }) },
  'GET /api/peace-officers/:id': { targets: 'place', record: read('peaceOfficer'), call: (c) => ({ path: `/api/peace-officers/${c.rec.id}` }) },
  'PATCH /api/peace-officers/:id': { targets: 'place', record: write('peaceOfficer'), call: (c) => ({ path: `/api/peace-officers/${c.rec.id}`, body: { ...v(c), remark: '矩阵' } }) },
  'POST /api/peace-officers/:id/unmask': {
    targets: 'place',
    record: read('peaceOfficer'),
    call: (c) => ({ path: `/api/peace-officers/${c.rec.id}/unmask`, body: { fields: ['phone'], reason: '联系平安员' } }),
  },

  'GET /api/permissions': { targets: 'none', call: () => ({ path: '/api/permissions' }) },
  'GET /api/roles': { targets: 'none', call: () => ({ path: '/api/roles' }) },
  'POST /api/roles': {
    targets: 'none',
    call: (c) => ({ path: '/api/roles', body: { code: `mx_new_${c.n}`, name: `矩阵新角色${c.n}`, nameEn: `Matrix new ${c.n}`, defaultScope: 'town', permissions: ['vessel.read'] } }),
  },
  'PATCH /api/roles/:id': { targets: 'none', record: write('role'), call: (c) => ({ path: `/api/roles/${c.rec.id}`, body: { ...v(c), name: `矩阵改名${c.n}` } }) },
  'DELETE /api/roles/:id': { targets: 'none', record: write('role'), call: (c) => ({ path: `/api/roles/${c.rec.id}`, query: v(c) }) },

  'GET /api/statistics/vessels': { targets: 'place', call: (c) => ({ path: '/api/statistics/vessels', query: { year: 2021, ...town(c) } }) },
  'GET /api/advisor-services': { targets: 'place', call: (c) => ({ path: '/api/advisor-services', query: placeFilter(c) }) },
  'POST /api/advisor-services/search': { targets: 'place', call: (c) => ({ path: '/api/advisor-services/search', body: { ...placeFilter(c), clientPhone: '13812345678' } }) },
  'GET /api/advisor-services/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/advisor-services/export.xlsx', query: placeFilter(c) }) },
  'POST /api/advisor-services/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/advisor-services/export.xlsx', body: { ...placeFilter(c), clientName: '黄大海' } }) },
  'POST /api/advisor-services/import': {
    targets: 'place',
    call: async (c) => ({ path: '/api/advisor-services/import', query: { mode: 'preview', ...town(c) }, form: { fields: {}, file: await c.w.exported('disputes', c.p.town), name: 'ledger.xlsx' } }),
  },
  'POST /api/advisor-services': {
    targets: 'place',
    call: (c) => ({
      path: '/api/advisor-services',
      body: {
        ...placeFilter(c),
        type: 'review',
        serviceDate: '2021-05-16',
        startTime: `${String(6 + (c.n % 15)).padStart(2, '0')}:00`,
        endTime: `${String(6 + (c.n % 15)).padStart(2, '0')}:10`,
        content: '审查合同',
      },
    }),
  },
  'GET /api/advisor-services/:id': { targets: 'place', record: read('advisorService'), call: (c) => ({ path: `/api/advisor-services/${c.rec.id}` }) },
  'PATCH /api/advisor-services/:id': { targets: 'place', record: write('advisorService'), call: (c) => ({ path: `/api/advisor-services/${c.rec.id}`, body: { ...v(c), result: '已解答' } }) },
  'POST /api/advisor-services/:id/void': {
    targets: 'place',
    record: write('advisorService'),
    call: (c) => ({ path: `/api/advisor-services/${c.rec.id}/void`, body: { ...v(c), reason: '重复登记' } }),
  },
  'POST /api/advisor-services/:id/reopen': {
    targets: 'place',
    record: write('advisorService'),
    call: (c) => ({ path: `/api/advisor-services/${c.rec.id}/reopen`, body: { ...v(c), reason: '补正' } }),
  },
  'POST /api/advisor-services/:id/transitions': {
    targets: 'place',
    record: write('advisorService'),
    call: (c) => ({ path: `/api/advisor-services/${c.rec.id}/transitions`, body: { ...v(c), to: 'logged' } }),
  },
  'POST /api/advisor-services/:id/handover': {
    targets: 'place',
    record: write('advisorService'),
    call: (c) => ({ path: `/api/advisor-services/${c.rec.id}/handover`, body: { ...v(c), kind: 'legal_aid', receivingBody: '台山市法律援助处' } }),
  },
  'POST /api/advisor-services/:id/unmask': {
    targets: 'place',
    record: read('advisorService'),
    call: (c) => ({ path: `/api/advisor-services/${c.rec.id}/unmask`, body: { fields: ['clientName'], reason: '核对' } }),
  },
  'GET /api/advisor-checks': { targets: 'place', call: (c) => ({ path: '/api/advisor-checks', query: { year: 2021, ...town(c) } }) },
  'GET /api/advisor-checks/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/advisor-checks/export.xlsx', query: { year: 2021, ...town(c) } }) },
  'POST /api/advisor-checks/sign-off': {
    targets: 'place',
    call: (c) => ({ path: '/api/advisor-checks/sign-off', body: { villageId: c.p.village, month: `2020-${String(1 + (c.n % 12)).padStart(2, '0')}`, version: 0 } }),
  },
  'POST /api/advisor-checks/reopen': { targets: 'place', call: (c) => ({ path: '/api/advisor-checks/reopen', body: { villageId: c.p.village, month: '2019-01', reason: '补录', version: 1 } }) },
  'GET /api/advisors': { targets: 'place', call: (c) => ({ path: '/api/advisors', query: placeFilter(c) }) },
  'GET /api/advisors/accounts': { targets: 'place', call: (c) => ({ path: '/api/advisors/accounts', query: town(c) }) },
  'POST /api/advisors': {
    targets: 'place',
    call: (c) => ({
      path: '/api/advisors',
      body: { townId: c.p.town, name: '矩阵顾问', lawFirm: '矩阵律师事务所', licenceNo: '144072019', phone: '0750-5000000', villages: [{ villageId: c.p.village, from: '2021-01-01' }] },
    }),
  },
  'GET /api/advisors/:id': { targets: 'place', record: read('advisor'), call: (c) => ({ path: `/api/advisors/${c.rec.id}` }) },
  'PATCH /api/advisors/:id': { targets: 'place', record: write('advisor'), call: (c) => ({ path: `/api/advisors/${c.rec.id}`, body: { ...v(c), remark: '矩阵' } }) },
  'POST /api/advisors/:id/unmask': { targets: 'place', record: read('advisor'), call: (c) => ({ path: `/api/advisors/${c.rec.id}/unmask`, body: { fields: ['phone'], reason: '核对' } }) },
  'GET /api/advisor-villages': { targets: 'place', call: (c) => ({ path: '/api/advisor-villages', query: town(c) }) },
  'PUT /api/advisor-villages/:id': { targets: 'place', call: (c) => ({ path: `/api/advisor-villages/${c.p.village}`, body: { hasRoom: true, ruleOfLawLevel: 'province', version: 999 } }) },
  'GET /api/advisor-villages/:id/service-lists': { targets: 'place', call: (c) => ({ path: `/api/advisor-villages/${c.p.village}/service-lists` }) },
  'POST /api/advisor-villages/:id/service-lists': {
    targets: 'place',
    call: (c) => ({
      path: `/api/advisor-villages/${c.p.village}/service-lists`,
      form: { fields: { version: '999', listVersion: '矩阵版', publishedOn: '2021-06-01', stage: 'document' }, file: PNG, name: '服务清单.png' },
    }),
  },
  'GET /api/advisor-villages/:id/service-lists/:listId': {
    targets: 'place',
    call: async (c) => {
      const [list] = await c.w.t.ds.query<{ id: string }[]>(`SELECT id FROM advisor_service_list WHERE village_id = $1 ORDER BY id LIMIT 1`, [c.p.village]);
      return { path: `/api/advisor-villages/${c.p.village}/service-lists/${list?.id ?? '00000000-0000-4000-8000-000000000000'}` };
    },
  },
  'GET /api/records/:ledger/:id/links': { targets: 'place', record: read('dispute'), call: (c) => ({ path: `/api/records/dispute/${c.rec.id}/links` }) },
  'GET /api/statistics/advisors': { targets: 'place', call: (c) => ({ path: '/api/statistics/advisors', query: { year: 2021, ...town(c) } }) },
  'GET /api/statistics/disputes': { targets: 'place', call: (c) => ({ path: '/api/statistics/disputes', query: { year: 2021, ...town(c) } }) },

  'GET /api/users': { targets: 'place', call: (c) => ({ path: '/api/users', query: { orgUnitId: c.p.town } }) },
  'POST /api/users': {
    targets: 'place',
    call: (c) => ({
      path: '/api/users',
      body: { username: `mx_new_${c.n}`, displayName: '矩阵新用户', orgUnitId: c.p.town, password: `Matrix#${c.n}pw`, roles: c.w.roleAssignment(c.p) },
    }),
  },
  'GET /api/users/:id': { targets: 'place', record: read('user'), call: (c) => ({ path: `/api/users/${c.rec.id}` }) },
  'PATCH /api/users/:id': { targets: 'place', record: write('user'), call: (c) => ({ path: `/api/users/${c.rec.id}`, body: { ...v(c), displayName: '矩阵改名' } }) },
  'POST /api/users/:id/disable': { targets: 'place', record: write('user'), call: (c) => ({ path: `/api/users/${c.rec.id}/disable`, body: { ...v(c), reason: '离职' } }) },
  'POST /api/users/:id/enable': { targets: 'place', record: write('userDisabled'), call: (c) => ({ path: `/api/users/${c.rec.id}/enable`, body: v(c) }) },
  'POST /api/users/:id/reset-password': {
    targets: 'place',
    record: write('user'),
    call: (c) => ({ path: `/api/users/${c.rec.id}/reset-password`, body: { ...v(c), newPassword: `Reset#${c.n}pw` } }),
  },
  'PUT /api/users/:id/roles': { targets: 'place', record: write('user'), call: (c) => ({ path: `/api/users/${c.rec.id}/roles`, body: { ...v(c), roles: c.w.roleAssignment(c.p) } }) },

  'GET /api/vessel-cases': { targets: 'place', call: (c) => ({ path: '/api/vessel-cases', query: placeFilter(c) }) },
  'POST /api/vessel-cases/search': { targets: 'place', call: (c) => ({ path: '/api/vessel-cases/search', body: { ...placeFilter(c), ownerIdNumber: '440781198001010011' } }) },
  'POST /api/vessel-cases/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/vessel-cases/export.xlsx', body: { ...placeFilter(c), ownerIdNumber: '440781198001010011' } }) },
  'POST /api/vessel-cases': {
    targets: 'place',
    call: (c) => ({ path: '/api/vessel-cases', body: { ...placeFilter(c), discoveredAt: '2021-06-14T09:30:00+08:00', place: '南湾码头', source: 'patrol', hullMaterial: 'wood' } }),
  },
  'GET /api/vessel-cases/export.xlsx': { targets: 'place', call: (c) => ({ path: '/api/vessel-cases/export.xlsx', query: placeFilter(c) }) },
  'POST /api/vessel-cases/import': {
    targets: 'place',
    call: async (c) => ({ path: '/api/vessel-cases/import', query: { mode: 'preview', ...town(c) }, form: { fields: {}, file: await c.w.exported('vessel-cases', c.p.town), name: 'ledger.xlsx' } }),
  },
  'GET /api/vessel-cases/:id': { targets: 'place', record: read('vessel'), call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}` }) },
  'PATCH /api/vessel-cases/:id': { targets: 'place', record: write('vessel'), call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}`, body: { ...v(c), place: '南湾码头东侧' } }) },
  'POST /api/vessel-cases/:id/persuasions': {
    targets: 'place',
    record: write('vessel'),
    call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}/persuasions`, body: { ...v(c), date: '2021-06-15', staff: '伍国华', measure: 'education', result: '船主同意自拆' } }),
  },
  'POST /api/vessel-cases/:id/transitions': { targets: 'place', record: write('vessel'), call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}/transitions`, body: { ...v(c), to: 'persuading' } }) },
  'POST /api/vessel-cases/:id/void': { targets: 'place', record: write('vessel'), call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}/void`, body: { ...v(c), reason: '重复登记' } }) },
  'POST /api/vessel-cases/:id/reopen': { targets: 'place', record: write('vesselClosed'), call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}/reopen`, body: { ...v(c), reason: '移交后退回' } }) },
  'POST /api/vessel-cases/:id/unmask': {
    targets: 'place',
    record: read('vessel'),
    call: (c) => ({ path: `/api/vessel-cases/${c.rec.id}/unmask`, body: { fields: ['ownerName'], reason: '电话联系船主' } }),
  },
};

let TEMPLATE: Buffer = Buffer.alloc(0);

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

describe('access matrix: every route × every account × own town, other village, other town', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let routes: { method: string; path: string; access: string }[];
  const lines = new Map<string, string>();
  let requests = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = new MatrixWorld(t);
    await w.setUp(ROLES.filter((r) => r !== 'anonymous'));
    routes = routeTable(t.app);
    const { demoEvidencePng } = await import('../src/database/seeds/demo-images');
    PNG = demoEvidencePng(3, 'before');
    const res = await w.req('get', '/api/disputes/agreement-template.docx').set('Cookie', w.cookies.leader).buffer(true).parse(binary);
    if (res.status !== 200) throw new Error(`template: ${res.status}`);
    TEMPLATE = res.body;
  }, 60_000);
  afterAll(async () => {
    w.close();
    await t.close();
  });

  it('knows every route of the route table', () => {
    const known = new Set(Object.keys(ROUTES));
    const table = routes.map((r) => `${r.method} ${r.path}`);
    const unknown = table.filter((k) => !known.has(k));
    if (unknown.length) throw new Error(`Add a row to ROUTES in access-matrix.spec.ts (how to call it for each target) for:\n${unknown.join('\n')}`);
    const gone = [...known].filter((k) => !table.includes(k));
    expect(gone).toEqual([]);
  });

  async function run(key: string, spec: RouteSpec, role: Role, target: Target | '-' | 'any'): Promise<void> {
    const p = w.places[target === '-' || target === 'any' ? placeKey(role, 'own-town') : placeKey(role, target)];
    let rec: Rec = { id: '', version: 0, townId: p.town };
    if (spec.record?.use === 'read') rec = await w.readOnly(spec.record.kind, p);
    if (spec.record?.use === 'write') rec = await w.take(spec.record.kind, p);
    const cell: Cell = { w, p, rec, role, n: w.next() };
    const call = await spec.call(cell);
    const [method] = key.split(' ');
    let cookie = role === 'anonymous' ? undefined : w.cookies[role];
    if (spec.ownSession && role !== 'anonymous') cookie = await t.login(role);
    let req = w
      .req(method.toLowerCase() as 'get', call.path)
      .buffer(true)
      .parse(binary);
    if (cookie) req = req.set('Cookie', cookie);
    if (call.query) req = req.query(Object.fromEntries(Object.entries(call.query).filter(([, q]) => q !== undefined)));
    if (call.form) {
      for (const [k, f] of Object.entries(call.form.fields)) req = req.field(k, f);
      req = req.attach('file', call.form.file, call.form.name);
    } else if (call.body) req = req.send(call.body);
    const res = await req;
    requests++;
    if (res.status >= 500) throw new Error(`${key} as ${role} (${target}): ${res.status} ${res.body.toString()}`);
    if (target === 'any' && parsedCode(res.body) !== 'FORBIDDEN') throw new Error(`${key} as ${role}: the guard should refuse, got ${res.status} ${res.body.toString()}`);
    if (spec.record?.use === 'write' && (res.status < 200 || res.status >= 300)) w.give(spec.record.kind, p, rec);
    await spec.after?.(cell, res.status);
    lines.set(`${key}|${role}|${target}`, `${key.padEnd(60)} ${role.padEnd(9)} ${target.padEnd(13)} ${res.status}`);
  }

  it('answers each cell as the reviewed snapshot says', async () => {
    const started = Date.now();
    const permissions = new Map<Role, Set<string>>([['anonymous', new Set()]]);
    for (const role of ROLES.filter((r) => r !== 'anonymous'))
      permissions.set(role, new Set((await w.make<{ permissions: string[] }>('get', '/api/auth/me', undefined, 200, w.cookies[role])).permissions));
    const access = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.access]));
    /** The guard refuses before the route reads its path: one call answers for every target. */
    const guardRefuses = (key: string, role: Role) => {
      const rule = access.get(key)!;
      if (rule === 'public' || rule.startsWith('authenticated')) return false;
      // `(a | b) & c`: every conjunct needs one of its alternatives.
      const held = permissions.get(role)!;
      return !rule.split(' & ').every((part) =>
        part
          .replace(/[()]/g, '')
          .split(' | ')
          .some((code) => held.has(code)),
      );
    };
    const cells = (key: string): [Role, Target | '-' | 'any'][] =>
      ROLES.flatMap((role): [Role, Target | '-' | 'any'][] =>
        role === 'anonymous' || ROUTES[key].targets === 'none' ? [[role, '-']] : guardRefuses(key, role) ? [[role, 'any']] : TARGETS.map((tg): [Role, Target] => [role, tg]),
      );
    const keys = routes.map((r) => `${r.method} ${r.path}`).filter((k) => ROUTES[k]);
    const byRoute = async (key: string) => {
      for (const [role, target] of cells(key)) await run(key, ROUTES[key], role, target);
    };
    await mapLimit(
      keys.filter((k) => !ROUTES[k].serial),
      6,
      byRoute,
    );
    // A password change ends every session of the account: those calls come last.
    const serial = keys.filter((k) => ROUTES[k].serial).sort((a, b) => Number(!!ROUTES[a].ownSession) - Number(!!ROUTES[b].ownSession));
    for (const key of serial) await byRoute(key);
    const ordered = keys.flatMap((key) => cells(key).map(([role, target]) => lines.get(`${key}|${role}|${target}`)!));
    console.log(`access matrix: ${keys.length} routes, ${ordered.length} cells, ${requests} probes and ${w.requests - requests} set-up requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(ordered.join('\n')).toMatchSnapshot();
  }, 300_000);
});
