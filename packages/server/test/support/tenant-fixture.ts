import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { products } from '../../src/domains/catalog/tables.ts';
import { customerContacts, customers } from '../../src/domains/customers/tables.ts';
import { orderLines, orders } from '../../src/domains/orders/tables.ts';
import type { Actor } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/database.ts';
import {
  account,
  areas,
  type KayoiRole,
  member,
  organization,
  staffProfiles,
  teams,
  tenantSettings,
  user,
} from '../../src/platform/db/schema/index.ts';

export const FIXTURE_PASSWORD = 'fixture-password-2026';
let passwordHash: Promise<string> | undefined;
/** scrypt costs ~80 ms: hash the fixture password once per test file. */
const fixturePasswordHash = () => {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  return passwordHash;
};

export type UserKey = 'admin' | 'manager' | 'rep1' | 'rep2' | 'rep3';
const userPlan: Record<UserKey, { role: KayoiRole; team: 'a' | 'b' | null; name: string }> = {
  admin: { role: 'admin', team: null, name: '事務 花子' },
  manager: { role: 'manager', team: 'a', name: '課長 一郎' },
  rep1: { role: 'rep', team: 'a', name: '営業 一太' },
  rep2: { role: 'rep', team: 'a', name: '営業 二郎' },
  rep3: { role: 'rep', team: 'b', name: '営業 三子' },
};
export const userKeys = Object.keys(userPlan) as UserKey[];

export interface FixtureUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: KayoiRole;
  readonly teamId: string | null;
}

export interface FixtureCustomer {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly repId: string;
  readonly areaId: string;
  readonly contactIds: readonly string[];
  readonly orderIds: readonly string[];
}

export interface TenantFixture {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly password: string;
  readonly users: Readonly<Record<UserKey, FixtureUser>>;
  readonly teams: { readonly a: { id: string; name: string }; readonly b: { id: string; name: string } };
  readonly areas: readonly { id: string; name: string }[];
  readonly products: { readonly paper: string; readonly coffee: string };
  /** Every customer; `repId` tells whose. */
  readonly customers: readonly FixtureCustomer[];
  customersOf(key: UserKey): FixtureCustomer[];
  /** The Actor a signed-in user would get (for calling use cases directly). */
  actor(key: UserKey): Actor;
}

export interface TenantFixtureOptions {
  /** Tenant display name; default 'テスト商事 <random>'. */
  name?: string;
  /** Customers per rep (default 2), each with one or two contacts and two orders. */
  customersPerRep?: number;
}

/**
 * Creates an isolated tenant (random ids, unique e-mails): an admin, a manager and two reps in
 * team A, a third rep in team B, two areas, two products, and customers per rep with contacts
 * and orders (taxed once per order per rate). Runs as the table owner, outside RLS: pass
 * `database.admin`.
 *
 * @example
 * const t = await createTenantFixture(database.admin);
 * const mine = t.customersOf('rep1');
 */
