import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvColumns } from '../../../src/contracts.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import type { KayoiRole } from '../../../src/platform/db/schema/index.ts';
import {
  type ApiOperation,
  baseBodyOf,
  bodyHasProperty,
  encodeUriText,
  type OpenApiDocument,
  operationsOf,
  urlOf,
} from '../../support/openapi-operations.ts';
import { importCsv, type RecordWorld, recordKinds } from '../../support/record-kinds.ts';
import {
  BigText,
  type HostileKind,
  hostileKinds,
  hostileValues,
  type JsonSchema,
  nestedArrays,
  resolveSchema,
  schemaArbitrary,
} from '../../support/schema-arbitrary.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { createTestApp, type SignedTenantFixture, TEST_ORIGIN } from '../../support/test-app.ts';

/**
 * The hostile-input harness: requests derived from each operation's OpenAPI schemas (body,
 * query, path), mixed with hostile values, plus malformed bodies and wrong content types. Every
 * answer must be below 500; a 4xx must carry the one error shape and write nothing to tenant A
 * (fingerprint of its customers, contacts, imports and audit trail before and after); nothing
 * tenant A's callers send may change tenant B. A 2xx is fine: valid random input may create a
 * customer. Reproducible: FUZZ_SEED (printed) and FUZZ_RUNS (runs per operation and kind of
 * hostility) steer fast-check.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_521);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
/** Per property: runs stop (and shrinking of a failure ends) after this long. */
const PROPERTY_TIME_LIMIT_MS = 20_000;

const t = await createTestApp();
afterAll(() => t.close());
const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
const components = doc.components?.schemas ?? {};
const operations = operationsOf(doc);
/** Every write, and every read that takes parameters. */
const targets = operations.filter((op) => op.isWrite || op.pathParams.length + op.queryParams.length > 0);
const skipped = operations.filter((op) => !targets.includes(op));

let a: SignedTenantFixture;
let b: SignedTenantFixture;
const cookies = new Map<string, string>();
const world: RecordWorld = {
  app: t,
  cookie: (tenant, key) => cookies.get(`${tenant.tenantId}:${key}`) as string,
};
/** Ids each path reference may be aimed at: tenant A's, tenant B's, and nowhere's. */
const knownIds = new Map<string, string[]>();
/**
 * Ids the fuzzed calls themselves created (a previewed import, a new customer), by field name:
 * later cases aim at them too, so commits and edits of fuzz-made records are exercised.
 */
const createdIds = new Map<string, string[]>();
/** A draw from `createdIds`, resolved when the case runs (the pool grows during the run). */
class CreatedId {
  constructor(readonly pick: number) {}
  [fc.toStringMethod]() {
    return `<created id #${this.pick}>`;
  }
}
const noteCreated = (body: unknown) => {
  if (!body || typeof body !== 'object') return;
  for (const [field, value] of Object.entries(body)) {
    if (typeof value !== 'string' || !/^(id|.+Id)$/.test(field)) continue;
    const pool = createdIds.get(field) ?? [];
    if (!pool.includes(value)) pool.push(value);
    createdIds.set(field, pool);
  }
};
const resolveId = (op: ApiOperation, field: string, value: string | BigText | CreatedId) => {
  if (!(value instanceof CreatedId)) return String(value);
  const pool = createdIds.get(field) ?? knownIds.get(`${op.id}:${field}`) ?? ['x'];
  return pool[value.pick % pool.length] ?? 'x';
};
const isRealId = (op: ApiOperation, field: string, id: string) =>
  !!(knownIds.get(`${op.id}:${field}`)?.includes(id) || createdIds.get(field)?.includes(id));

beforeAll(async () => {
  a = await t.createTenant();
  b = await t.createTenant();
  for (const key of ['admin', 'manager', 'rep1', 'rep3'] as const)
    cookies.set(`${a.tenantId}:${key}`, await a.signIn(key));
  cookies.set(`${b.tenantId}:manager`, await b.signIn('manager'));
  for (const op of targets) {
    for (const [field, kind] of Object.entries(op.access?.references?.path ?? {})) {
      const ids = [recordKinds[kind]!.nonexistent()];
      for (const [tenant, holders] of [
        [a, ['rep1', 'rep3', 'manager', 'admin']],
        [b, ['manager']],
      ] as const)
        for (const holder of holders) {
          try {
            ids.push(await recordKinds[kind]!.existing(world, tenant, holder));
          } catch {}
        }
      knownIds.set(`${op.id}:${field}`, [...new Set(ids)]);
    }
  }
  tenantBMarkers = [
    b.tenantId,
    ...b.customers.flatMap((c) => [c.id, ...c.contactIds, ...c.orderIds]),
    ...Object.values(b.users).flatMap((u) => [u.id, u.email]),
    ...b.areas.map((area) => area.id),
    await recordKinds.customerImport!.existing(world, b, 'manager'),
  ];
  fingerprint = await fingerprints();
});

