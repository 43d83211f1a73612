import { describe, expect, it } from 'vitest';
import { diffFields } from './diff-fields.ts';

describe('diffFields', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(
      diffFields({
        before: { name: 'A', phone: '1', version: 3 },
        after: { name: 'B', phone: '1', version: 4 },
      }),
    ).toEqual({
      name: { before: 'A', after: 'B' },
    });
  });

  it('sees no change in objects whose keys come back in another order (jsonb time windows)', () => {
    const before = { timeWindows: [{ end: '12:00', start: '09:00' }] };
    const after = { timeWindows: [{ start: '09:00', end: '12:00' }] };
    expect(diffFields({ before, after })).toEqual({});
  });

  it('records every set field of a create and every field of a delete, dates as ISO strings', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(diffFields({ before: null, after: { name: 'A', notes: '', archivedAt: at } })).toEqual({
      name: { after: 'A' },
      archivedAt: { after: '2026-12-01T00:00:00.000Z' },
    });
    expect(diffFields({ before: { name: 'A', notes: '' }, after: null })).toEqual({
      name: { before: 'A' },
      notes: { before: '' },
    });
  });
});
