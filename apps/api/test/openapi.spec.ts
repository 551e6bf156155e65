import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { MeDto } from '@fazhi/contracts';
import { AccessRule, permits } from '../src/access/access.decorators';
import { routeHandlers } from '../src/access/route-table';
import { createTestApp, TestApp } from './test-app';

/**
 * The OpenAPI document against the OpenAPI 3.1 schema, and against the API itself: every GET
 * route is called as a demo account that may, and each JSON answer must match the schema the
 * document gives for it (generated from the contracts' interfaces the controllers return, which
 * the web uses too).
 */
type Document = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ACCOUNTS = ['admin', 'security', 'auditor', 'leader', 'legal', 'officer', 'mediator', 'petition', 'county'];
const ROOT = 'https://fazhi.example/openapi';

let t: TestApp;
let doc: Document;
const operations: { path: string; method: (typeof METHODS)[number]; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.http.get('/api/docs-json');
  expect(res.status).toBe(200);
  doc = res.body as Document;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) if (item?.[method]) operations.push({ path, method, op: item[method] });
  }
}, 120_000);
afterAll(() => t?.close());

/** The schema a JSON response or request body gives, following a `$ref` to components. */
const contentOf = (response: object | undefined): Record<string, OpenAPIV3_1.MediaTypeObject> | undefined => {
  const ref = (response as { $ref?: string } | undefined)?.$ref;
  const resolved = ref ? doc.components?.responses?.[ref.split('/').pop()!] : response;
  return (resolved as OpenAPIV3_1.ResponseObject | undefined)?.content;
};

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('describes every route the application has', () => {
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = routeHandlers(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    expect(operations.length).toBe(routes.length);
  });

  it('describes every success answer and the error answers of each operation', () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const statuses = Object.keys(op.responses ?? {});
      const success = statuses.filter((s) => s.startsWith('2'));
      if (success.length !== 1) problems.push(`${name}: ${success.length} success answers`);
      for (const status of success) {
        const response = op.responses![status] as OpenAPIV3_1.ResponseObject;
        const content = response.content ?? {};
        const described = Object.values(content).every((media) => media.schema && Object.keys(media.schema).length > 0);
        if (!described || (Object.keys(content).length === 0 && response.description !== 'No content')) problems.push(`${name}: ${status} is not described`);
      }
      const errors = statuses.filter((s) => /^[45]/.test(s));
      if (errors.length === 0) problems.push(`${name}: no error answer`);
      for (const status of errors) {
        const schema = contentOf(op.responses![status])?.['application/json']?.schema as { $ref?: string } | undefined;
        if (schema?.$ref !== '#/components/schemas/ErrorBody') problems.push(`${name}: ${status} is not an ErrorBody`);
      }
      if (op.security?.length !== 0 && !(errors.includes('401') && errors.includes('403'))) problems.push(`${name}: a signed-in route without 401 and 403`);
      if (path.includes('{') && !errors.includes('404')) problems.push(`${name}: a path with an id and no 404`);
    }
    expect(problems).toEqual([]);
  });

  it('describes each request body and query from its DTO', () => {
    const problems: string[] = [];
    const schemas = doc.components?.schemas ?? {};
    const deref = (s: OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject | undefined) => (s && '$ref' in s ? schemas[s.$ref.split('/').pop()!] : s);
    for (const { path, method, op } of operations) {
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      for (const [type, media] of Object.entries(body?.content ?? {})) {
        const schema = deref(media.schema);
        if (!schema?.properties || Object.keys(schema.properties).length === 0) problems.push(`${method} ${path}: ${type} body has no properties`);
      }
      for (const p of (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
        if (!p.schema || Object.keys(p.schema).length === 0) problems.push(`${method} ${path}: parameter ${p.name} has no schema`);
      }
    }
    expect(problems).toEqual([]);
    const error = schemas['ErrorBody'];
    expect(error.required).toEqual(['statusCode', 'code', 'message', 'requestId']);
    expect(((error.properties!['code'] as OpenAPIV3_1.SchemaObject).enum ?? []).length).toBeGreaterThan(50);
  });

  it('names the input classes the field kit makes as it names declared ones, apart from the answers', () => {
    const schemas = doc.components?.schemas ?? {};
    const body = (path: string, method: 'post' | 'patch') =>
      ((doc.paths?.[path]?.[method]?.requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json'].schema as OpenAPIV3_1.ReferenceObject).$ref;
    expect(body('/api/disputes/{id}', 'patch')).toBe('#/components/schemas/DisputeUpdateDto');
    expect(body('/api/disputes/{id}/parties', 'post')).toBe('#/components/schemas/PartyCreateDto');
    expect(body('/api/vessel-cases/{id}', 'patch')).toBe('#/components/schemas/VesselCaseUpdateDto');
    // The contracts' answer of a party and the input class of a party share a name, not a schema.
    const refOf = (schema: unknown) => (schema as OpenAPIV3_1.ReferenceObject).$ref.split('/').pop()!;
    const parties = (schemas['DisputeDto'].properties!['parties'] as OpenAPIV3_1.ArraySchemaObject).items;
    const answer = schemas[refOf(parties)];
    const input = schemas[refOf((schemas['DisputeCreateDto'].properties!['parties'] as OpenAPIV3_1.ArraySchemaObject).items)];
    expect(Object.keys(answer.properties!)).toEqual(['id', 'role', 'name', 'idNumber', 'phone', 'address', 'sortOrder']);
    expect(Object.keys(input.properties!)).toEqual(['role', 'name', 'idNumber', 'phone', 'address']);
    expect(input.required).toEqual(['role', 'name']);
  });
});

describe('the answers of the API', () => {
  let ajv: Ajv2020;
  const validators = new Map<string, ValidateFunction>();
  /** The validator of an operation's documented JSON answer for a status. */
  const validatorOf = (key: string, schema: object): ValidateFunction => {
    let validate = validators.get(key);
    if (!validate) {
      ajv.addSchema({ $id: `${ROOT}/${validators.size}`, components: doc.components, answer: schema });
      validate = ajv.getSchema(`${ROOT}/${validators.size}#/answer`)!;
      validators.set(key, validate);
    }
    return validate;
  };

  const sessions = new Map<string, string>();
  const permissions = new Map<string, Set<string>>();
  let rules: Map<string, AccessRule | undefined>;

  beforeAll(async () => {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const account of ACCOUNTS) {
      const cookie = await t.login(account);
      sessions.set(account, cookie);
      const me = await t.http.get('/api/auth/me').set('Cookie', cookie);
      permissions.set(account, new Set((me.body as MeDto).permissions));
    }
    rules = new Map(routeHandlers(t.app).map((r) => [`${r.method} ${r.path}`, r.rule]));
  }, 120_000);

  /** A demo account that may call the route (none for a public one). */
  function callerOf(method: string, path: string): string | null {
    const rule = rules.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    if (!rule || rule.kind === 'public') return null;
    const account = ACCOUNTS.find((a) => rule.kind === 'authenticated' || permits(rule, permissions.get(a)!));
    if (!account) throw new Error(`no demo account may call ${method} ${path}`);
    return account;
  }

  const get = (url: string, account: string | null, query: Record<string, string | number> = {}) => {
    const req = t.http.get(url).query(query);
    return account ? req.set('Cookie', sessions.get(account)!) : req;
  };

  /** Ids of the records a collection route lists, for the routes under it. */
  async function idsUnder(path: string, account: string | null): Promise<string[]> {
    // The core's record links are listed under a ledger's records (here the disputes').
    const collection = path.startsWith('/api/records/') ? '/api/disputes' : path.slice(0, path.indexOf('/{'));
    const url = collection === '/api/org-units' ? '/api/org-units/tree' : collection;
    // A list that pages nothing (the advisor villages) refuses `pageSize`: it answers every row anyway.
    let res = await get(url, account, collection === '/api/org-units' ? {} : { pageSize: 100 });
    if (res.status === 400) res = await get(url, account);
    const list = (Array.isArray(res.body) ? res.body : (res.body?.items ?? [])) as { id?: string; villageId?: string }[];
    // A village's attributes are named by the village.
    return list.map((r) => (r.id ?? r.villageId)!);
  }

  it('match the document on every GET route, as an account that may call it', async () => {
    const me = await get('/api/auth/me', 'leader');
    const townId = (me.body as MeDto).townId!;
    const values: Record<string, string | number> = { townId, year: 2021 };
    const problems: string[] = [];
    let checked = 0;
    for (const { path, op } of operations.filter((o) => o.method === 'get')) {
      const account = callerOf('get', path);
      const query: Record<string, string | number> = {};
      for (const p of (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
        if (p.in !== 'query' || !p.required) continue;
        if (values[p.name] === undefined) throw new Error(`no value for the required query parameter ${p.name} of ${path}`);
        query[p.name] = values[p.name];
      }
      const [status, response] = Object.entries(op.responses ?? {}).find(([s]) => s.startsWith('2'))!;
      const content = (response as OpenAPIV3_1.ResponseObject).content ?? {};
      const [type, media] = Object.entries(content)[0] ?? [];
      const ids = path.includes('{id}') ? await idsUnder(path, account) : [''];
      let answered = false;
      // The first records that answer: any for most routes, one with evidence files for a download.
      for (const id of path.includes('{attachmentId}') ? ids : ids.slice(0, 10)) {
        let url = path.replace('{ledger}', 'dispute').replace('{id}', id);
        if (path.includes('{listId}')) {
          const versions = await get(url.slice(0, url.indexOf('/{listId}')), account);
          const first = (versions.body as { id: string }[] | undefined)?.[0];
          if (!first) continue;
          url = url.replace('{listId}', first.id);
        }
        if (path.includes('{attachmentId}')) {
          const detail = await get(url.slice(0, url.indexOf('/attachments')), account);
          const file = (detail.body?.attachments as { id: string }[] | undefined)?.[0];
          if (!file) continue;
          url = url.replace('{attachmentId}', file.id);
        }
        const res = await get(url, account, query);
        if (String(res.status) !== status) continue;
        answered = true;
        if (type === 'application/json') {
          const validate = validatorOf(`${path} ${status}`, media.schema!);
          if (!validate(res.body)) problems.push(`GET ${path}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
        } else if (type && type !== '*/*' && !String(res.headers['content-type']).startsWith(type)) {
          problems.push(`GET ${path}: ${res.headers['content-type']} is not the documented ${type}`);
        }
        checked++;
        break;
      }
      if (!answered) problems.push(`GET ${path}: no ${status} answer as ${account ?? 'anyone'}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(operations.filter((o) => o.method === 'get').length);
  }, 120_000);

  it('refuses an answer with a key or a type the contract does not have', async () => {
    const op = operations.find((o) => o.method === 'get' && o.path === '/api/vessel-cases/{id}')!.op;
    const validate = validatorOf('/api/vessel-cases/{id} 200', (op.responses!['200'] as OpenAPIV3_1.ResponseObject).content!['application/json'].schema!);
    const [first] = await idsUnder('/api/vessel-cases/{id}', 'officer');
    const { body } = await get(`/api/vessel-cases/${first}`, 'officer');
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, undeclared: 1 })).toBe(false);
    expect(validate({ ...body, version: String(body.version) })).toBe(false);
    const { status: _status, ...withoutStatus } = body;
    expect(validate(withoutStatus)).toBe(false);
  });

  it('answers errors as the documented error body', async () => {
    const error = validatorOf('ErrorBody', { $ref: '#/components/schemas/ErrorBody' });
    const answers = [
      await get('/api/vessel-cases', null),
      await get('/api/vessel-cases/00000000-0000-4000-8000-000000000000', 'officer'),
      await get('/api/vessel-cases/not-a-uuid', 'officer'),
      await get('/api/users', 'officer'),
      await t.http.post('/api/auth/login').send({ username: 'leader', password: 'wrong' }),
    ];
    const { body: page } = await get('/api/vessel-cases', 'officer', { pageSize: 100 });
    const registered = (page.items as { id: string; status: string; version: number }[]).find((v) => v.status === 'registered')!;
    const illegal = await t.http.post(`/api/vessel-cases/${registered.id}/transitions`).set('Cookie', sessions.get('officer')!).send({ to: 'verified', version: registered.version });
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', rule: 'registered->verified' });
    answers.push(illegal);
    expect(answers.map((r) => r.status)).toEqual([401, 404, 400, 403, 401, 409]);
    for (const res of answers) expect(error(res.body) ? [] : error.errors).toEqual([]);
  });
});