/** The parts of a tenant's data an API call may change, hashed row by row. */
const tenantFingerprint = (tenantId: string): SQL => {
  const part = (table: string, order: string) =>
    sql.raw(`(select count(*) || ':' || coalesce(md5(string_agg(md5(r::text), '' order by r.${order})), '')
      from ${table} r where r.tenant_id = `);
  return sql`concat_ws('|',
    ${part('customers', 'id')}${tenantId}),
    ${part('customer_contacts', 'id')}${tenantId}),
    ${part('customer_imports', 'id')}${tenantId}),
    ${part('audit_events', 'seq')}${tenantId}))`;
};
async function fingerprints() {
  const [row] = await queryRows<{ a: string; b: string }>(
    t.database.admin,
    sql`select ${tenantFingerprint(a.tenantId)} as a, ${tenantFingerprint(b.tenantId)} as b`,
  );
  return row!;
}
let fingerprint: { a: string; b: string };

type Actor = UserKey | 'anonymous';
interface HostileRequest {
  actor: Actor;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData | undefined;
  /** What was sent, short (big strings by their label), for the failure message. */
  shown: string;
}

/** Per operation: how many requests got which class of answer (2xx, 4xx …). */
const casesRun = new Map<string, Record<string, number>>();
const short = (text: string, max = 600) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

/** Ids of tenant B that no answer to tenant A's callers may hold (unless the request held it). */
let tenantBMarkers: string[] = [];
/** The checks every answer must pass; throws with a reproducible description otherwise. */
async function expectSurvived(op: ApiOperation, req: HostileRequest, tallyKey = op.id): Promise<Response> {
  const headers = new Headers(req.headers);
  if (req.actor !== 'anonymous') headers.set('cookie', world.cookie(a, req.actor));
  const res = await t.app.request(req.url, { method: req.method, headers, body: req.body });
  const text = await res.clone().text();
  const tally = casesRun.get(tallyKey) ?? {};
  const answerClass = `${String(res.status)[0]}xx`;
  tally[answerClass] = (tally[answerClass] ?? 0) + 1;
  casesRun.set(tallyKey, tally);
  const before = fingerprint;
  fingerprint = await fingerprints();
  const what = `${req.shown}\n  → ${res.status} ${short(text, 400)}`;
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${what}`);
  if (res.status >= 400) {
    const problem = errorShapeProblem(res, text);
    if (problem) throw new Error(`not the error shape (${problem}): ${what}`);
    if (fingerprint.a !== before.a) throw new Error(`refused, yet tenant A's data changed: ${what}`);
  }
  if (fingerprint.b !== before.b) throw new Error(`a call of tenant A changed tenant B's data: ${what}`);
  const sent = `${req.url} ${typeof req.body === 'string' ? req.body : ''}`;
  const leaked = tenantBMarkers.find((marker) => text.includes(marker) && !sent.includes(marker));
  if (leaked) throw new Error(`the answer names tenant B's ${leaked}: ${what}`);
  if (res.status < 300 && res.headers.get('content-type')?.startsWith('application/json'))
    noteCreated(JSON.parse(text));
  return res;
}

/** `{ error: { code: string, message: string, fields?: Record<string, string> } }`, as JSON. */
function errorShapeProblem(res: Response, text: string): string | undefined {
  if (!res.headers.get('content-type')?.startsWith('application/json')) return 'not JSON';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'unparseable JSON';
  }
  const top = body as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  if (
    !top ||
    typeof top !== 'object' ||
    Object.keys(top).join() !== 'error' ||
    !top.error ||
    typeof top.error !== 'object'
  )
    return 'no single `error` member';
  const { code, message, fields } = top.error;
  if (typeof code !== 'string' || code === '') return 'no code';
  if (typeof message !== 'string' || message === '') return 'no message';
  if (fields !== undefined) {
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return 'fields is not an object';
    if (Object.values(fields).some((v) => typeof v !== 'string')) return 'a field message is not a string';
  }
  return undefined;
}

