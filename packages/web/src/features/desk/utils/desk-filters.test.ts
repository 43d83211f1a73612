import { describe, expect, it } from 'vitest';
import { parseDeskFilters } from './desk-filters.ts';

describe('parseDeskFilters', () => {
  it('keeps a known bucket, ids and ISO dates from the URL', () => {
    expect(
      parseDeskFilters({
        bucket: 'toArrange',
        repId: 'u1',
        customerId: 'c1',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    ).toEqual({ bucket: 'toArrange', repId: 'u1', customerId: 'c1', from: '2026-11-01', to: '2026-11-30' });
  });

  it('drops an unknown bucket, a malformed date and blank values', () => {
    expect(parseDeskFilters({ bucket: 'everything', from: '11/01', repId: ' ', to: 3 })).toEqual({});
  });
});
