import type { DocumentIssuer, QuoteDocument } from './quote-document.ts';

/**
 * Sample documents for tests, the benchmark and screenshots: a mixed 8%/10% 見積書 of the demo
 * company, with figures computed by hand (切捨て):
 *   10%: 29,800 + 25,600 + 1,851 (1,234枚 × 1.5円) − 2,000 (値引) = 55,251 → 消費税 5,525
 *    8%:  7,200 +  8,400 = 15,600 → 消費税 1,248
 *   合計 55,251 + 5,525 + 15,600 + 1,248 = 77,624
 */
export function buildSampleQuote(overrides: Partial<QuoteDocument> = {}): QuoteDocument {
  return {
    kind: 'quote',
    number: 'Q-2026-0012',
    issueDate: '2026-12-02',
    validUntil: '2027-01-01',
    subject: '事務用品・給茶用品 定期納品のお見積り',
    customer: {
      name: '株式会社なにわ商会',
      honorific: '御中',
      postalCode: '530-0001',
      address: '大阪府大阪市北区梅田1丁目2-3',
      contactName: '総務部 山田花子',
    },
    deliveryDate: '2026-12-10',
    deliveryPlace: '貴社 本社3階 総務部',
    paymentTerms: '月末締め翌月末日 銀行振込',
    lines: [
      {
        kind: 'item',
        code: 'PPC-A4-5000',
        name: 'コピー用紙 A4 500枚×10冊',
        quantity: 10,
        unit: '箱',
        unitPrice: '2980',
        taxRate: 10,
        amount: 29_800,
      },
      {
        kind: 'item',
        code: 'TN-C300K',
        name: 'トナーカートリッジ ブラック',
        quantity: 2,
        unit: '本',
        unitPrice: '12800',
        taxRate: 10,
        amount: 25_600,
      },
      {
        kind: 'item',
        code: 'CC-COLOR',
        name: 'カラーコピー料金',
        quantity: 1234,
        unit: '枚',
        unitPrice: '1.5',
        taxRate: 10,
        amount: 1851,
        note: '11月分カウンター',
      },
      {
        kind: 'item',
        code: 'DC-100',
        name: 'ドリップコーヒー 100袋入',
        quantity: 3,
        unit: '箱',
        unitPrice: '2400',
        taxRate: 8,
        amount: 7200,
      },
      {
        kind: 'item',
        code: 'MW-500-24',
        name: 'ミネラルウォーター 500ml×24本',
        quantity: 5,
        unit: 'ケース',
        unitPrice: '1680',
        taxRate: 8,
        amount: 8400,
      },
      {
        kind: 'discount',
        name: '定期納品値引き',
        quantity: 1,
        unit: '式',
        unitPrice: '2000',
        taxRate: 10,
        amount: 2000,
      },
    ],
    subtotals: { '10': 55_251, '8': 15_600 },
    taxes: { '10': 5525, '8': 1248 },
    total: 77_624,
    remarks: '納品は平日9時〜17時となります。\n価格は有効期限内のご注文に限ります。',
    ...overrides,
  };
}

/** The same quote with `count` item lines (10%), for documents that run past one page. */
export function buildLongQuote(count: number): QuoteDocument {
  const lines: QuoteDocument['lines'] = Array.from({ length: count }, (_, i) => ({
    kind: 'item',
    code: `ITEM-${String(i + 1).padStart(3, '0')}`,
    name: `ボールペン 0.5mm 黒 10本入（品番${i + 1}）`,
    quantity: i + 1,
    unit: '箱',
    unitPrice: '980',
    taxRate: 10,
    amount: 980 * (i + 1),
  }));
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const tax = Math.floor(subtotal / 10);
  return buildSampleQuote({
    lines,
    subtotals: { '10': subtotal },
    taxes: { '10': tax },
    total: subtotal + tax,
  });
}

/** The demo company as issuer (pass the seal's bytes to print it). */
export function buildSampleIssuer(overrides: Partial<DocumentIssuer> = {}): DocumentIssuer {
  return {
    legalName: '浪速オフィスサプライ株式会社',
    postalCode: '550-0004',
    address: '大阪府大阪市西区靱本町1丁目8-2',
    phone: '06-6441-2026',
    contactName: '営業事務 田中',
    registrationNumber: 'T1120001234567',
    seal: null,
    dateStyle: 'japanese',
    ...overrides,
  };
}
