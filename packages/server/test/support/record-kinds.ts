import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { csvColumns } from '../../src/contracts.ts';
import { priceListEntries, products } from '../../src/domains/catalog/tables.ts';
import { complaints } from '../../src/domains/complaints/tables.ts';
import { customers } from '../../src/domains/customers/tables.ts';
import { followups } from '../../src/domains/followups/tables.ts';
import { forms } from '../../src/domains/forms/tables.ts';
import { handoverSheets, handovers } from '../../src/domains/handover/tables.ts';
import { notifications } from '../../src/domains/notifications/tables.ts';
import { orderLines, orders } from '../../src/domains/orders/tables.ts';
import { repAbsences } from '../../src/domains/organization/tables.ts';
import { plannedVisits, plans } from '../../src/domains/planning/tables.ts';
import { quoteLines, quotes } from '../../src/domains/quotes/tables.ts';
import { visits } from '../../src/domains/visits/tables.ts';
import { webhookDeliveries, webhookEndpoints } from '../../src/domains/webhooks/tables.ts';
import { areas, invitation, member, staffProfiles, teams, user } from '../../src/platform/db/schema/index.ts';
import type { UserKey } from './tenant-fixture.ts';
import { request, type SignedTenantFixture, type TestApp } from './test-app.ts';

/** What a resolver may use: the app, and a signed-in session for any fixture user. */
export interface RecordWorld {
  readonly app: TestApp;
  cookie(tenant: SignedTenantFixture, key: UserKey): string;
}

/**
 * How the generated suites get ids for one kind of record an operation references
 * (`x-kayoi-access.references`): an existing one of a tenant, and one that exists nowhere.
 */
export interface RecordKind {
  /**
   * An existing record of `tenant` belonging to `holder`: their customer, the import they
   * previewed, the user themself. Throws when `holder` cannot hold one (a rep previews no import).
   */
  existing(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey): Promise<string>;
  /** An id no record of any tenant has, in the same format as real ones. */
  nonexistent(): string;
  /** The record's current `version` (optimistic concurrency), for kinds that have one. */
  version?(world: RecordWorld, id: string): Promise<number | undefined>;
}

/** One valid CSV row assigning a new customer to `rep` of `tenant`, under the import's header. */
export function importCsv(tenant: SignedTenantFixture, rep: UserKey = 'rep1'): string {
  const cells: Record<string, string> = {
    会社名: `取込商事 ${randomUUID().slice(0, 8)}`,
    フリガナ: 'トリコミショウジ',
    敬称: '御中',
    担当者メール: tenant.users[rep].email,
    ランク: 'B',
    ステータス: '稼働',
    '訪問周期(日)': '28',
    '許容幅(日)': '3',
    '滞在時間(分)': '30',
  };
  return `${csvColumns.join(',')}\r\n${csvColumns.map((c) => cells[c] ?? '').join(',')}\r\n`;
}

/** A CSV upload as the browser sends it. */
export function csvFormData(csv: string | Uint8Array, fileName = 'customers.csv'): FormData {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof csv === 'string' ? csv : new Uint8Array(csv)], { type: 'text/csv' }),
    fileName,
  );
  return form;
}