export async function createTenantFixture(
  db: Db,
  options: TenantFixtureOptions = {},
): Promise<TenantFixture> {
  const tag = randomUUID().slice(0, 8);
  const tenantId = `t-${randomUUID()}`;
  const tenantName = options.name ?? `テスト商事 ${tag}`;
  const hash = await fixturePasswordHash();
  const now = new Date();

  await db.insert(organization).values({ id: tenantId, name: tenantName, slug: `test-${tag}` });
  await db.insert(tenantSettings).values({ tenantId, companyName: tenantName });
  const teamA = { id: randomUUID(), name: '第1営業課' };
  const teamB = { id: randomUUID(), name: '第2営業課' };
  await db.insert(teams).values([
    { tenantId, ...teamA },
    { tenantId, ...teamB },
  ]);
  const areaRows = [
    { id: randomUUID(), name: '北区・都島区', sortOrder: 1 },
    { id: randomUUID(), name: '中央区・西区', sortOrder: 2 },
  ];
  await db.insert(areas).values(areaRows.map((a) => ({ tenantId, ...a })));

  const users = {} as Record<UserKey, FixtureUser>;
  for (const key of userKeys) {
    const plan = userPlan[key];
    const teamId = plan.team === 'a' ? teamA.id : plan.team === 'b' ? teamB.id : null;
    users[key] = {
      id: randomUUID(),
      email: `${key}.${tag}@fixture.kayoi.test`,
      name: plan.name,
      role: plan.role,
      teamId,
    };
  }
  const userList = userKeys.map((k) => users[k]);
  await db
    .insert(user)
    .values(userList.map((u) => ({ id: u.id, name: u.name, email: u.email, emailVerified: true })));
  await db.insert(account).values(
    userList.map((u) => ({
      id: randomUUID(),
      accountId: u.id,
      providerId: 'credential',
      userId: u.id,
      password: hash,
    })),
  );
  await db
    .insert(member)
    .values(
      userList.map((u) => ({ id: randomUUID(), organizationId: tenantId, userId: u.id, role: u.role })),
    );
  await db
    .insert(staffProfiles)
    .values(userList.map((u) => ({ tenantId, userId: u.id, teamId: u.teamId, displayName: u.name })));

  const paper = {
    id: randomUUID(),
    code: 'P-A4',
    name: 'コピー用紙 A4 500枚×5冊',
    unit: '箱',
    unitPrice: 2980,
  };
  const coffee = {
    id: randomUUID(),
    code: 'C-DRIP',
    name: 'ドリップバッグ 100袋',
    unit: '箱',
    unitPrice: 3600,
  };
  await db.insert(products).values([
    { tenantId, ...paper, unitPrice: String(paper.unitPrice), category: '用紙', taxCategory: 'standard' },
    {
      tenantId,
      ...coffee,
      unitPrice: String(coffee.unitPrice),
      category: 'コーヒー',
      taxCategory: 'reduced',
    },
  ]);

  const perRep = options.customersPerRep ?? 2;
  const customerList: FixtureCustomer[] = [];
  let seq = 0;
  for (const key of ['rep1', 'rep2', 'rep3'] as const) {
    for (let i = 0; i < perRep; i++) {
      seq++;
      const id = randomUUID();
      const area = areaRows[seq % areaRows.length]!;
      const code = `C${String(seq).padStart(5, '0')}`;
      const name = `株式会社テスト${key}の顧客${i + 1}`;
      await db.insert(customers).values({
        tenantId,
        id,
        code,
        name,
        nameKana: `テスト${key.toUpperCase()}ノコキャク${i + 1}`,
        address: `大阪府大阪市北区梅田${seq}-1-1`,
        phone: `06-6000-${String(seq).padStart(4, '0')}`,
        postalCode: '530-0001',
        lat: 34.7 + seq / 1000,
        lng: 135.5 + seq / 1000,
        repId: users[key].id,
        areaId: area.id,
        timeWindows: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:30' },
        ],
        lastOrderAt: new Date(now.getTime() - 86_400_000 * seq),
      });
      const contactIds = [randomUUID(), ...(i % 2 === 0 ? [randomUUID()] : [])];
      await db.insert(customerContacts).values(
        contactIds.map((cid, n) => ({
          tenantId,
          id: cid,
          customerId: id,
          name: n === 0 ? '総務 太郎' : '経理 次郎',
          title: n === 0 ? '総務課長' : '経理担当',
          isPrimary: n === 0,
          sortOrder: n,
        })),
      );
      const orderIds: string[] = [];
      for (let o = 0; o < 2; o++) {
        const orderId = randomUUID();
        orderIds.push(orderId);
        const paperQty = 1 + o + i;
        const coffeeQty = 1 + o;
        const subtotalStandard = paperQty * paper.unitPrice;
        const subtotalReduced = coffeeQty * coffee.unitPrice;
        const taxStandard = Math.floor(subtotalStandard * 0.1);
        const taxReduced = Math.floor((subtotalReduced * 8) / 100);
        await db.insert(orders).values({
          tenantId,
          id: orderId,
          orderNo: `${tag}-${seq}-${o + 1}`,
          customerId: id,
          repId: users[key].id,
          orderedAt: new Date(now.getTime() - 86_400_000 * (seq + 30 * o)),
          status: 'delivered',
          subtotalStandard,
          subtotalReduced,
          taxStandard,
          taxReduced,
          total: subtotalStandard + subtotalReduced + taxStandard + taxReduced,
        });
        await db.insert(orderLines).values([
          {
            tenantId,
            orderId,
            lineNo: 1,
            productId: paper.id,
            productCode: paper.code,
            productName: paper.name,
            unit: paper.unit,
            quantity: paperQty,
            unitPrice: String(paper.unitPrice),
            taxRate: 10,
            amount: subtotalStandard,
          },
          {
            tenantId,
            orderId,
            lineNo: 2,
            productId: coffee.id,
            productCode: coffee.code,
            productName: coffee.name,
            unit: coffee.unit,
            quantity: coffeeQty,
            unitPrice: String(coffee.unitPrice),
            taxRate: 8,
            amount: subtotalReduced,
          },
        ]);
      }
      customerList.push({ id, code, name, repId: users[key].id, areaId: area.id, contactIds, orderIds });
    }
  }

  return {
    tenantId,
    tenantName,
    password: FIXTURE_PASSWORD,
    users,
    teams: { a: teamA, b: teamB },
    areas: areaRows.map(({ id, name }) => ({ id, name })),
    products: { paper: paper.id, coffee: coffee.id },
    customers: customerList,
    customersOf: (key) => customerList.filter((c) => c.repId === users[key].id),
    actor: (key) => ({ tenantId, userId: users[key].id, role: users[key].role, teamId: users[key].teamId }),
  };
}
