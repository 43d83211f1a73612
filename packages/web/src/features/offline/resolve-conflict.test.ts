import { describe, expect, it } from 'vitest';
import { changedFields, combine, mergeEdit } from './resolve-conflict.ts';

const mine = { notes: '担当: 来月から月曜午前のみ', cautions: '駐車場なし', version: 3 };
const server = { id: 'c1', notes: 'マネージャー: 請求先が本社に変更', cautions: '駐車場なし', version: 4 };

describe('resolving a conflicting edit', () => {
  it('compares only the fields the rep changed that differ from the server', () => {
    expect(changedFields(mine, server)).toEqual(['notes']);
  });

  it('keeps the rep’s text on the server’s version when the rep keeps theirs', () => {
    expect(mergeEdit({ mine, server, choices: { notes: 'mine' }, combined: {} })).toEqual({
      notes: '担当: 来月から月曜午前のみ',
      version: 4,
    });
  });

  it('sends nothing when the rep takes the server’s copy of every field', () => {
    expect(mergeEdit({ mine, server, choices: { notes: 'server' }, combined: {} })).toBeNull();
  });

  it('combines both texts so neither side is lost, as the rep edited the combination', () => {
    expect(combine(server.notes, mine.notes)).toBe(
      'マネージャー: 請求先が本社に変更\n担当: 来月から月曜午前のみ',
    );
    const body = mergeEdit({
      mine,
      server,
      choices: { notes: 'both' },
      combined: { notes: '両方: 本社請求、月曜午前' },
    });
    expect(body).toEqual({ notes: '両方: 本社請求、月曜午前', version: 4 });
  });
});
