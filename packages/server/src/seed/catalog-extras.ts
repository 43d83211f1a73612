import { sql } from 'drizzle-orm';
import { todayIn } from '../domains/planning/working-days.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { createRandom } from './random.ts';
import { BatchInsert } from './sql-batch.ts';

/** Furigana of the demo catalogue (seed-tenant.ts inserts the products without), for search. */
const kanaOfCode: Readonly<Record<string, string>> = {
  'PA-A4-2500': 'コピーヨウシ エーヨン',
  'PA-A3-1500': 'コピーヨウシ エースリー',
  'PA-B4-2500': 'コピーヨウシ ビーヨン',
  'PA-A4R-2500': 'サイセイコピーヨウシ エーヨン',
  'PA-A4C-500': 'カラーコピーヨウシ エーヨン',
  'PA-TH58-20': 'カンネツロールシ',
  'TN-BK-MFP': 'トナーカートリッジ ブラック',
  'TN-CY-MFP': 'トナーカートリッジ シアン',
  'TN-MG-MFP': 'トナーカートリッジ マゼンタ',
  'TN-YL-MFP': 'トナーカートリッジ イエロー',
  'IK-4C-PK': 'インクカートリッジ ヨンショクパック',
  'TN-DR-MFP': 'ドラムユニット',
  'ST-BP05-10': 'ボールペン クロ',
  'ST-MK-10': 'ユセイマーカー クロ',
  'ST-PI75-10': 'フセン',
  'ST-CF-100': 'クリアファイル',
  'ST-FF2-10': 'フラットファイル',
  'ST-EN3-1000': 'ナガガタサンゴウフウトウ',
  'ST-EK2-500': 'カクガタニゴウフウトウ',
  'ST-HS10-20': 'ホチキスシン',
  'ST-BT3-20': 'カンデンチ タンサンガタ',
  'SU-GT50-5': 'ガムテープ',
  'SU-GB45-100': 'ゴミブクロ',
  'SU-TS-60': 'ティッシュペーパー',
  'SU-TP-72': 'トイレットペーパー',
  'SU-HS-4L': 'ハンドソープ ツメカエヨウ',
  'SU-AL-5L': 'テユビショウドクヨウアルコール',
  'SU-PC7-1000': 'カミコップ',
  'CF-OB-1K': 'コーヒーマメ オリジナルブレンド',
  'CF-MC-1K': 'コーヒーマメ モカブレンド',
  'CF-DR-500': 'コーヒーマメ フカイリ',
  'CF-DB-100': 'ドリップバッグコーヒー',
  'CF-DL-50': 'カフェインレス ドリップバッグ',
  'CF-IN-500': 'インスタントコーヒー ツメカエヨウ',
  'CF-GT-100': 'リョクチャティーバッグ',
  'CF-SG-500': 'スティックシュガー',
  'CF-CR-100': 'コーヒーフレッシュ',
  'WT-NT-12': 'テンネンスイ',
  'WT-RO-12': 'アールオースイ',
  'WT-MW-24': 'ミネラルウォーター',
  'WT-SV-RENT': 'ウォーターサーバー レンタルリョウ',
};

/**
 * Copier service charges (複合機の保守・カウンター料金), billed by the sheet with decimals, and
 * two bundles (セット) priced as a whole. Components by code.
 */
const extraProducts: readonly {
  code: string;
  name: string;
  kana: string;
  category: string;
  unit: string;
  unitPrice: string;
  taxCategory: 'standard' | 'reduced';
  components?: readonly [code: string, quantity: number][];
}[] = [
  {
    code: 'CC-MONO',
    name: 'モノクロカウンター料金',
    kana: 'モノクロカウンターリョウキン',
    category: 'カウンター料金',
    unit: '枚',
    unitPrice: '1.5',
    taxCategory: 'standard',
  },
  {
    code: 'CC-COLOR',
    name: 'カラーカウンター料金',
    kana: 'カラーカウンターリョウキン',
    category: 'カウンター料金',
    unit: '枚',
    unitPrice: '12.5',
    taxCategory: 'standard',
  },
  {
    code: 'CC-BASE',
    name: '複合機 保守基本料（月額）',
    kana: 'フクゴウキ ホシュキホンリョウ',
    category: 'カウンター料金',
    unit: '台',
    unitPrice: '3000',
    taxCategory: 'standard',
  },
  {
    code: 'SET-NEWHIRE',
    name: '新入社員 文具セット',
    kana: 'シンニュウシャイン ブングセット',
    category: 'セット',
    unit: 'セット',
    unitPrice: '3980',
    taxCategory: 'standard',
    components: [
      ['ST-BP05-10', 1],
      ['ST-MK-10', 1],
      ['ST-PI75-10', 1],
      ['ST-CF-100', 1],
    ],
  },
  {
    code: 'SET-CAFE',
    name: 'オフィスカフェ スターターセット',
    kana: 'オフィスカフェ スターターセット',
    category: 'セット',
    unit: 'セット',
    unitPrice: '6800',
    taxCategory: 'reduced',
    components: [
      ['CF-OB-1K', 1],
      ['CF-DB-100', 1],
      ['CF-SG-500', 1],
      ['CF-CR-100', 1],
    ],
  },
];

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo company's catalog beyond seed-tenant.ts's products: furigana, copier counter charges
 * at 1.5円 and 12.5円 per sheet, two bundles, and customer price lists — this fiscal year's
 * special paper price for some A-rank customers, cheaper counter charges for the copier
 * contracts, 5% off toner for every A-rank customer, a special price that ended last year and
 * one that starts next month. Deterministic for a given `now`.
 */
