import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderQuotePdf } from './quote-document.ts';
import { buildLongQuote, buildSampleIssuer, buildSampleQuote } from './sample-documents.ts';

/** Needs poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts): .ci/run installs them. */
const dir = mkdtempSync(join(tmpdir(), 'kayoi-pdf-'));
let n = 0;
const save = (bytes: Uint8Array) => {
  const file = join(dir, `doc-${++n}.pdf`);
  writeFileSync(file, bytes);
  return file;
};
const pdftotext = (file: string, pages?: [number, number]) =>
  execFileSync(
    'pdftotext',
    ['-layout', ...(pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : []), file, '-'],
    { encoding: 'utf8' },
  );
const seal = {
  data: new Uint8Array(readFileSync(new URL('../../seed/assets/naniwa-seal.png', import.meta.url))),
  mimeType: 'image/png' as const,
};
const linesOf = (text: string) => text.split('\n');

describe('御見積書 PDF', () => {
  it('prints the names, the figures of a mixed 8%/10% quote and the 和暦 issue date', async () => {
    const file = save(await renderQuotePdf(buildSampleQuote(), buildSampleIssuer({ seal })));
    const text = pdftotext(file);
    expect(text).toContain('御見積書');
    expect(text).toContain('No. Q-2026-0012');
    expect(text).toContain('発行日 令和8年12月2日');
    expect(text).toContain('令和9年1月1日'); // 有効期限
    const nameLine = linesOf(text).find((l) => l.includes('株式会社なにわ商会')) ?? '';
    expect(nameLine).toMatch(/株式会社なにわ商会\s+御中/);
    expect(nameLine).not.toContain('様');
    expect(text).toContain('浪速オフィスサプライ株式会社');
    expect(text).toContain('登録番号 T1120001234567');
    expect(text).toContain('TEL 06-6441-2026');
    for (const label of [
      '件名',
      '納期',
      '納品場所',
      '支払条件',
      '有効期限',
      '品名',
      '数量',
      '単位',
      '単価',
      '金額',
    ])
      expect(text).toContain(label);
    // Lines: amounts, a decimal unit price, the discount as ▲, reduced-rate items marked ※.
    expect(text).toMatch(/コピー用紙 A4 500枚×10冊\s+10\s+箱\s+2,980\s+29,800/);
    expect(text).toMatch(/カラーコピー料金\s+1,234\s+枚\s+1\.5\s+1,851/);
    expect(text).toMatch(/ドリップコーヒー 100袋入 ※\s+3\s+箱\s+2,400\s+7,200/);
    expect(text).toMatch(/定期納品値引き\s+1\s+式\s+▲2,000\s+▲2,000/);
    expect(text).not.toMatch(/コピー用紙[^\n]*※/);
    // Per-rate subtotals and taxes, the note, and the tax-included total.
    expect(text).toMatch(/小計（10%対象）\s+¥55,251/);
    expect(text).toMatch(/消費税（10%）\s+¥5,525/);
    expect(text).toMatch(/小計（8%対象）\s+¥15,600/);
    expect(text).toMatch(/消費税（8%）\s+¥1,248/);
    expect(text).toMatch(/合計（税込）\s+¥77,624/);
    expect(text).toMatch(/御見積金額\s+¥77,624-/);
    expect(text).toContain('※印は軽減税率（8%）対象商品です');
    expect(text).toContain('価格は有効期限内のご注文に限ります。');
    expect(text).toMatch(/Q-2026-0012\s+1\s*\/\s*1/);
  });

  it('embeds Noto Sans JP as a subset and stays small', async () => {
    const bytes = await renderQuotePdf(buildSampleQuote(), buildSampleIssuer({ seal }));
    const fonts = execFileSync('pdffonts', [save(bytes)], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Bold/);
    // The full fonts are 5.4 MB each; the subset document is a few tens of KB.
    expect(bytes.length).toBeLessThan(150 * 1024);
  });

  it('renders as a PNG page through pdftoppm (A4 at 80 dpi)', async () => {
    const file = save(await renderQuotePdf(buildSampleQuote(), buildSampleIssuer({ seal })));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    const png = readFileSync(file.replace(/\.pdf$/, '.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(662); // A4 width at 80 dpi
  });

  it('writes 和暦 with 元年 in the first year of an era, 西暦 when asked', async () => {
    const reiwa = pdftotext(
      save(await renderQuotePdf(buildSampleQuote({ issueDate: '2019-05-01' }), buildSampleIssuer())),
    );
    expect(reiwa).toContain('発行日 令和元年5月1日');
    const heisei = pdftotext(
      save(await renderQuotePdf(buildSampleQuote({ issueDate: '2019-04-30' }), buildSampleIssuer())),
    );
    expect(heisei).toContain('発行日 平成31年4月30日');
    const western = pdftotext(
      save(await renderQuotePdf(buildSampleQuote(), buildSampleIssuer({ dateStyle: 'western' }))),
    );
    expect(western).toContain('発行日 2026年12月2日');
    expect(western).toContain('2027年1月1日');
  });

  it('addresses a person with 様 alone', async () => {
    const text = pdftotext(
      save(
        await renderQuotePdf(
          buildSampleQuote({ customer: { name: '山田太郎', honorific: '様', contactName: null } }),
          buildSampleIssuer(),
        ),
      ),
    );
    expect(text).toMatch(/山田太郎\s+様/);
    expect(text).not.toContain('御中');
  });

  it('repeats the table header and numbers the pages when lines run past the first page', async () => {
    const file = save(await renderQuotePdf(buildLongQuote(40), buildSampleIssuer()));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const page = pdftotext(file, [p, p]);
      expect(page).toMatch(/品名\s+数量\s+単位\s+単価\s+金額/);
      expect(page).toMatch(new RegExp(`Q-2026-0012\\s+${p}\\s*/\\s*${pages}`));
    }
    const last = pdftotext(file, [pages, pages]);
    expect(last).toMatch(/ボールペン 0\.5mm 黒 10本入（品番40）\s+40\s+箱\s+980\s+39,200/);
    expect(last).toMatch(/合計（税込）\s+¥883,960/);
    expect(pdftotext(file)).not.toContain('※印は軽減税率');
  });

  it('keeps the largest amounts on one line, shrinking the type to fit', async () => {
    const quote = buildSampleQuote();
    quote.lines[0] = {
      ...quote.lines[0]!,
      quantity: 1_000_000,
      unitPrice: '9999999.99',
      amount: 9_999_999_990_000,
    };
    const text = pdftotext(
      save(await renderQuotePdf({ ...quote, total: 10_999_999_989_000 }, buildSampleIssuer())),
    );
    expect(text).toMatch(/1,000,000\s+箱\s+9,999,999\.99\s+9,999,999,990,000/);
    expect(text).toMatch(/合計（税込）\s+¥10,999,999,989,000\n/);
    expect(text).toMatch(/御見積金額\s+¥10,999,999,989,000-/);
  });

  it('makes the 注文請書 from the same template, without a validity date', async () => {
    const text = pdftotext(
      save(
        await renderQuotePdf(
          buildSampleQuote({ kind: 'order_confirmation', number: 'O-2026-0031' }),
          buildSampleIssuer(),
        ),
      ),
    );
    expect(text).toContain('注文請書');
    expect(text).not.toContain('御見積書');
    expect(text).toContain('下記のとおりご注文をお請けいたします。');
    expect(text).toMatch(/ご請求金額\s+¥77,624-/);
    expect(text).not.toMatch(/^\s*有効期限/m);
    expect(text).toMatch(/小計（8%対象）\s+¥15,600/);
  });
});