/** A web hook (to 127.0.0.1 port 9: refused, or blocked unless private addresses are allowed) with one failed delivery. */
async function storedWebhookOf(world: RecordWorld, tenant: SignedTenantFixture) {
  const endpointId = randomUUID();
  const deliveryId = randomUUID();
  const admin = world.app.database.admin;
  await admin.insert(webhookEndpoints).values({
    tenantId: tenant.tenantId,
    id: endpointId,
    url: 'http://127.0.0.1:9/hook',
    events: ['plan_ready'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    active: false,
    createdBy: tenant.users.admin.id,
    updatedBy: tenant.users.admin.id,
  });
  await admin.insert(webhookDeliveries).values({
    tenantId: tenant.tenantId,
    id: deliveryId,
    endpointId,
    eventId: `evt_${deliveryId.replaceAll('-', '')}`,
    eventKind: 'plan_ready',
    payload: {
      type: 'plan_ready',
      id: 'evt_x',
      timestamp: new Date().toISOString(),
      tenant: tenant.tenantId,
      data: {},
    },
    status: 'failed',
    attempts: 6,
  });
  return { endpointId, deliveryId };
}

const previewed = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/** Previews a one-row import as `holder` (once per world, tenant and holder). */
function previewImport(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey): Promise<string> {
  if (tenant.users[holder].role === 'rep') throw new Error(`${holder} is a rep: reps preview no imports`);
  const cache = previewed.get(world) ?? new Map<string, Promise<string>>();
  previewed.set(world, cache);
  const key = `${tenant.tenantId}:${holder}`;
  let id = cache.get(key);
  if (!id) {
    id = (async () => {
      const res = await request(world.app.app, 'POST', '/api/customers/import/preview', {
        cookie: world.cookie(tenant, holder),
        body: csvFormData(importCsv(tenant)),
      });
      const body = (await res.json()) as { importId?: string; errors?: unknown[] };
      if (res.status !== 200 || !body.importId || body.errors?.length)
        throw new Error(`preview as ${holder} failed: ${res.status} ${JSON.stringify(body)}`);
      return body.importId;
    })();
    cache.set(key, id);
  }
  return id;
}

const storedPlans = new WeakMap<RecordWorld, Map<string, Promise<{ planId: string; visitId: string }>>>();

/**
 * A ready plan of `holder`'s scope (rep3: team B; admin: the whole company; others: team A)
 * with one planned visit of a customer of that scope, written through the owner's handle (once
 * per world, tenant and scope).
 */
export function storedPlanOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const scope: UserKey = holder === 'rep3' ? 'rep3' : holder === 'admin' ? 'admin' : 'rep1';
  const cache = storedPlans.get(world) ?? new Map<string, Promise<{ planId: string; visitId: string }>>();
  storedPlans.set(world, cache);
  const key = `${tenant.tenantId}:${scope}`;
  let stored = cache.get(key);
  if (!stored) {
    stored = (async () => {
      const planId = randomUUID();
      const visitId = randomUUID();
      const rep: UserKey = scope === 'rep3' ? 'rep3' : 'rep1';
      const customer = tenant.customersOf(rep)[0]!;
      const admin = world.app.database.admin;
      await admin.insert(plans).values({
        tenantId: tenant.tenantId,
        id: planId,
        teamId: scope === 'admin' ? null : tenant.users[rep].teamId,
        startDate: '2027-01-11',
        days: 5,
        status: 'ready',
        createdBy: tenant.users[scope === 'admin' ? 'admin' : 'manager'].id,
        summary: { travelSeconds: 600, visits: 1, unplanned: 0, movedVisits: 0 },
      });
      await admin.insert(plannedVisits).values({
        tenantId: tenant.tenantId,
        id: visitId,
        planId,
        customerId: customer.id,
        repId: tenant.users[rep].id,
        date: '2027-01-12',
        seq: 1,
        plannedArrival: new Date('2027-01-12T00:20:00Z'),
        plannedStart: new Date('2027-01-12T00:30:00Z'),
        plannedDeparture: new Date('2027-01-12T01:00:00Z'),
        travelSecondsBefore: 600,
      });
      return { planId, visitId };
    })();
    cache.set(key, stored);
  }
  return stored;
}

const storedComplaints = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/**
 * An open complaint of a customer of `holder` (a rep: their own; others: rep1's, rep3's for
 * rep3), written through the owner's handle (once per world, tenant and owner).
 */
