/**
 * Seeds the configured database (DATA_DIR, or DATABASE_URL through the owner's DATABASE_ADMIN_URL).
 *
 *   npm run seed                                    demo companies, if the database is empty
 *   npm run seed -- --customers 20000 --years 3     a large tenant (benchmarks), prints timing
 *   npm run seed -- --customers 5000 --tenant "堺事務機株式会社" --slug sakai --data-dir ./data/big
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { resolveFromRepoRoot } from '../src/platform/paths.ts';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo } from '../src/seed/seed-demo.ts';
import { seedLargeTenant } from '../src/seed/seed-large-tenant.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    years: { type: 'string', default: '3' },
    tenant: { type: 'string' },
    slug: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const config = loadConfig();
const dataDir = values['data-dir'] ? resolveFromRepoRoot(values['data-dir']) : config.dataDir;
const started = performance.now();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  adminUrl: config.databaseAdminUrl,
  dataDir,
});
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${dataDir}`;
try {
  if (values.customers) {
    const customers = Number(values.customers);
    const years = Number(values.years);
    if (
      !Number.isInteger(customers) ||
      customers < 1 ||
      !Number.isInteger(years) ||
      years < 1 ||
      years > 10
    ) {
      throw new Error('--customers must be a positive integer and --years an integer from 1 to 10');
    }
    const seedStarted = performance.now();
    const tenant = await seedLargeTenant(database.admin, {
      customers,
      years,
      name: values.tenant,
      slug: values.slug,
    });
    const seconds = (performance.now() - seedStarted) / 1000;
    const cpu = process.cpuUsage();
    const c = tenant.counts;
    const rows = c.users * 4 + c.customers + c.contacts + c.orders + c.orderLines + c.products;
    console.log(
      `Seeded ${tenant.name} (${tenant.slug}) into ${where} in ${seconds.toFixed(1)} s ` +
        `(process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; rebuilding keys ${(c.rebuildMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  customers ${c.customers}, contacts ${c.contacts}, orders ${c.orders}, order lines ${c.orderLines}, ` +
        `staff ${c.users}, products ${c.products}; ${Math.round(rows / seconds)} rows/s`,
    );
    console.log(`  sign in as ${tenant.adminEmail} (or manager1@…, rep1@…) with password kayoi-demo-2026`);
  } else if (await isDatabaseEmpty(database.admin)) {
    const counts = await seedDemo(database.admin, { appSecret: config.authSecret });
    console.log(`Seeded the demo into ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, c] of Object.entries(counts)) {
      console.log(`  ${name}: customers ${c.customers}, orders ${c.orders}, order lines ${c.orderLines}`);
    }
    console.log(formatDemoAccounts());
  } else {
    console.log(`${where} already has data: the demo is seeded only into an empty database.`);
  }
} catch (error) {
  // Drizzle's message carries the whole INSERT; the driver's own message is on `cause`.
  const cause = (error as { cause?: Error }).cause;
  console.error(`Seeding failed: ${cause?.message ?? (error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
