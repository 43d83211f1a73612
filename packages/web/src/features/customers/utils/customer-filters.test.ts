import { describe, expect, it } from 'vitest';
import { buildExportUrl } from './build-export-url.ts';
import { hasActiveFilters, parseCustomerFilters, toCustomerQueryParams } from './customer-filters.ts';

describe('parseCustomerFilters', () => {
  it('keeps known values from the URL', () => {
    expect(parseCustomerFilters({ q: ' 山田 ', rank: 'A', status: 'dormant', sort: '-lastOrderAt' })).toEqual(
      {
        q: '山田',
        rank: 'A',
        status: 'dormant',
        sort: '-lastOrderAt',
      },
    );
  });

  it('drops unknown ranks, statuses, sorts and blank text', () => {
    expect(parseCustomerFilters({ q: '  ', rank: 'S', status: 'lost', sort: 'random', areaId: '' })).toEqual(
      {},
    );
  });

  it('accepts includeArchived as a boolean or the string "true"', () => {
    expect(parseCustomerFilters({ includeArchived: true })).toEqual({ includeArchived: true });
    expect(parseCustomerFilters({ includeArchived: 'true' })).toEqual({ includeArchived: true });
    expect(parseCustomerFilters({ includeArchived: 'false' })).toEqual({});
  });
});

describe('hasActiveFilters', () => {
  it('ignores the sort order', () => {
    expect(hasActiveFilters({ sort: '-name' })).toBe(false);
    expect(hasActiveFilters({ areaId: 'a1' })).toBe(true);
  });
});

describe('toCustomerQueryParams', () => {
  it('defaults the sort to name', () => {
    expect(toCustomerQueryParams({}).sort).toBe('name');
  });
});

describe('buildExportUrl', () => {
  it('defaults to Shift_JIS for Excel', () => {
    expect(buildExportUrl({})).toBe('/api/customers/export.csv?encoding=sjis&sort=name');
  });

  it('carries the current filters, encoded', () => {
    const url = new URL(
      buildExportUrl({ q: '山田 商店', rank: 'A', areaId: 'north', includeArchived: true }, 'utf8'),
      'http://localhost',
    );
    expect(url.pathname).toBe('/api/customers/export.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      encoding: 'utf8',
      q: '山田 商店',
      rank: 'A',
      areaId: 'north',
      includeArchived: 'true',
      sort: 'name',
    });
  });
});
