import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, signInAll } from './customer-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
  for (const body of [
    { name: '𠮷野商店 書出確認', address: '大阪市北区梅田1-1-1', notes: '朝が早い😊' },
    { name: '普通商店 書出確認', address: '大阪市北区梅田2—3', notes: '' },
    { name: '無事商店 書出確認', address: '大阪市北区梅田3-1', notes: '〜特になし〜' },
  ]) {
    expect((await as('rep1').send('POST', '/api/customers', body)).status).toBe(201);
  }
});
afterAll(() => t?.close());

describe('Shift_JIS export check', () => {
  it('lists the rows and columns whose characters Shift_JIS would write as 〓', async () => {
    const res = await as('rep1').get(`/api/customers/export-check?q=${encodeURIComponent('書出確認')}`);
    expect(res.status).toBe(200);
    const check = (await res.json()) as {
      rows: number;
      affectedRows: number;
      characters: string[];
      affected: { name: string; columns: { column: string; characters: string[] }[] }[];
    };
    expect(check.rows).toBe(3);
    expect(check.affectedRows).toBe(2);
    expect(check.characters.sort()).toEqual(['—', '😊', '𠮷'].sort());
    const byName = new Map(check.affected.map((a) => [a.name, a.columns]));
    expect(byName.get('𠮷野商店 書出確認')).toEqual([
      { column: '会社名', characters: ['𠮷'] },
      { column: 'メモ', characters: ['😊'] },
    ]);
    expect(byName.get('普通商店 書出確認')).toEqual([{ column: '住所', characters: ['—'] }]);
    // 〜 has a Shift_JIS look-alike (～): not lost, not listed.
    expect(byName.has('無事商店 書出確認')).toBe(false);

    // The export itself agrees: three characters become 〓 in Shift_JIS, none in UTF-8.
    const sjis = await as('rep1').get(`/api/customers/export.csv?q=${encodeURIComponent('書出確認')}`);
    expect(sjis.headers.get('x-replaced-characters')).toBe('3');
    const text = iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932');
    expect(text).toContain('〓野商店');
    const utf8 = await as('rep1').get(
      `/api/customers/export.csv?q=${encodeURIComponent('書出確認')}&encoding=utf8`,
    );
    expect(await utf8.text()).toContain('𠮷野商店');
  });

  it('answers within the caller’s book only', async () => {
    const check = (await (
      await as('rep3').get(`/api/customers/export-check?q=${encodeURIComponent('書出確認')}`)
    ).json()) as { rows: number; affectedRows: number };
    expect(check).toMatchObject({ rows: 0, affectedRows: 0 });
  });
});
