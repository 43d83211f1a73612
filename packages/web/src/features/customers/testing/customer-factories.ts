import type { Customer, CustomerSummary, HistoryEntry } from '../api/customer-types.ts';

/** A customer as the list returns it; tests override only what they are about. */
export const buildSummary = (overrides: Partial<CustomerSummary> = {}): CustomerSummary => ({
  id: 'c1',
  code: 'C-001',
  name: '山田商店',
  nameKana: 'ヤマダショウテン',
  honorific: 'onchu',
  address: '東京都千代田区1-1',
  phone: '03-0000-0000',
  rank: 'A',
  status: 'active',
  repId: 'u1',
  repName: '佐藤',
  areaId: 'a1',
  areaName: '千代田',
  cadenceDays: 14,
  lastOrderAt: null,
  lastVisitAt: null,
  archivedAt: null,
  hasPosition: false,
  geoPrecision: 'none',
  ...overrides,
});

/** A customer as the detail endpoint returns it (the カルテ). */
export const buildCustomer = (overrides: Partial<Customer> = {}): Customer => ({
  ...buildSummary(),
  postalCode: '1000001',
  lat: null,
  lng: null,
  geocodedAt: null,
  contacts: [],
  cadenceToleranceDays: 3,
  preferredWeekdays: [1],
  timeWindows: [],
  visitDurationMinutes: 30,
  preferences: '',
  cautions: '',
  notes: '',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  stats: { orderCount: 0, revenue12m: 0, averageOrderValue: 0, lastOrderAt: null },
  ...overrides,
});

/** One history entry: rep 田中 updating the customer's phone, unless overridden. */
export const buildHistoryEntry = (overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  seq: 10,
  at: '2026-05-12T05:05:00Z',
  actor: { id: 'u2', name: '田中 一郎', role: 'rep' },
  table: 'customers',
  recordId: 'c1',
  action: 'update',
  changes: { phone: { before: '03-1111-2222', after: '03-3333-4444' } },
  context: {},
  ...overrides,
});