export function storedComplaintOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const cache = storedComplaints.get(world) ?? new Map<string, Promise<string>>();
  storedComplaints.set(world, cache);
  const key = `${tenant.tenantId}:${owner}`;
  let stored = cache.get(key);
  if (!stored) {
    stored = (async () => {
      const id = randomUUID();
      const customer = tenant.customersOf(owner)[0]!;
      await world.app.database.admin.insert(complaints).values({
        tenantId: tenant.tenantId,
        id,
        customerId: customer.id,
        source: 'phone',
        kind: 'complaint',
        category: 'delivery',
        severity: 'medium',
        title: '納品が遅れた',
        ownerId: tenant.users[owner].id,
        receivedAt: new Date(),
        dueDate: '2099-01-01',
        createdBy: tenant.users[owner].id,
      });
      return id;
    })();
    cache.set(key, stored);
  }
  return stored;
}

const storedVisits = new WeakMap<
  RecordWorld,
  Map<string, Promise<{ visitId: string; followupId: string }>>
>();

/**
 * A visit (checked in, not yet out) by `holder`'s rep (a rep themself; others: rep1) at their
 * first customer, and an open followup of it assigned to that rep, written through the owner's
 * handle (once per world, tenant and rep).
 */
export function storedVisitOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const rep: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const cache =
    storedVisits.get(world) ?? new Map<string, Promise<{ visitId: string; followupId: string }>>();
  storedVisits.set(world, cache);
  const key = `${tenant.tenantId}:${rep}`;
  let stored = cache.get(key);
  if (!stored) {
    stored = (async () => {
      const visitId = randomUUID();
      const followupId = randomUUID();
      const customer = tenant.customersOf(rep)[0]!;
      const repId = tenant.users[rep].id;
      const admin = world.app.database.admin;
      await admin.insert(visits).values({
        tenantId: tenant.tenantId,
        id: visitId,
        customerId: customer.id,
        repId,
        date: '2026-12-01',
        checkInAt: new Date(Date.now() - 10 * 60_000),
      });
      await admin.insert(followups).values({
        tenantId: tenant.tenantId,
        id: followupId,
        customerId: customer.id,
        repId,
        visitId,
        title: '見積書を送る',
        dueDate: '2026-12-08',
        owner: 'us',
        assigneeId: repId,
        createdBy: repId,
      });
      return { visitId, followupId };
    })();
    cache.set(key, stored);
  }
  return stored;
}

const previewedProducts = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/** Previews a one-row catalog import (a new product) as `holder` (once per world, tenant and holder). */
function previewProductImport(
  world: RecordWorld,
  tenant: SignedTenantFixture,
  holder: UserKey,
): Promise<string> {
  if (tenant.users[holder].role === 'rep') throw new Error(`${holder} is a rep: reps preview no imports`);
  const cache = previewedProducts.get(world) ?? new Map<string, Promise<string>>();
  previewedProducts.set(world, cache);
  const key = `${tenant.tenantId}:${holder}`;
  let id = cache.get(key);
  if (!id) {
    id = (async () => {
      const code = `IMP-${randomUUID().slice(0, 8)}`;
      const res = await request(world.app.app, 'POST', '/api/products/import/preview', {
        cookie: world.cookie(tenant, holder),
        body: csvFormData(
          `商品コード,商品名,単位,単価,税区分\r\n${code},取込テスト商品,個,1.5,標準10%\r\n`,
          'products.csv',
        ),
      });
      const body = (await res.json()) as { importId?: string; errors?: unknown[] };
      if (res.status !== 200 || !body.importId || body.errors?.length)
        throw new Error(`product preview as ${holder} failed: ${res.status} ${JSON.stringify(body)}`);
      return body.importId;
    })();
    cache.set(key, id);
  }
  return id;
}

const storedPriceEntries = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/**
 * A special price on the paper for a customer of `holder` (a rep: their own; others: rep1's),
 * written through the owner's handle (once per world, tenant and customer's rep).
 */