const userOfRole: Record<KayoiRole, UserKey[]> = {
  rep: ['rep1', 'rep3'],
  manager: ['manager'],
  admin: ['admin'],
};
const allowedUsers = (op: ApiOperation): Actor[] =>
  op.access?.roles === 'public' || !op.access
    ? ['anonymous']
    : op.access.roles.flatMap((role) => userOfRole[role]);
const refusedUsers = (op: ApiOperation): Actor[] => {
  const ok = allowedUsers(op);
  return (['anonymous', 'rep1', 'manager', 'admin'] as const).filter((u) => !ok.includes(u));
};

/** Strings of a hostile kind, for the places that only carry text (paths, queries, form fields). */
const textOf = (value: unknown): string | BigText =>
  value instanceof BigText || typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
/** The kind's hostile values for one schema node (bounds depend on the node), as text. */
const hostileText = (kind: HostileKind, schema: JsonSchema = { type: 'string', maxLength: 1000 }) => {
  const source = hostileValues[kind];
  const values =
    typeof source === 'function' ? source(resolveSchema(schema, components), components) : source;
  return (values ?? fc.constant('x'.repeat(100_001))).map(textOf);
};

function pathArbitrary(op: ApiOperation, kind: HostileKind | 'valid') {
  const model: Record<string, fc.Arbitrary<string | BigText | CreatedId>> = {};
  for (const param of op.pathParams) {
    const ids = fc.constantFrom(...(knownIds.get(`${op.id}:${param.name}`) ?? ['x']));
    const created = fc.nat().map((n) => new CreatedId(n));
    model[param.name] =
      kind === 'valid'
        ? fc.oneof(ids, created)
        : fc.oneof(
            { weight: 1, arbitrary: ids },
            { weight: 1, arbitrary: created },
            { weight: 1, arbitrary: hostileText(kind, param.schema) },
          );
  }
  return fc.record(model);
}

/** Query values as a URL carries them: arrays become repeated keys. */
const queryTexts = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((v) => queryTexts(v)) : [String(textOf(value))];

function queryArbitrary(op: ApiOperation, kind: HostileKind | 'valid') {
  const hostile = kind === 'valid' ? undefined : hostileValues[kind];
  const params = op.queryParams.map((param) =>
    fc.option(
      schemaArbitrary(param.schema ?? {}, { components, ...(hostile && { hostile }) }).map((v) =>
        queryTexts(v).map((text) => [param.name, text] as [string, string]),
      ),
      { nil: [] as [string, string][] },
    ),
  );
  return fc.tuple(...params).map((parts) => parts.flat());
}

const MULTIPART = 'multipart/form-data';

/** A row the import accepts: a new customer for rep1 (the cells the harness then spoils). */
const validImportRow = (): Record<string, string> => ({
  会社名: 'ハーネス商事',
  フリガナ: 'ハーネスショウジ',
  敬称: '御中',
  担当者メール: a.users.rep1.email,
  ランク: 'B',
  ステータス: '稼働',
  '訪問周期(日)': '28',
  '許容幅(日)': '3',
  '滞在時間(分)': '30',
});

/**
 * A CSV with the import's columns (all, or some in any order): rows that would import, with a
 * few cells replaced by random or hostile text, so previews pass and commits write them; or,
 * when hostile, random bytes.
 */
function csvArbitrary(kind: HostileKind | 'valid') {
  const cell =
    kind === 'valid'
      ? fc.string({ maxLength: 12 })
      : fc.oneof(fc.string({ maxLength: 12 }), hostileText(kind).map(String));
  const quote = (c: string, quoted: boolean) => (quoted ? `"${c.replaceAll('"', '""')}"` : c);
  const header = fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([...csvColumns]) },
    { weight: 1, arbitrary: fc.shuffledSubarray<string>([...csvColumns], { minLength: 1 }) },
  );
  const row = fc.record({
    spoiled: fc.array(fc.tuple(fc.constantFrom<string>(...csvColumns), cell), { maxLength: 2 }),
    quoted: fc.boolean(),
  });
  const csv = fc.tuple(header, fc.array(row, { minLength: 1, maxLength: 3 })).map(([columns, rows]) => {
    const lines = rows.map(({ spoiled, quoted }) => {
      const cells: Record<string, string> = { ...validImportRow(), ...Object.fromEntries(spoiled) };
      return columns.map((c) => quote(cells[c] ?? '', quoted)).join(',');
    });
    return [columns.join(','), ...lines].join('\r\n');
  });
  return kind === 'valid'
    ? csv
    : fc.oneof({ weight: 4, arbitrary: csv }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) });
}

