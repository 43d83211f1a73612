import type { KayoiRole } from '../../src/platform/db/schema/auth.ts';
import {
  ACCESS_EXTENSION,
  type AccessScope,
  type OperationAccess,
} from '../../src/platform/http/define-route.ts';
import { type JsonSchema, minimalValue, resolveSchema } from './schema-arbitrary.ts';

/** The parts of an OpenAPI 3.1 document the generated suites read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface OperationObject {
  summary?: string;
  parameters?: ParameterObject[];
  requestBody?: {
    required?: boolean;
    content: Record<
      string,
      { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }
    >;
  };
  [ACCESS_EXTENSION]?: OperationAccess;
}

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const ROLES: readonly KayoiRole[] = ['rep', 'manager', 'admin'];
const SCOPES: readonly AccessScope[] = ['public', 'self', 'team', 'tenant', 'customer-book', 'creator'];

/** One operation of the document, flattened for test generation. */
export interface ApiOperation {
  /** `METHOD /path`, e.g. `PATCH /api/customers/{id}`. */
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly access: OperationAccess | undefined;
  readonly pathParams: readonly ParameterObject[];
  readonly queryParams: readonly ParameterObject[];
  readonly body: RequestBodySpec | undefined;
  readonly isWrite: boolean;
}

export interface RequestBodySpec {
  readonly contentType: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
  /** The body example the document gives, if any. */
  readonly example: unknown;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): ApiOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const upper = method.toUpperCase();
        return {
          id: `${upper} ${path}`,
          method: upper,
          path,
          access: operation[ACCESS_EXTENSION],
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: bodyOf(operation),
          isWrite: (WRITE_METHODS as readonly string[]).includes(upper),
        };
      }),
  );
}

function bodyOf(operation: OperationObject): RequestBodySpec | undefined {
  const content = operation.requestBody?.content;
  if (!content) return undefined;
  const [contentType, media] = Object.entries(content)[0] ?? [];
  if (!contentType || !media) return undefined;
  const example = media.example ?? Object.values(media.examples ?? {})[0]?.value ?? media.schema?.example;
  return { contentType, schema: media.schema ?? {}, required: !!operation.requestBody?.required, example };
}

/**
 * What is wrong with the document's access declarations, one line per problem: an operation
 * without `x-kayoi-access`, roles or a scope that do not exist, a reference to a record kind
 * `knownKinds` does not list, or to a field the operation does not have. Empty when all is well.
 *
 * @example
 * expect(accessProblems(doc, Object.keys(recordKinds))).toEqual([]);
 */
export function accessProblems(doc: OpenApiDocument, knownKinds: readonly string[]): string[] {
  const problems: string[] = [];
  const components = doc.components?.schemas ?? {};
  for (const op of operationsOf(doc)) {
    const access = op.access;
    if (!access) {
      problems.push(`${op.id}: no ${ACCESS_EXTENSION} declaration (declare access in defineRoute)`);
      continue;
    }
    if (access.roles !== 'public') {
      if (!Array.isArray(access.roles) || access.roles.length === 0)
        problems.push(`${op.id}: roles must be 'public' or a non-empty list of roles`);
      else
        for (const role of access.roles)
          if (!ROLES.includes(role)) problems.push(`${op.id}: roles names '${role}', which is not a role`);
    }
    if (!SCOPES.includes(access.scope)) problems.push(`${op.id}: scope '${access.scope}' is not a scope`);
    if ((access.roles === 'public') !== (access.scope === 'public'))
      problems.push(`${op.id}: roles 'public' and scope 'public' go together`);
    const fields = {
      path: new Set(op.pathParams.map((p) => p.name)),
      query: new Set(op.queryParams.map((p) => p.name)),
      body: new Set(Object.keys(op.body ? (resolveSchema(op.body.schema, components).properties ?? {}) : {})),
    };
    for (const where of ['path', 'query', 'body'] as const) {
      for (const [field, kind] of Object.entries(access.references?.[where] ?? {})) {
        if (!knownKinds.includes(kind))
          problems.push(
            `${op.id}: references.${where}.${field} is a '${kind}', a record kind the suite cannot resolve ` +
              `(add it to test/support/record-kinds.ts; known: ${knownKinds.join(', ')})`,
          );
        if (!fields[where].has(field))
          problems.push(`${op.id}: references.${where}.${field} names no ${where} field of the operation`);
      }
    }
  }
  return problems;
}

/** The concrete URL of an operation: path parameters filled in (encoded), then the query. */
export function urlOf(
  op: Pick<ApiOperation, 'path'>,
  pathValues: Readonly<Record<string, string>>,
  query: readonly (readonly [string, string])[] = [],
): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${op.path}`);
    return encodeUriText(value);
  });
  const search = query.map(([k, v]) => `${encodeUriText(k)}=${encodeUriText(v)}`).join('&');
  return search ? `${path}?${search}` : path;
}

/**
 * encodeURIComponent that also takes lone surrogates (which it refuses): they are sent as the
 * bytes a careless encoder would write (WTF-8), which is what a hostile client can send.
 */
export function encodeUriText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

/**
 * A valid body to start from: the document's example if it has one, else the smallest value
 * the schema accepts, with `overrides` (e.g. the record's current `version`) on top.
 */
export function baseBodyOf(
  doc: OpenApiDocument,
  body: RequestBodySpec,
  overrides: Record<string, unknown> = {},
): unknown {
  const components = doc.components?.schemas ?? {};
  if (body.example !== undefined && typeof body.example === 'object' && body.example !== null)
    return { ...(body.example as Record<string, unknown>), ...overrides };
  if (body.example !== undefined) return body.example;
  return minimalValue(body.schema, { components, overrides });
}

/** Whether the body schema has a top-level property of that name. */
export function bodyHasProperty(doc: OpenApiDocument, body: RequestBodySpec, name: string): boolean {
  const schema = resolveSchema(body.schema, doc.components?.schemas ?? {});
  return name in (schema.properties ?? {});
}