export function storedPriceEntryOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const cache = storedPriceEntries.get(world) ?? new Map<string, Promise<string>>();
  storedPriceEntries.set(world, cache);
  const key = `${tenant.tenantId}:${owner}`;
  let stored = cache.get(key);
  if (!stored) {
    stored = (async () => {
      const id = randomUUID();
      await world.app.database.admin.insert(priceListEntries).values({
        tenantId: tenant.tenantId,
        id,
        customerId: tenant.customersOf(owner)[0]!.id,
        productId: tenant.products.paper,
        unitPrice: '2800',
        effectiveFrom: '2026-04-01',
        createdBy: tenant.users.admin.id,
      });
      return id;
    })();
    cache.set(key, stored);
  }
  return stored;
}

/**
 * Every record kind the access declarations name. An operation referencing a kind missing here
 * fails the authorization matrix until a resolver is added.
 */
const sparePeople = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/**
 * A rep of `tenant` whom no test signs in as (once per world and tenant): the people admin's
 * operations (deactivate, role change, reset) aim at them, so that a generated request that
 * succeeds never ends a session a suite goes on using.
 */
function sparePersonOf(world: RecordWorld, tenant: SignedTenantFixture) {
  const cache = sparePeople.get(world) ?? new Map<string, Promise<string>>();
  sparePeople.set(world, cache);
  let stored = cache.get(tenant.tenantId);
  if (!stored) {
    stored = (async () => {
      const id = randomUUID();
      const admin = world.app.database.admin;
      await admin.insert(user).values({ id, name: '予備 担当', email: `spare.${id}@fixture.kayoi.test` });
      await admin
        .insert(member)
        .values({ id: randomUUID(), organizationId: tenant.tenantId, userId: id, role: 'rep' });
      await admin.insert(staffProfiles).values({
        tenantId: tenant.tenantId,
        userId: id,
        teamId: tenant.teams.a.id,
        displayName: '予備 担当',
      });
      return id;
    })();
    cache.set(tenant.tenantId, stored);
  }
  return stored;
}

/**
 * A fresh draft quote (one line) of a customer of `holder`'s rep (a rep themself; others: rep1),
 * written through the owner's handle: each call gets its own, so an operation that issues or
 * accepts it leaves the next caller a draft.
 */
export async function storedQuoteOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const customer = tenant.customersOf(owner)[0]!;
  const id = randomUUID();
  await world.app.database.admin.insert(quotes).values({
    tenantId: tenant.tenantId,
    id,
    quoteNo: `Q-FX-${id.slice(0, 8)}`,
    customerId: customer.id,
    repId: tenant.users[owner].id,
    subject: 'コピー用紙',
    validUntil: '2099-01-01',
    subtotalStandard: 2980,
    taxStandard: 298,
    total: 3278,
    createdBy: tenant.users[owner].id,
  });
  await world.app.database.admin.insert(quoteLines).values({
    tenantId: tenant.tenantId,
    quoteId: id,
    lineNo: 1,
    name: 'コピー用紙A4',
    quantity: 1,
    unit: '箱',
    unitPrice: '2980',
    taxRate: 10,
    amount: 2980,
  });
  return id;
}

/** A fresh order (受注, one line) of a customer of `holder`'s rep (a rep themself; others: rep1). */
export async function storedOrderOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const customer = tenant.customersOf(owner)[0]!;
  const id = randomUUID();
  await world.app.database.admin.insert(orders).values({
    tenantId: tenant.tenantId,
    id,
    orderNo: `O-FX-${id.slice(0, 8)}`,
    customerId: customer.id,
    repId: tenant.users[owner].id,
    orderedAt: new Date(),
    status: 'ordered',
    subtotalStandard: 2980,
    taxStandard: 298,
    total: 3278,
  });
  await world.app.database.admin.insert(orderLines).values({
    tenantId: tenant.tenantId,
    orderId: id,
    lineNo: 1,
    productCode: '',
    productName: 'コピー用紙A4',
    unit: '箱',
    quantity: 1,
    unitPrice: '2980',
    taxRate: 10,
    amount: 2980,
  });
  return id;
}

const storedForms = new WeakMap<RecordWorld, Map<string, Promise<string>>>();

/**
 * A 申込書 of a customer of `holder` (a rep: their own; others: rep1's), written through the
 * owner's handle (once per world, tenant and owner).
 */
