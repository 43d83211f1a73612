import { randomUUID } from 'node:crypto';
import { and, eq, getTableName, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { customerContacts, customerImports, customers } from '../../../src/domains/customers/tables.ts';
import { orders } from '../../../src/domains/orders/tables.ts';
import { type Actor, withTenant } from '../../../src/platform/context.ts';
import { auditEvents, idempotencyKeys, type KayoiRole } from '../../../src/platform/db/schema/index.ts';
import type { AccessScope } from '../../../src/platform/http/define-route.ts';
import {
  type ApiOperation,
  accessProblems,
  baseBodyOf,
  bodyHasProperty,
  type OpenApiDocument,
  operationsOf,
  urlOf,
} from '../../support/openapi-operations.ts';
import {
  csvFormData,
  importCsv,
  type RecordWorld,
  recordKindNames,
  recordKinds,
} from '../../support/record-kinds.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';

/**
 * The authorization matrix, generated from the OpenAPI document: every operation's
 * `x-kayoi-access` (roles, scope, the request fields that name records) is checked against the
 * running app. Tenant A has admin, manager + rep1 + rep2 (team A) and rep3 (team B); tenant B is
 * another company. A foreign id must be answered exactly like an id that exists nowhere.
 */

/** The injected bug of the last section: customerScope() returning `true` (no filter at all). */
const scopeBug = vi.hoisted(() => ({ active: false, calls: 0 }));
vi.mock('../../../src/domains/customers/customer-scope.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/domains/customers/customer-scope.ts')>();
  const { sql } = await import('drizzle-orm');
  return {
    ...real,
    customerScope: (actor: Actor) => {
      if (!scopeBug.active) return real.customerScope(actor);
      scopeBug.calls++;
      return sql`true`;
    },
  };
});

const t = await createTestApp();
afterAll(() => t.close());
const doc = (await (await request(t.app, 'GET', '/api/openapi.json')).json()) as OpenApiDocument;
const operations = operationsOf(doc);
const problems = accessProblems(doc, recordKindNames);
/** Operations whose declaration the suite can check (the others fail the declarations test). */
const checked = operations.filter((op) => op.access && !problems.some((p) => p.startsWith(`${op.id}:`)));

let a: SignedTenantFixture;
let b: SignedTenantFixture;
const cookies = new Map<string, string>();
const world: RecordWorld = {
  app: t,
  cookie(tenant, key) {
    const cookie = cookies.get(`${tenant.tenantId}:${key}`);
    if (!cookie) throw new Error(`${key} of ${tenant.tenantName} is not signed in`);
    return cookie;
  },
};
const allUsers: readonly UserKey[] = ['admin', 'manager', 'rep1', 'rep2', 'rep3'];

beforeAll(async () => {
  a = await t.createTenant();
  b = await t.createTenant();
  for (const tenant of [a, b])
    for (const key of allUsers) cookies.set(`${tenant.tenantId}:${key}`, await tenant.signIn(key));
});

/** The fixture user who stands for a role. */
const userOfRole: Record<KayoiRole, UserKey> = { rep: 'rep1', manager: 'manager', admin: 'admin' };
const allowed = (op: ApiOperation, role: KayoiRole) =>
  op.access?.roles === 'public' || !!op.access?.roles.includes(role);
/** Whose records an operation is aimed at by default: rep1's, or team A's manager's. */
const holderOf = (op: ApiOperation): UserKey => (allowed(op, 'rep') ? 'rep1' : 'manager');
const kindOf = (op: ApiOperation, where: 'path' | 'query' | 'body', field: string) => {
  const name = op.access?.references?.[where]?.[field];
  return name === undefined ? undefined : recordKinds[name];
};

/** Path values naming `holder`'s records of `tenant` (unreferenced parameters get 'x'). */
async function pathValuesOf(op: ApiOperation, tenant: SignedTenantFixture, holder: UserKey) {
  const values: Record<string, string> = {};
  for (const param of op.pathParams)
    values[param.name] = (await kindOf(op, 'path', param.name)?.existing(world, tenant, holder)) ?? 'x';
  return values;
}

const MULTIPART = Symbol('a CSV upload');

/**
 * A valid body for the operation: the document's example or the schema's minimal value, the
 * `version` of the record the path names (read through the owner's handle), then `overrides`.
 */
