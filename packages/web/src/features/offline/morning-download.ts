import type { Briefing, FollowupList, ProductPage, Today, VisitTemplateList } from '@kayoi/server/contracts';
import { tokyoDateKey } from '../../lib/format.ts';
import { apiFetch, buildQuery } from '../../lib/http.ts';
import { snapshotKeys, writeSnapshot } from './snapshots.ts';

/** The catalog is stored up to this many products (200 a page). */
export const MAX_CATALOG_PAGES = 10;
const PARALLEL = 4;

export interface DayDownload {
  days: string[];
  customers: number;
  products: number;
}

const runLimited = async <T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
};

/**
 * The morning download: today's and tomorrow's route, every stop's briefing, those customers'
 * カルテ and open promises, the visit templates and the product catalog, stored on the phone so
 * the screens read them with no signal. Run again whenever the network returns.
 */
export async function downloadDay(now = new Date()): Promise<DayDownload> {
  const days = [tokyoDateKey(now), tokyoDateKey(new Date(now.getTime() + 86_400_000))];
  const customerIds = new Set<string>();
  for (const [index, date] of days.entries()) {
    const today = await apiFetch<Today>(`/api/today${buildQuery({ date: index === 0 ? null : date })}`);
    await writeSnapshot(snapshotKeys.today(today.date), today);
    for (const stop of today.stops) customerIds.add(stop.customer.id);
  }
  await runLimited([...customerIds], async (id) => {
    const encoded = encodeURIComponent(id);
    const [briefing, customer, followups] = await Promise.all([
      apiFetch<Briefing>(`/api/customers/${encoded}/briefing`),
      apiFetch<unknown>(`/api/customers/${encoded}`),
      apiFetch<FollowupList>(`/api/followups${buildQuery({ scope: 'team', customerId: id, limit: 50 })}`),
    ]);
    await writeSnapshot(snapshotKeys.briefing(id), briefing);
    await writeSnapshot(snapshotKeys.customer(id), customer);
    await writeSnapshot(snapshotKeys.followups(id), followups);
  });
  await writeSnapshot(snapshotKeys.templates, await apiFetch<VisitTemplateList>('/api/visit-templates'));
  const products: ProductPage['items'] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_CATALOG_PAGES; page++) {
    const answer: ProductPage = await apiFetch<ProductPage>(
      `/api/products${buildQuery({ active: 'true', limit: 200, cursor })}`,
    );
    products.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  await writeSnapshot(snapshotKeys.catalog, { items: products, nextCursor: null });
  return { days, customers: customerIds.size, products: products.length };
}
