import type { TaxCategory } from '../domains/catalog/tables.ts';

export type ProductGroup = 'paper' | 'toner' | 'stationery' | 'supplies' | 'coffee' | 'water';

export interface CatalogProduct {
  code: string;
  name: string;
  category: string;
  group: ProductGroup;
  unit: string;
  /** Tax-exclusive yen. */
  unitPrice: number;
  taxCategory: TaxCategory;
  /** Typical quantity per order for a mid-size office. */
  typicalQuantity: number;
}

const p = (
  code: string,
  name: string,
  group: ProductGroup,
  unit: string,
  unitPrice: number,
  typicalQuantity: number,
  taxCategory: TaxCategory = 'standard',
): CatalogProduct => ({
  code,
  name,
  category: {
    paper: '用紙',
    toner: 'トナー・インク',
    stationery: '文具',
    supplies: '事務用品・衛生',
    coffee: 'コーヒー・飲料',
    water: 'ウォーターサービス',
  }[group],
  group,
  unit,
  unitPrice,
  taxCategory,
  typicalQuantity,
});

/** An office-supplies and coffee/water-service catalogue: food and drink at 8%, the rest at 10%. */
export const productCatalog: readonly CatalogProduct[] = [
  p('PA-A4-2500', 'コピー用紙 A4 500枚×5冊', 'paper', '箱', 2980, 4),
  p('PA-A3-1500', 'コピー用紙 A3 500枚×3冊', 'paper', '箱', 3480, 1),
  p('PA-B4-2500', 'コピー用紙 B4 500枚×5冊', 'paper', '箱', 3280, 1),
  p('PA-A4R-2500', '再生コピー用紙 A4 500枚×5冊', 'paper', '箱', 3180, 3),
  p('PA-A4C-500', 'カラーコピー用紙 A4 500枚', 'paper', '冊', 980, 2),
  p('PA-TH58-20', '感熱ロール紙 58mm 20巻', 'paper', '箱', 2400, 1),
  p('TN-BK-MFP', 'トナーカートリッジ ブラック（複合機用）', 'toner', '本', 12800, 1),
  p('TN-CY-MFP', 'トナーカートリッジ シアン（複合機用）', 'toner', '本', 18500, 1),
  p('TN-MG-MFP', 'トナーカートリッジ マゼンタ（複合機用）', 'toner', '本', 18500, 1),
  p('TN-YL-MFP', 'トナーカートリッジ イエロー（複合機用）', 'toner', '本', 18500, 1),
  p('IK-4C-PK', 'インクカートリッジ 4色パック', 'toner', '個', 4980, 1),
  p('TN-DR-MFP', 'ドラムユニット（複合機用）', 'toner', '個', 24000, 1),
  p('ST-BP05-10', 'ボールペン 黒 0.5mm 10本', 'stationery', '箱', 880, 2),
  p('ST-MK-10', '油性マーカー 黒 10本', 'stationery', '箱', 1200, 1),
  p('ST-PI75-10', '付箋 75×75mm 10冊', 'stationery', 'パック', 1280, 1),
  p('ST-CF-100', 'クリアファイル A4 100枚', 'stationery', 'パック', 1650, 1),
  p('ST-FF2-10', 'フラットファイル A4 2穴 10冊', 'stationery', 'パック', 1100, 1),
  p('ST-EN3-1000', '長形3号封筒 1000枚', 'stationery', '箱', 3200, 1),
  p('ST-EK2-500', '角形2号封筒 500枚', 'stationery', '箱', 4800, 1),
  p('ST-HS10-20', 'ホチキス針 10号 20箱', 'stationery', 'パック', 980, 1),
  p('ST-BT3-20', '乾電池 単3形 20本', 'stationery', 'パック', 1580, 1),
  p('SU-GT50-5', 'ガムテープ 50mm 5巻', 'supplies', 'パック', 1350, 1),
  p('SU-GB45-100', 'ゴミ袋 45L 100枚', 'supplies', '箱', 1480, 2),
  p('SU-TS-60', 'ティッシュペーパー 5箱×12', 'supplies', 'ケース', 2680, 1),
  p('SU-TP-72', 'トイレットペーパー 12ロール×6', 'supplies', 'ケース', 3480, 1),
  p('SU-HS-4L', 'ハンドソープ 詰替用 4L', 'supplies', '本', 2200, 1),
  p('SU-AL-5L', '手指消毒用アルコール 5L', 'supplies', '本', 3980, 1),
  p('SU-PC7-1000', '紙コップ 7オンス 1000個', 'supplies', 'ケース', 3300, 1),
  p('CF-OB-1K', 'コーヒー豆 オリジナルブレンド 1kg', 'coffee', '袋', 3600, 2, 'reduced'),
  p('CF-MC-1K', 'コーヒー豆 モカブレンド 1kg', 'coffee', '袋', 3980, 1, 'reduced'),
  p('CF-DR-500', 'コーヒー豆 深煎り 500g', 'coffee', '袋', 2100, 2, 'reduced'),
  p('CF-DB-100', 'ドリップバッグコーヒー 100袋', 'coffee', '箱', 3300, 2, 'reduced'),
  p('CF-DL-50', 'カフェインレス ドリップバッグ 50袋', 'coffee', '箱', 2200, 1, 'reduced'),
  p('CF-IN-500', 'インスタントコーヒー 詰替用 500g', 'coffee', '袋', 2480, 1, 'reduced'),
  p('CF-GT-100', '緑茶ティーバッグ 100袋', 'coffee', '箱', 1380, 1, 'reduced'),
  p('CF-SG-500', 'スティックシュガー 500本', 'coffee', '袋', 980, 1, 'reduced'),
  p('CF-CR-100', 'コーヒーフレッシュ 100個', 'coffee', '袋', 880, 1, 'reduced'),
  p('WT-NT-12', 'ウォーターサーバー用 天然水 12L', 'water', '本', 1380, 4, 'reduced'),
  p('WT-RO-12', 'ウォーターサーバー用 RO水 12L', 'water', '本', 1050, 4, 'reduced'),
  p('WT-MW-24', 'ミネラルウォーター 500ml×24本', 'water', 'ケース', 1980, 2, 'reduced'),
  p('WT-SV-RENT', 'ウォーターサーバー レンタル料（月額）', 'water', '台', 1100, 1),
];
