import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { routeHandlers } from '../access/route-table';
import { API_SHAPES_FILE, ApiShapes, JsonSchema, OperationShape } from './api-shapes';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Responses = Operation['responses'];

const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' };

/** The error answers, by status: what they mean and the codes that come with them. */
const ERRORS: Record<string, string> = {
  '400': 'Invalid input (VALIDATION_FAILED with field errors, BAD_REQUEST, or a feature code)',
  '401': 'Not signed in or the session ended (UNAUTHENTICATED, SESSION_EXPIRED, INVALID_CREDENTIALS)',
  '403': 'Not permitted (FORBIDDEN, PASSWORD_CHANGE_REQUIRED, or a feature code)',
  '404': 'No such record in the caller’s scope (NOT_FOUND)',
  '409': 'Conflicts with the current data (STALE_VERSION, DUPLICATE, CONFLICT, or a feature code)',
  '413': 'The body or file is too large (PAYLOAD_TOO_LARGE, XLSX_EXPANDS_TOO_MUCH)',
  '415': 'The file type is not accepted (UNSUPPORTED_FILE_TYPE)',
  '429': 'Too many failed sign-ins (ACCOUNT_LOCKED, TOO_MANY_FAILURES_FROM_ADDRESS)',
  '500': 'The server failed; nothing changed (INTERNAL)',
};

const FILE_TYPES: [RegExp, string][] = [
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.docx$/, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
];
const BINARY = { type: 'string', format: 'binary' };

/** The shapes the build wrote next to the compiled server, or read from the sources when running them. */
export function loadApiShapes(): ApiShapes {
  if (__filename.endsWith('.ts')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiler API is loaded only when running from sources
    const reader = require('./read-api-shapes') as typeof import('./read-api-shapes');
    return reader.readSourceShapes();
  }
  return JSON.parse(fs.readFileSync(path.join(__dirname, API_SHAPES_FILE), 'utf8')) as ApiShapes;
}

function successResponse(shape: OperationShape, status: string, route: string): Responses[string] {
  const description = status === '201' ? 'Created' : 'OK';
  switch (shape.response.kind) {
    case 'json':
      return { description, content: { 'application/json': { schema: shape.response.schema } } };
    case 'file': {
      // An evidence file is sent as the type it was stored with.
      const type = FILE_TYPES.find(([pattern]) => pattern.test(route))?.[1] ?? '*/*';
      return { description: 'The file', content: { [type]: { schema: BINARY } } };
    }
    default:
      return { description: 'No content' };
  }
}

/** The statuses a route can answer besides success, from what it reads and who may call it. */
function errorStatuses(method: string, route: string, shape: OperationShape, isPublic: boolean, hasInput: boolean): string[] {
  const statuses: string[] = [];
  if (hasInput || shape.body || shape.query?.length || shape.raw) statuses.push('400');
  if (!isPublic) statuses.push('401', '403');
  else if (method === 'post') statuses.push('401');
  if (route.includes('{')) statuses.push('404');
  if (method !== 'get' && !isPublic) statuses.push('409');
  if (shape.raw) statuses.push('413', '415');
  if (isPublic && method === 'post') statuses.push('429');
  statuses.push('500');
  return statuses;
}

type Schemas = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>;

/**
 * Nest's schemas of the DTO classes (from their `@ApiProperty` decorators: examples, enums,
 * limits) completed with what their declared types say: the properties no decorator names, and
 * that no other property is taken (the validation pipe refuses them). Every other schema is the
 * declared type's.
 */
function mergeSchemas(nest: Schemas, declared: Record<string, JsonSchema>): Schemas {
  const merged: Schemas = { ...nest };
  for (const [name, schema] of Object.entries(declared)) {
    const decorated = nest[name] as (JsonSchema & { properties?: Record<string, unknown>; required?: string[] }) | undefined;
    if (!decorated) {
      merged[name] = schema;
      continue;
    }
    const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
    const required = (schema['required'] ?? []) as string[];
    const missing = Object.keys(properties).filter((p) => !decorated.properties?.[p]);
    merged[name] = {
      ...decorated,
      type: 'object',
      properties: { ...decorated.properties, ...Object.fromEntries(missing.map((p) => [p, properties[p]])) },
      required: [...(decorated.required ?? []), ...missing.filter((p) => required.includes(p))],
      additionalProperties: schema['additionalProperties'] ?? false,
    } as Schemas[string];
    if ((merged[name] as { required: string[] }).required.length === 0) delete (merged[name] as { required?: string[] }).required;
  }
  return merged;
}

/**
 * Completes Nest's document with what the controllers' declared types say: every operation's
 * success answer (JSON schema of the contracts' interface it returns, the file it writes, or no
 * content), its error answers (`ErrorBody`) by status, its request body and query parameters.
 */
export function describeOperations(app: INestApplication, document: OpenAPIObject, shapes: ApiShapes): OpenAPIObject {
  const rules = new Map(routeHandlers(app).map((r) => [`${r.controller}_${r.handler}`, r.rule]));
  for (const [route, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const shape = shapes.operations[operation.operationId];
      if (!shape) continue;
      const isPublic = rules.get(operation.operationId)?.kind === 'public';
      const parameters = operation.parameters ?? [];
      const named = new Set(parameters.map((p) => ('name' in p ? p.name : '')));
      operation.parameters = [...parameters, ...(shape.query ?? []).filter((q) => !named.has(q.name)).map((q) => ({ name: q.name, in: 'query' as const, required: q.required, schema: q.schema }))];
      if (shape.body) operation.requestBody = { required: true, content: { 'application/json': { schema: shape.body } } };
      else if (shape.raw && method === 'post') {
        operation.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: BINARY } } } } };
      } else delete operation.requestBody;
      const status = Object.keys(operation.responses ?? {}).find((s) => s.startsWith('2')) ?? (method === 'post' ? '201' : '200');
      const responses: Responses = { [status]: successResponse(shape, status, route) };
      for (const error of errorStatuses(method, route, shape, isPublic, parameters.length > 0)) {
        responses[error] = { $ref: `#/components/responses/Error${error}` };
      }
      operation.responses = responses;
      operation.security = isPublic ? [] : [{ cookie: [] }, { bearer: [] }];
    }
  }
  document.components = {
    ...document.components,
    schemas: mergeSchemas(document.components?.schemas ?? {}, shapes.schemas),
    responses: Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [`Error${status}`, { description, content: { 'application/json': { schema: ERROR_BODY } } }])),
  };
  return document;
}

/** The API's OpenAPI 3.1 document. */
export function apiDocument(app: INestApplication, shapes: ApiShapes = loadApiShapes()): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Fazhi Ledger API')
      .setDescription('法治台账 API: ledgers of township rule-of-law work')
      .setVersion('0.1.0')
      .addCookieAuth('fz_session')
      .addBearerAuth()
      .build(),
  );
  return describeOperations(app, document, shapes);
}

/** Serves the document at /api/docs (UI) and /api/docs-json, built on the first request. */
export function serveApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