function bodyArbitrary(op: ApiOperation, kind: HostileKind | 'valid'): fc.Arbitrary<unknown> {
  if (!op.body) return fc.constant(undefined);
  const hostile = kind === 'valid' ? undefined : hostileValues[kind];
  if (op.body.contentType !== MULTIPART)
    return schemaArbitrary(op.body.schema, { components, ...(hostile && { hostile }) });
  const properties = resolveSchema(op.body.schema, components).properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(properties))
    model[name] =
      schema.format === 'binary'
        ? csvArbitrary(kind)
        : fc.option(schemaArbitrary(schema, { components, ...(hostile && { hostile }) }), { nil: undefined });
  return fc.record(model);
}

const asFormData = (fields: Record<string, unknown>, binary: ReadonlySet<string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (binary.has(name))
      form.append(
        name,
        new Blob([typeof value === 'string' ? value : (value as Uint8Array)], { type: 'text/csv' }),
        'c.csv',
      );
    else form.append(name, String(textOf(value)));
  }
  return form;
};

/** A valid body of the operation (the record's current version when it takes one). */
async function baseBody(op: ApiOperation, pathValues: Record<string, string>): Promise<unknown> {
  if (!op.body) return undefined;
  if (op.body.contentType === MULTIPART) return { file: importCsv(a) };
  const version = await currentVersion(op, pathValues);
  return baseBodyOf(doc, op.body, version === undefined ? {} : { version });
}

async function currentVersion(op: ApiOperation, pathValues: Record<string, string>) {
  if (!op.body || !bodyHasProperty(doc, op.body, 'version')) return undefined;
  for (const [field, kind] of Object.entries(op.access?.references?.path ?? {})) {
    // Only real records have a version (and a hostile id is no query parameter for the harness).
    if (!isRealId(op, field, String(pathValues[field]))) continue;
    const version = await recordKinds[kind]?.version?.(world, String(pathValues[field]));
    if (version !== undefined) return version;
  }
  return undefined;
}

interface Shape {
  actor: Actor;
  pathValues: Record<string, string>;
  query?: [string, string][];
  /** A value to encode as the operation's content type, or `raw` bytes with their own type. */
  body?: unknown;
  raw?: { contentType?: string; body: string | Uint8Array | FormData; shown: string };
  headers?: Record<string, string>;
  origin?: string | null;
}

/** Builds the request: trusted Origin on writes unless told otherwise, body encoded as declared. */
function buildRequest(op: ApiOperation, shape: Shape): HostileRequest {
  const headers: Record<string, string> = { ...shape.headers };
  const origin = shape.origin === undefined ? (op.isWrite ? TEST_ORIGIN : null) : shape.origin;
  if (origin !== null) headers.origin = origin;
  let body: HostileRequest['body'];
  let shownBody = '';
  if (shape.raw) {
    if (shape.raw.contentType) headers['content-type'] = shape.raw.contentType;
    body = shape.raw.body;
    shownBody = shape.raw.shown;
  } else if (shape.body !== undefined && op.body?.contentType === MULTIPART) {
    const properties = resolveSchema(op.body.schema, components).properties ?? {};
    const binary = new Set(Object.keys(properties).filter((n) => properties[n]?.format === 'binary'));
    body = asFormData(shape.body as Record<string, unknown>, binary);
    shownBody = `multipart ${fc.stringify(shape.body)}`;
  } else if (shape.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(shape.body);
    shownBody = fc.stringify(shape.body);
  }
  const url = urlOf(op, shape.pathValues, shape.query ?? []);
  const shownHeaders = Object.entries(headers)
    .filter(([k]) => k !== 'origin' || origin !== TEST_ORIGIN)
    .map(([k, v]) => `${k}: ${short(v, 80)}`)
    .join('; ');
  return {
    actor: shape.actor,
    method: op.method,
    url,
    headers,
    body,
    shown: `${op.method} ${short(url, 300)} as ${shape.actor}${shownHeaders ? ` [${shownHeaders}]` : ''}${shownBody ? ` body ${short(shownBody, 500)}` : ''}`,
  };
}

