import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUnitPrice, getUnitPrices } from '../../../src/domains/catalog/get-unit-price.ts';
import { priceListEntries, products } from '../../../src/domains/catalog/tables.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { withTenant } from '../../../src/platform/context.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let other: SignedTenantFixture;
/** A copier counter charge: 2円/枚 list, 1.5円/枚 for the customer from April to September. */
const counterId = randomUUID();
let customerId: string;
let rankMateId: string;

beforeAll(async () => {
  tenant = await t.createTenant();
  other = await t.createTenant();
  const admin = t.database.admin;
  customerId = tenant.customersOf('rep1')[0]!.id;
  rankMateId = tenant.customersOf('rep1')[1]!.id;
  await admin.update(customers).set({ rank: 'A' }).where(eq(customers.id, customerId));
  await admin.update(customers).set({ rank: 'A' }).where(eq(customers.id, rankMateId));
  await admin.insert(products).values({
    tenantId: tenant.tenantId,
    id: counterId,
    code: `CNT-${counterId.slice(0, 6)}`,
    name: 'モノクロカウンター料金',
    unit: '枚',
    unitPrice: '2.00',
  });
  const entry = (values: Partial<typeof priceListEntries.$inferInsert>) => ({
    tenantId: tenant.tenantId,
    id: randomUUID(),
    productId: counterId,
    effectiveFrom: '2026-04-01',
    createdBy: tenant.users.admin.id,
    ...values,
  });
  await admin.insert(priceListEntries).values([
    entry({ id: 'special-price', customerId, unitPrice: '1.50', effectiveTo: '2026-09-30' }),
    entry({ id: 'later-discount', customerId, discountPercent: '10', effectiveFrom: '2026-10-01' }),
    entry({ id: 'rank-a-discount', customerRank: 'A', discountPercent: '5', effectiveFrom: '2026-01-01' }),
    entry({
      tenantId: tenant.tenantId,
      id: 'paper-special',
      customerId,
      productId: tenant.products.paper,
      unitPrice: '2500',
      effectiveFrom: '2026-06-01',
      effectiveTo: '2026-06-30',
    }),
  ]);
});

const priceOn = (date: string, id = customerId, key: UserKey = 'rep1', productId: string = counterId) =>
  withTenant(t.database.db, tenant.actor(key), (tx) =>
    getUnitPrice(tx, tenant.actor(key), { customerId: id, productId, date }),
  );

describe('getUnitPrice', () => {
  it('gives the customer’s special price on the first and the last day it is in effect', async () => {
    for (const date of ['2026-04-01', '2026-09-30'])
      expect(await priceOn(date), date).toMatchObject({
        unitPrice: '1.5',
        source: 'customer_price',
        priceListId: 'special-price',
        listPrice: '2',
        product: { id: counterId, unit: '枚', taxRate: 10 },
      });
  });

  it('gives the customer’s discount from the day after the special price ended, open-ended', async () => {
    for (const date of ['2026-10-01', '2030-01-01'])
      expect(await priceOn(date), date).toMatchObject({
        unitPrice: '1.8',
        source: 'discount',
        priceListId: 'later-discount',
      });
  });

  it('falls back to its rank’s discount the day before its own price starts', async () => {
    expect(await priceOn('2026-03-31')).toMatchObject({
      unitPrice: '1.9',
      source: 'discount',
      priceListId: 'rank-a-discount',
    });
  });

  it('gives the list price before every entry starts, and to a customer of another rank', async () => {
    expect(await priceOn('2025-12-31')).toMatchObject({ unitPrice: '2', source: 'list' });
    expect((await priceOn('2025-12-31'))?.priceListId).toBeUndefined();
    const otherRank = tenant.customersOf('rep2')[0]!.id;
    expect(await priceOn('2026-05-01', otherRank, 'rep2')).toMatchObject({ unitPrice: '2', source: 'list' });
  });

  it('gives a rank mate the rank’s price, not the other customer’s', async () => {
    expect(await priceOn('2026-05-01', rankMateId)).toMatchObject({
      unitPrice: '1.9',
      source: 'discount',
      priceListId: 'rank-a-discount',
    });
  });

  it('prices several products of one customer at once, each by its own entries', async () => {
    const prices = await withTenant(t.database.db, tenant.actor('manager'), (tx) =>
      getUnitPrices(tx, tenant.actor('manager'), {
        customerId,
        productIds: [counterId, tenant.products.paper, tenant.products.coffee],
        date: '2026-06-30',
      }),
    );
    expect(prices.get(counterId)).toMatchObject({ unitPrice: '1.5', source: 'customer_price' });
    expect(prices.get(tenant.products.paper)).toMatchObject({
      unitPrice: '2500',
      priceListId: 'paper-special',
    });
    expect(prices.get(tenant.products.coffee)).toMatchObject({
      unitPrice: '3600',
      source: 'list',
      product: { taxCategory: 'reduced', taxRate: 8 },
    });
  });

  it('is null for a product of another tenant, and gives a rep only the list price for a customer not theirs', async () => {
    expect(await priceOn('2026-05-01', customerId, 'rep1', other.products.paper)).toBeNull();
    expect(await priceOn('2026-05-01', customerId, 'rep3')).toMatchObject({ unitPrice: '2', source: 'list' });
  });
});