export function storedFormOf(world: RecordWorld, tenant: SignedTenantFixture, holder: UserKey) {
  const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
  const cache = storedForms.get(world) ?? new Map<string, Promise<string>>();
  storedForms.set(world, cache);
  const key = `${tenant.tenantId}:${owner}`;
  let stored = cache.get(key);
  if (!stored) {
    stored = (async () => {
      const id = randomUUID();
      const customer = tenant.customersOf(owner)[0]!;
      await world.app.database.admin.insert(forms).values({
        tenantId: tenant.tenantId,
        id,
        customerId: customer.id,
        kind: 'renewal',
        repId: tenant.users[owner].id,
        collectedOn: '2026-01-15',
        createdBy: tenant.users[owner].id,
        updatedBy: tenant.users[owner].id,
      });
      return id;
    })();
    cache.set(key, stored);
  }
  return stored;
}

export const recordKinds: Readonly<Record<string, RecordKind>> = {
  /** A web hook of the tenant (written through the owner's handle; each call a new one) to a closed local port. */
  webhookEndpoint: {
    existing: async (world, tenant) => (await storedWebhookOf(world, tenant)).endpointId,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: webhookEndpoints.version })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, id));
      return row?.version;
    },
  },
  /** A failed delivery of a new web hook of the tenant. */
  webhookDelivery: {
    existing: async (world, tenant) => (await storedWebhookOf(world, tenant)).deliveryId,
    nonexistent: () => randomUUID(),
  },
  /** A handover sheet of a customer handed to `holder`'s rep (a rep themself; others: rep1), from rep2. */
  handoverSheet: {
    async existing(world, tenant, holder) {
      const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
      const customer = tenant.customersOf(owner)[0]!;
      const handoverId = randomUUID();
      const id = randomUUID();
      const admin = world.app.database.admin;
      await admin.insert(handovers).values({
        tenantId: tenant.tenantId,
        id: handoverId,
        toRepId: tenant.users[owner].id,
        customerCount: 1,
        createdBy: tenant.users.admin.id,
      });
      await admin.insert(handoverSheets).values({
        tenantId: tenant.tenantId,
        id,
        handoverId,
        customerId: customer.id,
        fromRepId: null,
        toRepId: tenant.users[owner].id,
      });
      return id;
    },
    nonexistent: () => randomUUID(),
  },
  /** A notification of `holder` (each call a fresh unread one, written through the owner's handle). */
  notification: {
    async existing(world, tenant, holder) {
      const id = randomUUID();
      await world.app.database.admin.insert(notifications).values({
        tenantId: tenant.tenantId,
        id,
        recipientId: tenant.users[holder].id,
        kind: 'plan_ready',
        params: { startDate: '2026-12-07', days: 5, visits: 40 },
      });
      return id;
    },
    nonexistent: () => randomUUID(),
  },
  customer: {
    async existing(_world, tenant, holder) {
      const owner: UserKey = tenant.users[holder].role === 'rep' ? holder : 'rep1';
      const customer = tenant.customersOf(owner)[0];
      if (!customer) throw new Error(`${owner} of ${tenant.tenantName} has no customer`);
      return customer.id;
    },
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: customers.version })
        .from(customers)
        .where(eq(customers.id, id));
      return row?.version;
    },
  },
  customerImport: {
    existing: (world, tenant, holder) => previewImport(world, tenant, holder),
    nonexistent: () => randomUUID(),
  },
  user: {
    existing: async (_world, tenant, holder) => tenant.users[holder].id,
    nonexistent: () => randomUUID(),
  },
  /** A member of the company as the people admin sees them (path id = user id): a spare rep. */
  person: {
    existing: (world, tenant) => sparePersonOf(world, tenant),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: member.version })
        .from(member)
        .where(eq(member.userId, id));
      return row?.version;
    },
  },
  /** A pending invitation of the company, a new one each time (cancelling one uses it up). */
  invitation: {
    async existing(world, tenant) {
      const id = randomUUID();
      await world.app.database.admin.insert(invitation).values({
        id,
        organizationId: tenant.tenantId,
        email: `invited.${id}@fixture.kayoi.test`,
        name: '招待 太郎',
        role: 'rep',
        status: 'pending',
        expiresAt: new Date(Date.now() + 86_400_000),
        inviterId: tenant.users.admin.id,
        tokenHash: id,
      });
      return id;
    },
    nonexistent: () => randomUUID(),
  },
  area: {
    existing: async (_world, tenant) => tenant.areas[0]!.id,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: areas.version })
        .from(areas)
        .where(eq(areas.id, id));
      return row?.version;
    },
  },
  team: {
    existing: async (_world, tenant, holder) => tenant.users[holder].teamId ?? tenant.teams.a.id,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: teams.version })
        .from(teams)
        .where(eq(teams.id, id));
      return row?.version;
    },
  },
  /** A day away of `holder` (written through the owner's handle; each call a new one). */
  absence: {
    async existing(world, tenant, holder) {
      const id = randomUUID();
      const day = `2098-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
      await world.app.database.admin.insert(repAbsences).values({
        tenantId: tenant.tenantId,
        id,
        userId: tenant.users[holder].id,
        startDate: day,
        endDate: day,
        kind: 'training',
        createdBy: tenant.users.admin.id,
      });
      return id;
    },
    nonexistent: () => randomUUID(),
  },
  plan: {
    existing: async (world, tenant, holder) => (await storedPlanOf(world, tenant, holder)).planId,
    nonexistent: () => randomUUID(),
  },
  form: {
    existing: (world, tenant, holder) => storedFormOf(world, tenant, holder),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: forms.version })
        .from(forms)
        .where(eq(forms.id, id));
      return row?.version;
    },
  },
  complaint: {
    existing: (world, tenant, holder) => storedComplaintOf(world, tenant, holder),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: complaints.version })
        .from(complaints)
        .where(eq(complaints.id, id));
      return row?.version;
    },
  },
  plannedVisit: {
    existing: async (world, tenant, holder) => (await storedPlanOf(world, tenant, holder)).visitId,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: plannedVisits.version })
        .from(plannedVisits)
        .where(eq(plannedVisits.id, id));
      return row?.version;
    },
  },
  visit: {
    existing: async (world, tenant, holder) => (await storedVisitOf(world, tenant, holder)).visitId,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: visits.version })
        .from(visits)
        .where(eq(visits.id, id));
      return row?.version;
    },
  },
  followup: {
    existing: async (world, tenant, holder) => (await storedVisitOf(world, tenant, holder)).followupId,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: followups.version })
        .from(followups)
        .where(eq(followups.id, id));
      return row?.version;
    },
  },
  product: {
    existing: async (_world, tenant) => tenant.products.paper,
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: products.version })
        .from(products)
        .where(eq(products.id, id));
      return row?.version;
    },
  },
  productImport: {
    existing: (world, tenant, holder) => previewProductImport(world, tenant, holder),
    nonexistent: () => randomUUID(),
  },
  priceListEntry: {
    existing: (world, tenant, holder) => storedPriceEntryOf(world, tenant, holder),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: priceListEntries.version })
        .from(priceListEntries)
        .where(eq(priceListEntries.id, id));
      return row?.version;
    },
  },
  quote: {
    existing: (world, tenant, holder) => storedQuoteOf(world, tenant, holder),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: quotes.version })
        .from(quotes)
        .where(eq(quotes.id, id));
      return row?.version;
    },
  },
  order: {
    existing: (world, tenant, holder) => storedOrderOf(world, tenant, holder),
    nonexistent: () => randomUUID(),
    async version(world, id) {
      const [row] = await world.app.database.admin
        .select({ version: orders.version })
        .from(orders)
        .where(eq(orders.id, id));
      return row?.version;
    },
  },
};

export const recordKindNames = Object.keys(recordKinds);