export async function seedCatalogExtras(db: Db, options: { tenantId: string; now: Date }): Promise<void> {
  const { tenantId } = options;
  const random = createRandom(4649);
  const today = todayIn('Asia/Tokyo', options.now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const fiscalStart = `${month >= 4 ? year : year - 1}-04-01`;
  const fiscalEnd = `${month >= 4 ? year + 1 : year}-03-31`;
  const nextMonth = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`;

  await db.transaction(async (tx) => {
    const kana = JSON.stringify(Object.entries(kanaOfCode).map(([code, reading]) => ({ code, reading })));
    await tx.execute(sql`update products p set name_kana = k.reading
      from jsonb_to_recordset(${kana}::jsonb) as k(code text, reading text)
      where p.tenant_id = ${tenantId} and p.code = k.code`);

    const productRows = new BatchInsert(tx, 'products', [
      'tenant_id',
      'id',
      'code',
      'name',
      'name_kana',
      'category',
      'unit',
      'unit_price',
      'tax_category',
    ]);
    for (const p of extraProducts)
      await productRows.add([
        tenantId,
        random.uuid(),
        p.code,
        p.name,
        p.kana,
        p.category,
        p.unit,
        p.unitPrice,
        p.taxCategory,
      ]);
    await productRows.flush();

    const ids = new Map(
      (
        await queryRows<{ id: string; code: string }>(
          tx,
          sql`select id, code from products where tenant_id = ${tenantId}`,
        )
      ).map((r) => [r.code, r.id]),
    );
    const id = (code: string) => {
      const found = ids.get(code);
      if (!found) throw new Error(`catalog extras: no product ${code}`);
      return found;
    };
    const components = new BatchInsert(tx, 'product_components', [
      'tenant_id',
      'bundle_id',
      'component_id',
      'quantity',
      'sort_order',
    ]);
    for (const p of extraProducts)
      for (const [i, [code, quantity]] of (p.components ?? []).entries())
        await components.add([tenantId, id(p.code), id(code), quantity, i]);
    await components.flush();

    const book = await queryRows<{ id: string; rank: string }>(
      tx,
      sql`select id, rank from customers where tenant_id = ${tenantId} and archived_at is null order by code`,
    );
    const [admin] = await queryRows<{ user_id: string }>(
      tx,
      sql`select user_id from member where organization_id = ${tenantId} and role = 'admin' order by user_id limit 1`,
    );
    const createdBy = admin?.user_id ?? 'seed';
    const entries = new BatchInsert(tx, 'price_list_entries', [
      'tenant_id',
      'id',
      'customer_id',
      'customer_rank',
      'product_id',
      'unit_price',
      'discount_percent',
      'effective_from',
      'effective_to',
      'note',
      'created_by',
    ]);
    const entry = (
      customerId: string | null,
      rank: string | null,
      code: string,
      price: string | null,
      discount: string | null,
      from: string,
      to: string | null,
      note: string,
    ) =>
      entries.add([
        tenantId,
        random.uuid(),
        customerId,
        rank,
        id(code),
        price,
        discount,
        from,
        to,
        note,
        createdBy,
      ]);

    await entry(null, 'A', 'TN-BK-MFP', null, '5', fiscalStart, null, 'Aランク トナー5%引き');
    await entry(null, 'A', 'TN-CY-MFP', null, '5', fiscalStart, null, 'Aランク トナー5%引き');
    const rankA = book.filter((c) => c.rank === 'A');
    for (const c of random.sample(rankA, Math.min(12, rankA.length)))
      await entry(
        c.id,
        null,
        'PA-A4-2500',
        String(random.pick([2780, 2800, 2850])),
        null,
        fiscalStart,
        fiscalEnd,
        '年間契約単価',
      );
    const copierContracts = random.sample(book, Math.min(15, book.length));
    for (const [i, c] of copierContracts.entries()) {
      await entry(
        c.id,
        null,
        'CC-MONO',
        random.pick(['1.2', '1.3', '1.35']),
        null,
        fiscalStart,
        null,
        '保守契約 単価',
      );
      if (i % 3 === 0)
        await entry(
          c.id,
          null,
          'CC-COLOR',
          random.pick(['9.8', '10.5']),
          null,
          fiscalStart,
          null,
          '保守契約 単価',
        );
    }
    const [first, second] = copierContracts;
    if (first)
      await entry(
        first.id,
        null,
        'CF-OB-1K',
        '3400',
        null,
        shiftDays(fiscalStart, -365),
        shiftDays(fiscalStart, -1),
        '前年度キャンペーン',
      );
    if (second) await entry(second.id, null, 'WT-NT-12', null, '10', nextMonth, null, '来月から 本数契約');
    await entries.flush();
  });
}