const idempotencyKeys = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'k'.repeat(256), 'two words', 'é', '\t') },
);
const languages = fc.constantFrom(undefined, 'en', 'ja', 'fr-CA,fr;q=0.9', 'x'.repeat(300), '*;q=NaN');

/** One property per operation and kind of hostility: one bug does not hide another. */
function randomCases(op: ApiOperation, kind: HostileKind | 'valid', index: number) {
  const actors = allowedUsers(op);
  const refused = refusedUsers(op).filter((u) => !(op.access?.roles === 'public' && u !== 'anonymous'));
  const actor =
    refused.length > 0
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...actors) },
          { weight: 1, arbitrary: fc.constantFrom(...refused) },
        )
      : fc.constantFrom(...actors);
  const arbitrary = fc.record({
    actor,
    pathValues: pathArbitrary(op, kind),
    query: queryArbitrary(op, kind),
    body: bodyArbitrary(op, kind),
    currentVersion: fc.boolean(),
    idempotencyKey: op.isWrite ? idempotencyKeys : fc.constant(undefined),
    language: languages,
  });
  return fc.assert(
    fc.asyncProperty(arbitrary, async (c) => {
      const pathValues = Object.fromEntries(
        Object.entries(c.pathValues).map(([k, v]) => [k, resolveId(op, k, v)]),
      );
      let body = c.body;
      if (c.currentVersion && body && typeof body === 'object' && !Array.isArray(body)) {
        const version = await currentVersion(op, pathValues);
        if (version !== undefined) body = { ...body, version };
      }
      const headers: Record<string, string> = {};
      if (c.idempotencyKey !== undefined) headers['idempotency-key'] = c.idempotencyKey;
      if (c.language) headers['accept-language'] = c.language;
      await expectSurvived(
        op,
        buildRequest(op, { actor: c.actor, pathValues, query: c.query, body, headers }),
      );
    }),
    { seed: SEED + index, numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(PROPERTY_TIME_LIMIT_MS)] },
  );
}

interface FixedCase {
  title: string;
  shape(base: { actor: Actor; pathValues: Record<string, string>; body: unknown }): Shape | Shape[];
  /** A stricter expectation than surviving, when the answer is known. */
  expectStatus?: number;
}

