import { positionFilters } from '@kayoi/server/contracts';
import type { QueryValue } from '../../../lib/http.ts';

export type PositionFilter = (typeof positionFilters)[number];
export const POSITION_FILTERS: readonly PositionFilter[] = positionFilters;

import {
  type CustomerSort,
  type CustomerStatus,
  RANKS,
  type Rank,
  SORTS,
  STATUSES,
} from '../api/customer-types.ts';

/** Customer list filters as kept in the URL (`/customers?q=…&rank=A`). */
export interface CustomerFilters {
  q?: string;
  repId?: string;
  areaId?: string;
  /** Customers whose rep is in this team. */
  teamId?: string;
  rank?: Rank;
  status?: CustomerStatus;
  includeArchived?: boolean;
  /** missing: no coordinates (not planned); approximate: municipality only. */
  position?: PositionFilter;
  sort?: CustomerSort;
}

export const DEFAULT_SORT: CustomerSort = 'name';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads filters from untrusted URL search params, dropping anything unknown. */
export const parseCustomerFilters = (search: Record<string, unknown>): CustomerFilters => {
  const filters: CustomerFilters = {
    q: text(search.q),
    repId: text(search.repId),
    areaId: text(search.areaId),
    teamId: text(search.teamId),
    rank: oneOf(RANKS, search.rank),
    status: oneOf(STATUSES, search.status),
    includeArchived: search.includeArchived === true || search.includeArchived === 'true' ? true : undefined,
    position: oneOf(POSITION_FILTERS, search.position),
    sort: oneOf(SORTS, search.sort),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as CustomerFilters;
};

/** Whether any narrowing filter is set (sort alone does not count). */
export const hasActiveFilters = (filters: CustomerFilters): boolean =>
  Boolean(
    filters.q ||
      filters.repId ||
      filters.areaId ||
      filters.teamId ||
      filters.rank ||
      filters.status ||
      filters.includeArchived ||
      filters.position,
  );

/** The API query parameters for a list or export request. */
export const toCustomerQueryParams = (filters: CustomerFilters): Record<string, QueryValue> => ({
  q: filters.q,
  repId: filters.repId,
  areaId: filters.areaId,
  teamId: filters.teamId,
  rank: filters.rank,
  status: filters.status,
  includeArchived: filters.includeArchived ? 'true' : undefined,
  position: filters.position,
  sort: filters.sort ?? DEFAULT_SORT,
});
