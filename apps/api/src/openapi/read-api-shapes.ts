import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { API_SHAPES_FILE, ApiShapes, JsonSchema, OperationShape } from './api-shapes';

const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

function decoratorNames(node: ts.Node): string[] {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).map((d) => {
    const call = d.expression;
    const callee = ts.isCallExpression(call) ? call.expression : call;
    const name = ts.isIdentifier(callee) ? callee.text : '';
    // `@Res({ passthrough: true })` leaves the answer to Nest: the method's return value is the body.
    return name === 'Res' && ts.isCallExpression(call) && call.arguments.some((a) => /passthrough:\s*true/.test(a.getText())) ? 'ResPassthrough' : name;
  });
}

/** Turns TypeScript types into JSON Schemas; named interfaces, classes and aliases become `$ref`s. */
class SchemaWriter {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly names = new Map<ts.Type, string>();
  private readonly taken = new Map<string, ts.Type>();

  /** @param classNames the API's classes: Nest names its schemas of them so, an interface takes another name. */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly classNames: ReadonlySet<string>,
    made: ReadonlyMap<ts.Type, string> = new Map(),
  ) {
    for (const [type, name] of made) {
      this.names.set(type, name);
      this.taken.set(name, type);
    }
  }

  schemaOf(type: ts.Type, at: ts.Node): JsonSchema {
    const c = this.checker;
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: c.typeToString(type) === 'true' };
    if (f & ts.TypeFlags.String || f & ts.TypeFlags.TemplateLiteral) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Union) return this.unionOf((type as ts.UnionType).types, at);
    if (c.isArrayType(type)) return { type: 'array', items: this.schemaOf(c.getTypeArguments(type as ts.TypeReference)[0], at) };
    if (c.isTupleType(type)) {
      const items = c.getTypeArguments(type as ts.TypeReference).map((t) => this.schemaOf(t, at));
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol?.name === 'Date') return { type: 'string', format: 'date-time' };
    if (f & ts.TypeFlags.Object || f & ts.TypeFlags.Intersection) return this.objectOf(type, at);
    return {};
  }

  private unionOf(members: readonly ts.Type[], at: ts.Node): JsonSchema {
    const present = members.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((t) => t.flags & ts.TypeFlags.Null);
    let rest = present.filter((t) => !(t.flags & ts.TypeFlags.Null));
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const parts: JsonSchema[] = [];
    if (booleans.length === 2) {
      parts.push({ type: 'boolean' });
      rest = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    }
    const strings = rest.filter((t) => t.flags & ts.TypeFlags.StringLiteral).map((t) => (t as ts.StringLiteralType).value);
    if (strings.length > 0) parts.push({ type: 'string', enum: strings });
    const numbers = rest.filter((t) => t.flags & ts.TypeFlags.NumberLiteral).map((t) => (t as ts.NumberLiteralType).value);
    if (numbers.length > 0) parts.push({ type: 'number', enum: numbers });
    for (const t of rest) if (!(t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral))) parts.push(this.schemaOf(t, at));
    if (nullable) {
      const only = parts.length === 1 ? parts[0] : null;
      if (only && typeof only['type'] === 'string' && !only['$ref']) {
        const { const: single, ...rest } = only;
        const values = 'const' in only ? [single] : (only['enum'] as unknown[] | undefined);
        return { ...rest, type: [only['type'], 'null'], ...(values ? { enum: [...values, null] } : {}) };
      }
      parts.push({ type: 'null' });
    }
    return parts.length === 1 ? parts[0] : { anyOf: parts };
  }

  private objectOf(type: ts.Type, at: ts.Node): JsonSchema {
    const name = this.nameOf(type);
    if (!name) return this.inlineObject(type, at);
    if (!this.schemas[name]) {
      this.schemas[name] = {};
      this.schemas[name] = this.inlineObject(type, at);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** A stable name for a declared object type (`Page<VesselCaseDto>` → `Page_VesselCaseDto`), or null for an anonymous one. */
  private nameOf(type: ts.Type): string | null {
    const known = this.names.get(type);
    if (known) return known;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return null;
    const named = ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration);
    if (!named || symbol.name === '__type' || symbol.name === '__object') return null;
    if (declaration.getSourceFile().isDeclarationFile && declaration.getSourceFile().fileName.includes('/typescript/lib/')) return null;
    const base = this.checker
      .typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    const clashes = (name: string) => (this.taken.has(name) && this.taken.get(name) !== type) || (!ts.isClassDeclaration(declaration) && this.classNames.has(name));
    let name = base;
    for (let n = 2; clashes(name); n++) name = `${base}_${n}`;
    this.taken.set(name, type);
    this.names.set(type, name);
    return name;
  }

  private inlineObject(type: ts.Type, at: ts.Node): JsonSchema {
    const c = this.checker;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of c.getPropertiesOfType(type)) {
      const propType = c.getTypeOfSymbolAtLocation(prop, at);
      if (propType.getCallSignatures().length > 0) continue;
      const declaration = prop.valueDeclaration;
      if (declaration && ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) continue;
      const schema = this.schemaOf(propType, at);
      const doc = ts.displayPartsToString(prop.getDocumentationComment(c)).trim();
      properties[prop.name] = doc && !schema['$ref'] ? { ...schema, description: doc } : schema;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || (propType.flags & ts.TypeFlags.Union && (propType as ts.UnionType).types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (!optional) required.push(prop.name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema['required'] = required;
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    schema['additionalProperties'] = index ? this.schemaOf(index.type, at) : false;
    return schema;
  }
}

/** A class made at run time and named as its value (`const X = inputOf('X', …)` with `type X = InstanceType<typeof X>`): Nest names its schema so. */
function isMadeClass(node: ts.Node): node is ts.TypeAliasDeclaration {
  if (!ts.isTypeAliasDeclaration(node) || !ts.isTypeReferenceNode(node.type) || node.type.typeName.getText() !== 'InstanceType') return false;
  const [of] = node.type.typeArguments ?? [];
  return of !== undefined && ts.isTypeQueryNode(of) && of.exprName.getText() === node.name.text;
}

function queryParameters(writer: SchemaWriter, checker: ts.TypeChecker, type: ts.Type, at: ts.Node): OperationShape['query'] {
  return checker.getPropertiesOfType(type).map((prop) => {
    const propType = checker.getTypeOfSymbolAtLocation(prop, at);
    const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
    return { name: prop.name, required: !optional, schema: writer.schemaOf(propType, at) };
  });
}

/**
 * Reads every controller under `sourceRoot` with the TypeScript compiler and describes each route
 * method by its declared types: the awaited return type, the `@Body()` and `@Query()` types.
 * `extraTypes` (exported from `contractsEntry`) get named schemas too, e.g. the error body.
 */
export function readApiShapes(opts: { tsconfig: string; sourceRoot: string; contractsEntry: string; extraTypes: string[] }): ApiShapes {
  const config = ts.getParsedCommandLineOfConfigFile(
    opts.tsconfig,
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${opts.tsconfig}`);
  const controllers = config.fileNames.filter((f) => f.startsWith(opts.sourceRoot) && !f.endsWith('.spec.ts') && /@Controller\(/.test(fs.readFileSync(f, 'utf8')));
  const program = ts.createProgram({
    rootNames: [...controllers, opts.contractsEntry],
    options: { ...config.options, noEmit: true, skipLibCheck: true, baseUrl: path.dirname(opts.contractsEntry), paths: { '@fazhi/contracts': [opts.contractsEntry] } },
  });
  const checker = program.getTypeChecker();
  const classNames = new Set<string>();
  const made = new Map<ts.Type, string>();
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(opts.sourceRoot)) continue;
    source.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) classNames.add(node.name.text);
      if (isMadeClass(node)) {
        classNames.add(node.name.text);
        made.set(checker.getTypeAtLocation(node.name), node.name.text);
      }
      node.forEachChild(visit);
    });
  }
  const writer = new SchemaWriter(checker, classNames, made);
  const operations: Record<string, OperationShape> = {};

  for (const file of controllers) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    source.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name && decoratorNames(node).includes('Controller')) {
        const classType = checker.getTypeAtLocation(node);
        for (const prop of checker.getPropertiesOfType(classType)) {
          const method = prop.valueDeclaration;
          if (!method || !ts.isMethodDeclaration(method) || !decoratorNames(method).some((d) => HTTP_DECORATORS.has(d))) continue;
          const signature = checker.getTypeOfSymbolAtLocation(prop, node).getCallSignatures()[0];
          const shape: OperationShape = { response: { kind: 'empty' } };
          const params = method.parameters.map((p) => decoratorNames(p));
          signature.getParameters().forEach((param, i) => {
            const kinds = params[i] ?? [];
            const paramType = checker.getTypeOfSymbolAtLocation(param, node);
            if (kinds.includes('Body')) shape.body = writer.schemaOf(paramType, node);
            if (kinds.includes('Query')) shape.query = queryParameters(writer, checker, paramType, node);
            if (kinds.includes('Req')) shape.raw = true;
            if (kinds.includes('Res')) shape.response = { kind: 'file' };
          });
          if (shape.response.kind !== 'file') {
            const answer = checker.getAwaitedType(signature.getReturnType()) ?? signature.getReturnType();
            if (!(answer.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined))) shape.response = { kind: 'json', schema: writer.schemaOf(answer, node) };
          }
          operations[`${node.name.text}_${prop.name}`] = shape;
        }
      }
      node.forEachChild(visit);
    });
  }

  const contracts = program.getSourceFile(opts.contractsEntry);
  const moduleSymbol = contracts && checker.getSymbolAtLocation(contracts);
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  for (const name of opts.extraTypes) {
    const symbol = exported.find((s) => s.name === name);
    if (!symbol || !contracts) throw new Error(`@fazhi/contracts exports no type ${name}`);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    writer.schemaOf(checker.getDeclaredTypeOfSymbol(target), contracts);
  }
  return { operations, schemas: writer.schemas };
}

function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * The shapes of this checkout's sources (apps/api/src against libs/contracts/src). Kept in the
 * temporary folder under a hash of every source they are read from, so that the test files of
 * one run read the sources once.
 */
export function readSourceShapes(): ApiShapes {
  const api = path.resolve(__dirname, '..', '..');
  const contracts = path.resolve(api, '..', '..', 'libs', 'contracts', 'src');
  const hash = createHash('sha256').update(ts.version);
  for (const file of [path.join(api, 'tsconfig.build.json'), ...sourcesUnder(path.join(api, 'src')), ...sourcesUnder(contracts)]) {
    hash.update(file).update(fs.readFileSync(file));
  }
  const cached = path.join(os.tmpdir(), `fazhi-api-shapes-${hash.digest('hex').slice(0, 32)}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as ApiShapes;
  const shapes = readApiShapes({
    tsconfig: path.join(api, 'tsconfig.build.json'),
    sourceRoot: path.join(api, 'src') + path.sep,
    contractsEntry: path.join(contracts, 'index.ts'),
    extraTypes: ['ErrorBody'],
  });
  const partial = `${cached}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(shapes));
  fs.renameSync(partial, cached);
  return shapes;
}

/** Run by the build: writes the shapes next to the compiled server. */
if (require.main === module) {
  const out = path.join(__dirname, API_SHAPES_FILE);
  fs.writeFileSync(out, JSON.stringify(readSourceShapes()));
}
