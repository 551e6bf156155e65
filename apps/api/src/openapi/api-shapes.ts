/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { [keyword: string]: unknown };

/** What a controller method takes and answers, read from its declared types. */
export interface OperationShape {
  /** The answer: JSON of a schema, a file written to the response (`@Res()`), or nothing. */
  response: { kind: 'json'; schema: JsonSchema } | { kind: 'file' } | { kind: 'empty' };
  /** The `@Body()` type. */
  body?: JsonSchema;
  /** The `@Query()` type: one query parameter per property. */
  query?: { name: string; required: boolean; schema: JsonSchema }[];
  /** Reads the raw request (`@Req()`): an upload or a spreadsheet import. */
  raw?: boolean;
}

/** Every route's shapes by `Controller_method` (Nest's operation id) and the named schemas they use. */
export interface ApiShapes {
  operations: Record<string, OperationShape>;
  schemas: Record<string, JsonSchema>;
}

/** Where the build writes the shapes, next to the compiled server. */
export const API_SHAPES_FILE = 'api-shapes.json';