const jsonText = (value: unknown) => JSON.stringify(value) ?? '';
const raw = (contentType: string | undefined, body: string | Uint8Array | FormData, shown?: string) => ({
  ...(contentType && { contentType }),
  body,
  shown:
    shown ??
    (typeof body === 'string'
      ? short(body, 200)
      : body instanceof FormData
        ? 'multipart'
        : `${body.length} bytes`),
});
const form = (entries: [string, string | Blob][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const numericTokens = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '1.0e+308',
  '123456789012345678901234567890',
  '0.1e1',
];
const invalidNumberTokens = ['NaN', 'Infinity', '-Infinity', '0x10', '1_000', '01', '.5', '1.', '+1', '- 1'];

/** Malformed bodies, wrong content types, missing Origin … for one operation. */
function fixedCases(op: ApiOperation): FixedCase[] {
  const cases: FixedCase[] = [];
  if (op.isWrite) {
    cases.push(
      { title: 'no Origin', shape: (s) => ({ ...s, origin: null }), expectStatus: 403 },
      {
        title: 'a foreign Origin',
        shape: (s) => ({ ...s, origin: 'https://evil.example' }),
        expectStatus: 403,
      },
      { title: 'Origin null', shape: (s) => ({ ...s, origin: 'null' }), expectStatus: 403 },
    );
    if (op.access?.roles !== 'public')
      cases.push({
        title: 'a malformed Idempotency-Key',
        shape: (s) => ({ ...s, headers: { 'idempotency-key': 'k'.repeat(256) } }),
        expectStatus: 422,
      });
  }
  if (op.access?.roles !== 'public')
    cases.push(
      {
        title: 'a valid session cookie, then a forged one',
        shape: (s) => ({
          ...s,
          actor: 'anonymous',
          headers: { cookie: `${world.cookie(a, s.actor as UserKey)}; kayoi.session_token=forged.signature` },
        }),
      },
      {
        title: 'an 8 KB cookie header',
        shape: (s) => ({
          ...s,
          actor: 'anonymous',
          headers: { cookie: `${world.cookie(a, s.actor as UserKey)}; junk=${'x'.repeat(8192)}` },
        }),
      },
    );
  if (!op.body) {
    if (op.isWrite)
      cases.push(
        {
          title: 'an unexpected JSON body',
          shape: (s) => ({ ...s, raw: raw('application/json', '{"x": [1, {"y": null}]}') }),
        },
        {
          title: 'an unexpected binary body',
          shape: (s) => ({ ...s, raw: raw('application/octet-stream', new Uint8Array([0, 255, 1, 254])) }),
        },
      );
    if (op.queryParams.length > 0)
      cases.push(
        {
          title: 'every query parameter twice',
          shape: (s) => ({
            ...s,
            query: op.queryParams.flatMap(
              (p) =>
                [
                  [p.name, '1'],
                  [p.name, '2'],
                ] as [string, string][],
            ),
          }),
        },
        {
          title: 'a broken percent-encoding and a 100 KB value in the query',
          shape: (s) => ({
            ...s,
            query: op.queryParams.map(
              (p, i) => [p.name, i % 2 ? 'x'.repeat(100_000) : '%E3%81'] as [string, string],
            ),
          }),
        },
      );
    return cases;
  }
  if (op.body.contentType === MULTIPART) {
    const csv = (text: string | Uint8Array) =>
      new Blob([typeof text === 'string' ? text : new Uint8Array(text)], { type: 'text/csv' });
    const header = csvColumns.join(',');
    const files: [string, string | Blob][][] = [
      [],
      [['file', 'not a file, a text field']],
      [['file', csv('')]],
      [['file', csv(header)]],
      [['file', csv(`${header}\r\n"unterminated,quote`)]],
      [['file', csv(`${header}\r\n\u0000,\u0000\r\n`)]],
      [['file', csv(new Uint8Array([0x82, 0xff, 0x2c, 0x81, 0x0d, 0x0a]))]],
      [['file', csv(`\ufeff${header}\r\n${",=cmd|' /C calc'!A0".repeat(19)}\r\n`)]],
      [['file', csv(`${header}\r\n${'x'.repeat(100_000)}\r\n`)]],
      [['file', csv(`${header}\r\n${','.repeat(5000)}\r\n`)]],
      [
        ['file', csv(header)],
        ['file', csv(header)],
      ],
      [
        ['file', csv(header)],
        ['encoding', 'utf-16'],
      ],
    ];
    for (const [i, entries] of files.entries()) {
      const listed = entries
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : `${v.size} bytes`}`)
        .join(', ');
      cases.push({
        title: `multipart form #${i + 1} (${listed || 'empty'})`,
        shape: (s) => ({ ...s, raw: raw(undefined, form(entries), `multipart #${i + 1}: ${listed}`) }),
      });
    }
    cases.push(
      { title: 'a JSON body', shape: (s) => ({ ...s, raw: raw('application/json', '{"file": "x"}') }) },
      {
        title: 'multipart without a boundary',
        shape: (s) => ({ ...s, raw: raw('multipart/form-data', '--x\r\n\r\n') }),
      },
      {
        title: 'multipart with a boundary the body lacks',
        shape: (s) => ({ ...s, raw: raw('multipart/form-data; boundary=nope', 'garbage\r\n--') }),
      },
      { title: 'an empty body', shape: (s) => ({ ...s, raw: raw(MULTIPART, '') }) },
      {
        title: 'a file just over the 10 MB limit',
        shape: (s) => ({
          ...s,
          raw: raw(undefined, form([['file', csv('a'.repeat(10 * 1024 * 1024 + 1))]]), '10 MiB + 1 file'),
        }),
        expectStatus: 413,
      },
    );
    return cases;
  }
  const schema = resolveSchema(op.body.schema, components);
  const numeric = Object.entries(schema.properties ?? {})
    .filter(([, p]) =>
      ['number', 'integer'].some((type) =>
        ([] as string[]).concat(resolveSchema(p, components).type ?? []).includes(type),
      ),
    )
    .map(([name]) => name);
  const withRaw = (body: unknown, field: string, token: string) =>
    jsonText({ ...(body as object), [field]: '\u0000RAW' }).replace('"\\u0000RAW"', token);
  const firstField = Object.keys(schema.properties ?? {})[0] ?? 'x';
  cases.push(
    { title: 'an empty body', shape: (s) => ({ ...s, raw: raw('application/json', '') }) },
    {
      title: 'a truncated body',
      shape: (s) => ({ ...s, raw: raw('application/json', jsonText(s.body).slice(0, -1)) }),
    },
    {
      title: 'JSON null, array, string, number, true',
      shape: (s) =>
        ['null', '[]', '"x"', '1', 'true'].map((text) => ({ ...s, raw: raw('application/json', text) })),
    },
    {
      title: 'text/plain with a JSON body',
      shape: (s) => ({ ...s, raw: raw('text/plain', jsonText(s.body)) }),
    },
    {
      title: 'application/xml with a JSON body',
      shape: (s) => ({ ...s, raw: raw('application/xml', jsonText(s.body)) }),
    },
    {
      title: 'no Content-Type with a JSON body',
      shape: (s) => ({ ...s, raw: raw(undefined, new TextEncoder().encode(jsonText(s.body))) }),
    },
    {
      title: 'a multipart form for a JSON route',
      shape: (s) => ({
        ...s,
        raw: raw(undefined, form(Object.entries(s.body as object).map(([k, v]) => [k, String(v)]))),
      }),
    },
    {
      title: 'a urlencoded form for a JSON route',
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/x-www-form-urlencoded',
          new URLSearchParams(
            Object.entries(s.body as object).map(([k, v]) => [k, String(v)] as [string, string]),
          ).toString(),
        ),
      }),
    },
    {
      title: 'invalid UTF-8',
      shape: (s) => ({
        ...s,
        raw: raw('application/json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
      }),
    },
    {
      title: 'UTF-16 declared and sent',
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/json; charset=utf-16',
          new Uint8Array(Buffer.from(jsonText(s.body), 'utf16le')),
        ),
      }),
    },
    {
      title: 'a byte-order mark before the JSON',
      shape: (s) => ({ ...s, raw: raw('application/json', `\ufeff${jsonText(s.body)}`) }),
    },
    {
      title: 'duplicate keys',
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/json',
          `{"${firstField}": "x", ${jsonText(s.body).slice(1, -1)}${jsonText(s.body) === '{}' ? '' : ','} "${firstField}": {"nested": [1]}}`,
        ),
      }),
    },
    {
      title: 'a __proto__ member',
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/json',
          `{"__proto__": {"role": "admin", "tenantId": "x"}, ${jsonText(s.body).slice(1)}`,
        ),
      }),
    },
    {
      title: '1000 nested arrays as the body',
      shape: (s) => ({ ...s, raw: raw('application/json', jsonText(nestedArrays(1000)), '[[[… 1000 deep') }),
    },
    {
      title: '100,000 nested arrays as the body',
      shape: (s) => ({
        ...s,
        raw: raw('application/json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '[[[… 100,000 deep'),
      }),
    },
    {
      title: `1000 nested objects in ${firstField}`,
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/json',
          jsonText({ ...(s.body as object), [firstField]: nestedArrays(1000, { a: 1 }) }),
          `{ ${firstField}: [[[… 1000 deep] }`,
        ),
      }),
    },
    {
      title: 'a body just over the 1 MB limit',
      shape: (s) => ({
        ...s,
        raw: raw(
          'application/json',
          jsonText({ ...(s.body as object), [firstField]: 'a'.repeat(1024 * 1024) }),
          `{ ${firstField}: <1 MiB> }`,
        ),
      }),
      expectStatus: 413,
    },
  );
  for (const field of numeric)
    cases.push({
      title: `raw numbers in ${field}: ${[...numericTokens, ...invalidNumberTokens].join(' ')}`,
      shape: (s) =>
        [...numericTokens, ...invalidNumberTokens].map((token) => ({
          ...s,
          raw: raw('application/json', withRaw(s.body, field, token)),
        })),
    });
  return cases;
}

