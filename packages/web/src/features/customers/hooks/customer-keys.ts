import type { CustomerFilters } from '../utils/customer-filters.ts';

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  orders: (id: string) => [...customerKeys.all, 'orders', id] as const,
  figures: (id: string) => [...customerKeys.all, 'figures', id] as const,
  history: (id: string) => [...customerKeys.all, 'history', id] as const,
  positionIssues: ['customers', 'position-issues'] as const,
  areas: ['areas'] as const,
  reps: ['users', 'rep'] as const,
};