async function bodyOf(op: ApiOperation, pathValues: Record<string, string>, overrides = {}) {
  if (!op.body) return undefined;
  if (op.body.contentType === 'multipart/form-data') return MULTIPART;
  if (op.body.contentType !== 'application/json')
    throw new Error(`${op.id}: no base body for ${op.body.contentType}; teach the matrix this content type`);
  let version: number | undefined;
  if (bodyHasProperty(doc, op.body, 'version'))
    for (const param of op.pathParams)
      version ??= await kindOf(op, 'path', param.name)?.version?.(world, pathValues[param.name] as string);
  return baseBodyOf(doc, op.body, { ...(version !== undefined && { version }), ...overrides });
}

interface Call {
  cookie?: string;
  pathValues: Record<string, string>;
  query?: [string, string][];
  body?: unknown;
}

/** Writes carry the trusted Origin (request() adds it) and a fresh Idempotency-Key. */
function send(op: ApiOperation, call: Call): Promise<Response> {
  const body = call.body === MULTIPART ? csvFormData(importCsv(a)) : call.body;
  return request(t.app, op.method, urlOf(op, call.pathValues, call.query), {
    ...(call.cookie && { cookie: call.cookie }),
    body,
    headers: op.isWrite ? { 'idempotency-key': randomUUID() } : {},
  });
}

const readAnswer = async (res: Response, id: string) => ({
  status: res.status,
  body: (await res.text()).split(id).join('<id>'),
});

/** Sends with a foreign id, then with an id that exists nowhere: both answers must be the same. */
async function expectAnsweredAsNonexistent(
  sendWith: (id: string) => Promise<Response>,
  foreignId: string,
  nowhereId: string,
) {
  const foreign = await readAnswer(await sendWith(foreignId), foreignId);
  const nowhere = await readAnswer(await sendWith(nowhereId), nowhereId);
  expect(nowhere.status, `an id that exists nowhere: ${nowhere.status} ${nowhere.body}`).toBeLessThan(500);
  expect(foreign, 'answered differently than for an id that exists nowhere (the record leaks)').toEqual(
    nowhere,
  );
}

const errorOf = (code: string) => ({ error: { code, message: expect.any(String) } });

interface MatrixCase {
  title: string;
  run(): Promise<void>;
}

describe('access declarations', () => {
  it('every operation of the OpenAPI document declares x-kayoi-access the suite can check', () => {
    expect(problems).toEqual([]);
    expect(checked.map((op) => op.id)).toEqual(operations.map((op) => op.id));
  });

  it('reports an operation without a declaration, an unknown record kind and a missing field', () => {
    const flawed: OpenApiDocument = {
      ...doc,
      paths: {
        ...doc.paths,
        '/api/undeclared': { get: { summary: 'forgot defineRoute' } },
        '/api/invoices/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            'x-kayoi-access': {
              roles: ['admin'],
              scope: 'tenant',
              references: { path: { id: 'invoice' }, query: { teamId: 'squad' } },
            },
          },
        },
      },
    };
    const found = accessProblems(flawed, recordKindNames);
    expect(found).toEqual([
      'GET /api/undeclared: no x-kayoi-access declaration (declare access in defineRoute)',
      expect.stringMatching(
        /^GET \/api\/invoices\/\{id\}: references\.path\.id is a 'invoice', a record kind/,
      ),
      expect.stringMatching(
        /^GET \/api\/invoices\/\{id\}: references\.query\.teamId is a 'squad', a record kind/,
      ),
      'GET /api/invoices/{id}: references.query.teamId names no query field of the operation',
    ]);
  });
});