/** The default caller and target of the fixed cases: the first allowed user, their record. */
async function baseShape(op: ApiOperation) {
  const actor = allowedUsers(op)[0] as Actor;
  const pathValues: Record<string, string> = {};
  for (const param of op.pathParams) {
    const kind = recordKinds[op.access?.references?.path?.[param.name] ?? ''];
    const holder = actor === 'anonymous' ? 'rep1' : actor;
    pathValues[param.name] = kind
      ? await kind.existing(world, a, holder).catch(() => kind.nonexistent())
      : 'x';
  }
  return { actor, pathValues, body: await baseBody(op, pathValues) };
}

const kinds = ['valid', ...hostileKinds] as const;
const fixedByOperation = new Map(targets.map((op) => [op.id, fixedCases(op)]));
const fixedCount = [...fixedByOperation.values()].reduce((n, cases) => n + cases.length, 0);
describe.each(targets.map((op, i) => ({ op, i, name: op.id })))('$name', ({ op, i }) => {
  it.each(kinds.map((kind, k) => ({ kind, k })))(
    'survives schema-shaped input ($kind)',
    ({ kind, k }) => randomCases(op, kind, i * kinds.length + k),
    PROPERTY_TIME_LIMIT_MS * 3,
  );
  it.each(fixedByOperation.get(op.id) ?? [])('survives $title', async (c) => {
    const shapes = ([] as Shape[]).concat(c.shape(await baseShape(op)));
    for (const shape of shapes) {
      const req = buildRequest(op, shape);
      const res = await expectSurvived(op, req);
      if (c.expectStatus !== undefined) expect(res.status, req.shown).toBe(c.expectStatus);
    }
  });
});

