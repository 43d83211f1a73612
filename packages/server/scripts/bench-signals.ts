/**
 * Backtest of the reorder prediction and the cross-sell suggestions on the demo company's order
 * history (a fresh PGlite in a temp dir seeded with the demo, or `--data-dir DIR` of an existing
 * database holding it). Prints tables; asserts nothing.
 *
 * Reorders: every order day of a customer's product in the last `--holdout-days` (180) is
 * predicted from the days before it only: the model (median of the latest intervals, blended
 * with the product's typical interval learnt before the hold-out) against the naive baseline
 * (the last order day + the customer's last interval). Mean and median absolute error in days,
 * on the order days both can predict.
 *
 * Cross-sell, rolling origin: `--cutoffs` (3) cut-offs `--cutoff-days` (120) apart back from
 * today. At each, the baskets are the year before it and the held-back purchases the products
 * each customer bought in the `--cutoff-days` after it and not in that year. precision@3 of the
 * suggestions against the three most bought products the customer lacks, per window and pooled,
 * and customer by customer which found more; with the rules learnt from the whole company and
 * from the customer's rep's book.
 *
 *   npm run bench:signals -w packages/server [-- --data-dir ../../data]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { median } from '../src/domains/briefing/median.ts';
import { daysBetween } from '../src/domains/complaints/due-date.ts';
import { addDays, todayIn } from '../src/domains/planning/working-days.ts';
import {
  type CustomerProductHistory,
  loadPurchaseHistories,
} from '../src/domains/signals/load-purchase-histories.ts';
import { REORDER_MODEL, typicalIntervals, usualInterval } from '../src/domains/signals/predict-reorder.ts';
import {
  CROSS_SELL_MODEL,
  popularNotBought,
  suggestCrossSell,
} from '../src/domains/signals/suggest-cross-sell.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { member, user } from '../src/platform/db/schema/index.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'holdout-days': { type: 'string', default: '180' },
    'cutoff-days': { type: 'string', default: '120' },
    cutoffs: { type: 'string', default: '3' },
  },
});
const holdoutDays = Number(values['holdout-days']);
const cutoffDays = Number(values['cutoff-days']);
const cutoffs = Number(values.cutoffs);

const temp = values['data-dir'] ? null : mkdtempSync(join(tmpdir(), 'kayoi-bench-signals-'));
const database = await openDatabase({ dataDir: values['data-dir'] ?? (temp as string) });
const { admin: owner } = database;
try {
  let started = performance.now();
  if (temp) await seedDemo(owner, { appSecret: loadConfig().authSecret });
  const seedSeconds = (performance.now() - started) / 1000;
  const [demo] = await owner
    .select({ tenantId: member.organizationId })
    .from(user)
    .innerJoin(member, eq(member.userId, user.id))
    .where(and(eq(user.email, 'admin@demo.kayoi.jp'), eq(member.role, 'admin')));
  if (!demo) throw new Error('no demo company in this database');
  const today = todayIn();
  started = performance.now();
  const histories = await loadPurchaseHistories({
    db: owner,
    tenantId: demo.tenantId,
    since: new Date('2000-01-01T00:00:00Z'),
    until: new Date(`${addDays(today, 1)}T00:00:00+09:00`),
  });
  const loadMs = performance.now() - started;
  console.log(
    `demo company: ${new Set(histories.map((h) => h.customerId)).size} customers, ${histories.length} customer×product histories, ` +
      `${histories.reduce((n, h) => n + h.dates.length, 0)} order days` +
      (temp ? ` (seeded in ${seedSeconds.toFixed(1)} s)` : '') +
      `; loaded in ${loadMs.toFixed(0)} ms`,
  );

  // ---- Reorders ----
  const holdoutFrom = addDays(today, -holdoutDays);
  const before = (h: CustomerProductHistory, day: string) => {
    const n = h.dates.findIndex((d) => d >= day);
    const cut = n === -1 ? h.dates.length : n;
    return { ...h, dates: h.dates.slice(0, cut), quantities: h.quantities.slice(0, cut) };
  };
  const typical = typicalIntervals(histories.map((h) => before(h, holdoutFrom)));
  const variants = {
    'baseline: last interval': null,
    'model: own median only': { typical: false },
    'model: median blended with the product': { typical: true },
  } as const;
  const errors = new Map<string, number[]>(Object.keys(variants).map((k) => [k, []]));
  let events = 0;
  let unpredictable = 0;
  const regularity: number[] = [];
  for (const h of histories) {
    for (let i = 0; i < h.dates.length; i++) {
      const actual = h.dates[i] as string;
      if (actual < holdoutFrom) continue;
      events++;
      const prior = h.dates.slice(0, i);
      if (prior.length < 2) {
        unpredictable++;
        continue;
      }
      const last = prior[prior.length - 1] as string;
      const lastGap = daysBetween(prior[prior.length - 2] as string, last);
      const own = usualInterval(prior);
      const blended = usualInterval(prior, typical.get(h.productId));
      // Compared on the same order days: those the own-median model can predict (3+ prior days).
      if (!own || !blended) {
        unpredictable++;
        continue;
      }
      const actualGap = daysBetween(last, actual);
      regularity.push(Math.abs(actualGap - own.days) / own.days);
      errors.get('baseline: last interval')?.push(Math.abs(actualGap - lastGap));
      errors.get('model: own median only')?.push(Math.abs(actualGap - own.days));
      errors.get('model: median blended with the product')?.push(Math.abs(actualGap - blended.days));
    }
  }
  // Short histories (2 prior days): the baseline and the blend can predict, the own median cannot.
  const shortErrors = { baseline: [] as number[], blended: [] as number[] };
  for (const h of histories)
    for (let i = 2; i < h.dates.length; i++) {
      if ((h.dates[i] as string) < holdoutFrom || i !== 2) continue;
      const prior = h.dates.slice(0, 2);
      const gap = daysBetween(prior[0] as string, prior[1] as string);
      const blended = usualInterval(prior, typical.get(h.productId));
      if (!blended) continue;
      const actualGap = daysBetween(prior[1] as string, h.dates[i] as string);
      shortErrors.baseline.push(Math.abs(actualGap - gap));
      shortErrors.blended.push(Math.abs(actualGap - blended.days));
    }
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `\nReorders: next order day of a customer's product, order days from ${holdoutFrom} to ${today} ` +
      `(${events} order days; ${unpredictable} with fewer than ${REORDER_MODEL.minOwnOrders} earlier order days left out)`,
  );
  console.table(
    [...errors].map(([method, xs]) => ({
      method,
      N: xs.length,
      'MAE (days)': Number(mean(xs).toFixed(2)),
      'median AE (days)': median(xs),
    })),
  );
  console.log('Order days with exactly 2 earlier ones (the blend fills in, the own median cannot):');
  console.table([
    {
      method: 'baseline: last interval',
      N: shortErrors.baseline.length,
      'MAE (days)': Number(mean(shortErrors.baseline).toFixed(2)),
    },
    {
      method: 'model: blended',
      N: shortErrors.blended.length,
      'MAE (days)': Number(mean(shortErrors.blended).toFixed(2)),
    },
  ]);

  // ---- Cross-sell ----
  // Rolling origin: each cut-off's baskets are the year before it, its held-back purchases the
  // products bought in the window after it and not in that year; the cases of every cut-off pooled.
  // Two populations the rules are learnt from: the whole company (what the admin's briefing reads)
  // and the customer's rep's book (what the rep's own briefing reads, under row-level security).
  const k = CROSS_SELL_MODEL.limit;
  const active = new Set(histories.filter((h) => h.active).map((h) => h.productId));
  const eligible = (id: string) => active.has(id);
  const repRows = await queryRows<{ id: string; rep_id: string | null }>(
    owner,
    sql`select id, rep_id from customers where tenant_id = ${demo.tenantId}`,
  );
  const repOf = new Map(repRows.map((r) => [r.id, r.rep_id]));
  const populations = ['company', "rep's book"] as const;
  type Case = { model: number; popularity: number; suggested: number };
  const rows: Record<string, string | number>[] = [];
  const pooled = new Map<string, Case[]>(populations.map((p) => [p, []]));
  const summarize = (label: string, population: string, cases: Case[], pairs: number) => [
    {
      'held back': label,
      population,
      method: `bought together (≥ ${CROSS_SELL_MODEL.minBoth}, lift ≥ ${CROSS_SELL_MODEL.minLift})`,
      'new pairs': pairs,
      N: cases.length,
      [`precision@${k}`]: Number(mean(cases.map((c) => c.model)).toFixed(3)),
      suggested: Number(mean(cases.map((c) => c.suggested)).toFixed(2)),
    },
    {
      'held back': label,
      population,
      method: 'baseline: most bought, not yet bought',
      'new pairs': pairs,
      N: cases.length,
      [`precision@${k}`]: Number(mean(cases.map((c) => c.popularity)).toFixed(3)),
      suggested: k,
    },
  ];
  let allPairs = 0;
  for (let i = 0; i < cutoffs; i++) {
    const cutoff = addDays(today, -cutoffDays * (i + 1));
    const windowEnd = addDays(cutoff, cutoffDays);
    const trainFrom = addDays(cutoff, -365);
    const baskets = new Map<string, Set<string>>();
    const later = new Map<string, Set<string>>();
    for (const h of histories) {
      const bought = h.dates.some((d) => d >= trainFrom && d < cutoff);
      const after = h.dates.some((d) => d >= cutoff && d < windowEnd);
      const into = (map: Map<string, Set<string>>) => {
        const set = map.get(h.customerId) ?? new Set<string>();
        set.add(h.productId);
        map.set(h.customerId, set);
      };
      if (bought) into(baskets);
      if (after && !bought) into(later);
    }
    const byRep = new Map<string | null | undefined, Map<string, Set<string>>>();
    for (const [id, basket] of baskets) {
      const rep = repOf.get(id);
      const book = byRep.get(rep) ?? new Map<string, Set<string>>();
      book.set(id, basket);
      byRep.set(rep, book);
    }
    const pairs = [...later.values()].reduce((n, set) => n + set.size, 0);
    allPairs += pairs;
    for (const population of populations) {
      const cases: Case[] = [];
      for (const [customerId, bought] of later) {
        if (!baskets.has(customerId)) continue;
        const pop = population === 'company' ? baskets : (byRep.get(repOf.get(customerId)) ?? baskets);
        const ours = suggestCrossSell({ customerId, baskets: pop, eligible }).map((s) => s.productId);
        const popular = popularNotBought({ customerId, baskets: pop, eligible, limit: k });
        cases.push({
          model: ours.filter((id) => bought.has(id)).length / k,
          popularity: popular.filter((id) => bought.has(id)).length / k,
          suggested: ours.length,
        });
      }
      pooled.get(population)?.push(...cases);
      rows.push(...summarize(`${cutoff}…${addDays(windowEnd, -1)}`, population, cases, pairs));
    }
  }
  for (const population of populations)
    rows.push(...summarize(`all ${cutoffs} windows`, population, pooled.get(population) ?? [], allPairs));
  console.log(
    `\nCross-sell: ${cutoffs} held-back windows of ${cutoffDays} days, each against the baskets of the year before it`,
  );
  console.table(rows);
  for (const population of populations) {
    const cases = pooled.get(population) ?? [];
    const better = cases.filter((c) => c.model > c.popularity).length;
    const worse = cases.filter((c) => c.model < c.popularity).length;
    console.log(
      `customer by customer (all windows, ${population}): the model finds more in ${better}, fewer in ${worse}, ` +
        `as many in ${cases.length - better - worse}`,
    );
  }
} finally {
  await database.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