const anonymousCases: MatrixCase[] = checked.flatMap((op) => {
  if (op.access?.roles === 'public')
    return [
      {
        title: `${op.id}: public, answers an anonymous caller without 401 unauthenticated`,
        async run() {
          const pathValues = await pathValuesOf(op, a, holderOf(op));
          const res = await send(op, { pathValues, body: await bodyOf(op, pathValues) });
          expect(res.status).toBeLessThan(500);
          if (res.status === 401) expect(await res.json()).not.toMatchObject(errorOf('unauthenticated'));
        },
      },
    ];
  return [undefined, 'kayoi.session_token=forged.signature'].map((cookie) => ({
    title: `${op.id}: ${cookie ? 'a forged session cookie' : 'no session'} → 401 unauthenticated`,
    async run() {
      const pathValues = await pathValuesOf(op, a, holderOf(op));
      const res = await send(op, {
        ...(cookie && { cookie }),
        pathValues,
        body: await bodyOf(op, pathValues),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(errorOf('unauthenticated'));
    },
  }));
});

const roleCases: MatrixCase[] = checked.flatMap((op) =>
  (['rep', 'manager', 'admin'] as const)
    .filter((role) => !allowed(op, role))
    .map((role) => ({
      title: `${op.id}: a ${role} → 403 forbidden`,
      async run() {
        const pathValues = await pathValuesOf(op, a, holderOf(op));
        const res = await send(op, {
          cookie: world.cookie(a, userOfRole[role]),
          pathValues,
          body: await bodyOf(op, pathValues),
        });
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual(errorOf('forbidden'));
      },
    })),
);

/** Path references aimed by another company's staff at tenant A's records. */
const otherTenantCases: MatrixCase[] = checked.flatMap((op) =>
  Object.entries(op.access?.references?.path ?? {}).flatMap(([field, kind]) =>
    (['rep1', 'manager', 'admin'] as const).map((actor) => ({
      title: `${op.id}: ${actor} of another tenant, tenant A's ${kind} in {${field}} → as if it did not exist`,
      async run() {
        const holder = holderOf(op);
        const pathValues = await pathValuesOf(op, a, holder);
        const body = await bodyOf(op, pathValues);
        await expectAnsweredAsNonexistent(
          (id) =>
            send(op, { cookie: world.cookie(b, actor), pathValues: { ...pathValues, [field]: id }, body }),
          pathValues[field] as string,
          recordKinds[kind]!.nonexistent(),
        );
      },
    })),
  ),
);

/**
 * Who must not reach whose records, by scope, inside tenant A: [caller, holder of the record].
 * (rep1 and rep2 are in team A with the manager; rep3 is in team B.)
 */
const outsiders: Record<AccessScope, readonly [UserKey, UserKey][]> = {
  public: [],
  tenant: [],
  self: [
    ['rep2', 'rep1'],
    ['manager', 'rep1'],
    ['admin', 'rep1'],
  ],
  team: [
    ['rep2', 'rep1'],
    ['rep3', 'rep1'],
    ['manager', 'rep3'],
  ],
  'customer-book': [
    ['rep2', 'rep1'],
    ['rep3', 'rep1'],
    ['manager', 'rep3'],
  ],
  creator: [
    ['admin', 'manager'],
    ['manager', 'admin'],
    ['rep1', 'manager'],
  ],
};

const outsiderCases: MatrixCase[] = checked.flatMap((op) =>
  Object.entries(op.access?.references?.path ?? {}).flatMap(([field, kind]) =>
    outsiders[op.access!.scope].map(([actor, holder]) => ({
      title: `${op.id}: ${actor} on ${holder}'s ${kind} (scope ${op.access!.scope}) → as if it did not exist`,
      async run() {
        const pathValues = await pathValuesOf(op, a, holder);
        const body = await bodyOf(op, pathValues);
        await expectAnsweredAsNonexistent(
          (id) =>
            send(op, { cookie: world.cookie(a, actor), pathValues: { ...pathValues, [field]: id }, body }),
          pathValues[field] as string,
          recordKinds[kind]!.nonexistent(),
        );
      },
    })),
  ),
);

/** An existing record of `tenant` of that kind, held by the first of the users who can hold one. */
async function someExisting(kind: string, tenant: SignedTenantFixture) {
  for (const holder of ['rep1', 'manager', 'admin'] as const) {
    try {
      return await recordKinds[kind]!.existing(world, tenant, holder);
    } catch {}
  }
  throw new Error(`no ${kind} in ${tenant.tenantName}`);
}

/** Tenant B's ids in query and body references, sent by tenant A's admin and rep1. */
const foreignReferenceCases: MatrixCase[] = checked.flatMap((op) =>
  (['query', 'body'] as const).flatMap((where) =>
    Object.entries(op.access?.references?.[where] ?? {}).flatMap(([field, kind]) => {
      if (where === 'body' && op.body?.contentType !== 'application/json')
        return [
          {
            title: `${op.id}: body reference ${field} (skipped: only JSON bodies get foreign ids; this one is ${op.body?.contentType})`,
            run: async () => {},
          },
        ];
      const actors = (['admin', allowed(op, 'rep') ? 'rep1' : 'manager'] as const).filter(
        (key, i, all) => all.indexOf(key) === i,
      );
      return actors.map((actor) => ({
        title: `${op.id}: ${actor}, tenant B's ${kind} in ${where}.${field} → as if it did not exist`,
        async run() {
          const pathValues = await pathValuesOf(op, a, holderOf(op));
          const foreignId = await someExisting(kind, b);
          await expectAnsweredAsNonexistent(
            async (id) =>
              send(op, {
                cookie: world.cookie(a, actor),
                pathValues,
                ...(where === 'query' && { query: [[field, id]] }),
                body:
                  where === 'body'
                    ? await bodyOf(op, pathValues, { [field]: id })
                    : await bodyOf(op, pathValues),
              }),
            foreignId,
            recordKinds[kind]!.nonexistent(),
          );
        },
      }));
    }),
  ),
);

const sections: [string, MatrixCase[]][] = [
  ['anonymous callers', anonymousCases],
  ['roles outside the declaration', roleCases],
  ['another tenant’s staff on tenant A’s records', otherTenantCases],
  ['tenant A’s staff outside the record’s scope', outsiderCases],
  ['tenant B’s ids in query and body references', foreignReferenceCases],
];
for (const [name, cases] of sections) {
  describe(name, () => {
    for (const c of cases) it(c.title, c.run);
  });
}

const generated = sections.reduce((n, [, cases]) => n + cases.length, 0);
console.info(
  `authorization matrix: ${checked.length} of ${operations.length} operations, ${generated} generated cases ` +
    `(${sections.map(([name, cases]) => `${cases.length} ${name}`).join(', ')})`,
);

/** What tenant A's `key` may see of each table, read through the owner's handle (outside RLS). */
async function visibleTo(key: UserKey) {
  const admin = t.database.admin;
  const user = a.users[key];
  const teamMates = allUsers.filter((k) => a.users[k].teamId !== null && a.users[k].teamId === user.teamId);
  const bookRule =
    user.role === 'admin'
      ? eq(customers.tenantId, a.tenantId)
      : and(
          eq(customers.tenantId, a.tenantId),
          user.role === 'rep'
            ? eq(customers.repId, user.id)
            : inArray(
                customers.repId,
                teamMates.map((k) => a.users[k].id),
              ),
        );
  const book = (await admin.select({ id: customers.id }).from(customers).where(bookRule)).map((r) => r.id);
  const inBook = (column: typeof customerContacts.customerId | typeof orders.customerId) =>
    book.length > 0 ? inArray(column, book) : eq(column, '-');
  return {
    customers: book,
    contacts: (
      await admin
        .select({ id: customerContacts.id })
        .from(customerContacts)
        .where(and(eq(customerContacts.tenantId, a.tenantId), inBook(customerContacts.customerId)))
    ).map((r) => r.id),
    orders: (
      await admin
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.tenantId, a.tenantId), inBook(orders.customerId)))
    ).map((r) => r.id),
    imports: (
      await admin
        .select({ id: customerImports.id })
        .from(customerImports)
        .where(and(eq(customerImports.tenantId, a.tenantId), eq(customerImports.createdBy, user.id)))
    ).map((r) => r.id),
    // The trail follows the book: the entries of the customers it holds, and one's own entries.
    audit: (
      await admin
        .select({ seq: auditEvents.seq })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.tenantId, a.tenantId),
            user.role === 'admin'
              ? undefined
              : or(
                  eq(auditEvents.actorUserId, user.id),
                  and(
                    eq(auditEvents.subjectTable, 'customers'),
                    book.length > 0 ? inArray(auditEvents.subjectId, book) : eq(auditEvents.subjectId, '-'),
                  ),
                ),
          ),
        )
    ).map((r) => String(r.seq)),
    keys: (
      await admin
        .select({ key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.tenantId, a.tenantId), eq(idempotencyKeys.userId, user.id)))
    ).map((r) => r.key),
  };
}