console.info(
  `hostile input: seed ${SEED}, FUZZ_RUNS=${RUNS}: ${targets.length} operations × ${kinds.length} kinds × ${RUNS} ` +
    `random cases + ${fixedCount} fixed cases; not fuzzed (no parameters, no body): ${skipped.map((op) => op.id).join(', ')}`,
);
afterAll(() => {
  const counts = [...casesRun.values()].flatMap((tally) => Object.values(tally));
  const total = counts.reduce((n, c) => n + c, 0);
  const perOperation = [...casesRun].map(
    ([id, tally]) =>
      `  ${id}: ${Object.entries(tally)
        .sort()
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
  );
  console.info(`hostile input: ${total} requests sent (seed ${SEED}):\n${perOperation.join('\n')}`);
});

/** The methods a documented path does not declare: refused in the one error shape, nothing written. */
const undeclared = [...new Set(operations.map((op) => op.path))].flatMap((path) => {
  const declared = operations.filter((op) => op.path === path);
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
    .filter((method) => !declared.some((op) => op.method === method))
    .map(
      (method): ApiOperation => ({
        ...(declared[0] as ApiOperation),
        id: `${method} ${path} (undeclared)`,
        method,
        access: undefined,
        queryParams: [],
        body: undefined,
        isWrite: method !== 'GET' && method !== 'OPTIONS',
      }),
    );
});
describe('undeclared methods on documented paths', () => {
  it.each(undeclared.map((op) => ({ op, name: op.id })))(
    '$name is refused and writes nothing',
    async ({ op }) => {
      const pathValues: Record<string, string> = {};
      for (const param of op.pathParams) {
        const kind = recordKinds[op.access?.references?.path?.[param.name] ?? ''];
        pathValues[param.name] = (await kind?.existing(world, a, 'manager').catch(() => undefined)) ?? 'x';
      }
      const body = op.method === 'GET' ? {} : { raw: raw('application/json', '{"name": "x", "version": 1}') };
      const res = await expectSurvived(
        op,
        buildRequest(op, { actor: 'admin', pathValues, ...body }),
        'undeclared methods',
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
    },
  );
});

describe('the harness itself', () => {
  it('encodes lone surrogates the way a careless client would', () => {
    expect(encodeUriText('a\ud800b/')).toBe('a%ED%A0%80b%2F');
  });

  it('treats a refused write that changed tenant A as a failure', async () => {
    const op = targets.find((o) => o.id === 'POST /api/customers');
    if (!op) return;
    fingerprint = { ...fingerprint, a: 'stale' };
    await expect(
      expectSurvived(
        op,
        buildRequest(op, { actor: 'rep1', pathValues: {}, raw: raw('application/json', '') }),
      ),
    ).rejects.toThrow(/tenant A's data changed/);
  });

  it('accepts only the one error shape', () => {
    const json = (body: unknown, type = 'application/json') =>
      errorShapeProblem(new Response(null, { headers: { 'content-type': type } }), JSON.stringify(body));
    expect(json({ error: { code: 'x', message: 'y', fields: { a: 'b' } } })).toBeUndefined();
    expect(json({ error: { code: 'x' } })).toBe('no message');
    expect(json({ error: { code: 'x', message: 'y' }, stack: 'at …' })).toBe('no single `error` member');
    expect(json({ error: { code: 'x', message: 'y', fields: { a: 1 } } })).toBe(
      'a field message is not a string',
    );
    expect(json({ error: { code: 'x', message: 'y' } }, 'text/html')).toBe('not JSON');
  });
});