const sorted = (ids: (string | number)[]) => ids.map(String).sort();

describe('row-level security, the second wall', () => {
  beforeAll(async () => {
    // Rows of every kind, for several users of both tenants.
    for (const tenant of [a, b]) {
      for (const key of ['rep1', 'rep2', 'admin'] as const) {
        const res = await request(t.app, 'POST', '/api/customers', {
          cookie: world.cookie(tenant, key),
          body: { name: `RLS ${key}`, repId: tenant.users[key === 'admin' ? 'rep3' : key].id },
          headers: { 'idempotency-key': randomUUID() },
        });
        expect(res.status, await res.clone().text()).toBe(201);
      }
      await recordKinds.customerImport!.existing(world, tenant, 'manager');
      await recordKinds.customerImport!.existing(world, tenant, 'admin');
    }
  });

  it('the tables hold rows of the other tenant and of other users, so the checks below can fail', async () => {
    const admin = t.database.admin;
    for (const table of [
      customers,
      customerContacts,
      orders,
      customerImports,
      auditEvents,
      idempotencyKeys,
    ]) {
      const rows = await admin.select({ tenantId: table.tenantId }).from(table);
      expect(
        rows.some((r) => r.tenantId === b.tenantId),
        `rows of tenant B in ${getTableName(table)}`,
      ).toBe(true);
    }
    const seenByRep1 = await visibleTo('rep1');
    const seenByAdmin = await visibleTo('admin');
    expect(seenByAdmin.customers.length).toBeGreaterThan(seenByRep1.customers.length);
    expect(seenByRep1.imports).toEqual([]);
    expect(seenByAdmin.imports.length).toBeGreaterThan(0);
    expect(seenByRep1.keys.length).toBeGreaterThan(0);
  });

  it.each(['admin', 'manager', 'rep1', 'rep3'] as const)(
    '%s: queries with no WHERE clause at all (the injected bug) see only what the policies allow',
    async (key) => {
      const seen = await withTenant(t.database.db, a.actor(key), async (tx) => ({
        customers: (await tx.select().from(customers)).map((r) => r.id),
        contacts: (await tx.select().from(customerContacts)).map((r) => r.id),
        orders: (await tx.select().from(orders)).map((r) => r.id),
        imports: (await tx.select().from(customerImports)).map((r) => r.id),
        audit: (await tx.select().from(auditEvents)).map((r) => String(r.seq)),
        keys: (await tx.select().from(idempotencyKeys)).map((r) => r.key),
      }));
      const expected = await visibleTo(key);
      for (const table of Object.keys(expected) as (keyof typeof expected)[])
        expect(sorted(seen[table]), table).toEqual(sorted(expected[table]));
    },
  );

  describe('the customer use cases with customerScope() replaced by `true`', () => {
    beforeAll(() => {
      scopeBug.active = true;
    });
    afterAll(() => {
      scopeBug.active = false;
    });
    /** Runs `fn` and checks the injected bug was on its path. */
    const withBug = async (fn: () => Promise<void>) => {
      const before = scopeBug.calls;
      await fn();
      expect(scopeBug.calls, 'the bugged customerScope() was not called').toBeGreaterThan(before);
    };

    it.each(['admin', 'manager', 'rep1', 'rep3'] as const)(
      '%s: GET /api/customers and export.csv still hold only their book',
      (key) =>
        withBug(async () => {
          const expected = (await visibleTo(key)).customers;
          const res = await request(t.app, 'GET', '/api/customers?includeArchived=true&limit=200', {
            cookie: world.cookie(a, key),
          });
          expect(res.status).toBe(200);
          const page = (await res.json()) as { items: { id: string; code: string }[]; total: number };
          expect(sorted(page.items.map((i) => i.id))).toEqual(sorted(expected));
          expect(page.total).toBe(expected.length);
          const csv = await request(
            t.app,
            'GET',
            '/api/customers/export.csv?encoding=utf8&includeArchived=true',
            {
              cookie: world.cookie(a, key),
            },
          );
          expect(csv.status).toBe(200);
          expect((await csv.text()).trim().split('\r\n').length - 1).toBe(expected.length);
        }),
    );

    it('rep1 still gets 404 for rep3’s customer, its orders and its history, and cannot change it', () =>
      withBug(async () => {
        const target = a.customersOf('rep3')[0]!;
        const cookie = world.cookie(a, 'rep1');
        for (const path of [`/api/customers/${target.id}`, `/api/customers/${target.id}/orders`]) {
          const res = await request(t.app, 'GET', path, { cookie });
          expect(res.status, path).toBe(404);
        }
        const version = await recordKinds.customer!.version!(world, target.id);
        const patch = await request(t.app, 'PATCH', `/api/customers/${target.id}`, {
          cookie,
          body: { version, notes: 'written through the injected bug' },
        });
        expect(patch.status).toBe(404);
        const archive = await request(t.app, 'POST', `/api/customers/${target.id}/archive`, {
          cookie,
          body: { version },
        });
        expect(archive.status).toBe(404);
        expect(await recordKinds.customer!.version!(world, target.id)).toBe(version);
      }));

    it('tenant A’s admin still gets 404 for tenant B’s customer', () =>
      withBug(async () => {
        const res = await request(t.app, 'GET', `/api/customers/${b.customers[0]!.id}`, {
          cookie: world.cookie(a, 'admin'),
        });
        expect(res.status).toBe(404);
      }));
  });
});
