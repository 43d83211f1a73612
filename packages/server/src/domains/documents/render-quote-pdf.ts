import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDocumentDate } from './japanese-date.ts';
import type { DocumentIssuer, QuoteDocument } from './quote-document.ts';
import { isEmbeddableImage } from './seal-image.ts';

/**
 * The 御見積書 / 注文請書 template (A4 portrait), drawn with pdfkit in Noto Sans JP. pdfkit embeds
 * only the glyphs used (a subset), so a one-page document stays a few tens of KB.
 */

const require = createRequire(import.meta.url);
const fontFile = (weight: string) =>
  require.resolve(`@expo-google-fonts/noto-sans-jp/${weight}/NotoSansJP_${weight}.ttf`);

type FontSource = Parameters<PDFKit.PDFDocument['registerFont']>[1];
let fonts: { regular: FontSource; bold: FontSource } | null = null;

/**
 * The fonts, read and parsed once per process: pdfkit accepts a parsed (fontkit) font in place of
 * the file, and parsing the 5 MB TTFs is most of a render's time otherwise. Each document still
 * embeds its own subset.
 */
function loadFonts() {
  if (fonts) return fonts;
  const parse = (weight: string): FontSource => {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('f', readFileSync(fontFile(weight)));
    probe.font('f');
    const parsed = (probe as unknown as { _font: { font: FontSource } })._font.font;
    probe.end();
    return parsed;
  };
  fonts = { regular: parse('400Regular'), bold: parse('700Bold') };
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Lowest y a table row or block may reach before the page footer. */
const BOTTOM = PAGE.height - MARGIN - 24;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const HEAD_FILL = '#e8edf3';
const ACCENT = '#1f3a5f';

const titles = {
  quote: { title: '御見積書', lead: '下記のとおりお見積り申し上げます。', total: '御見積金額' },
  order_confirmation: {
    title: '注文請書',
    lead: '下記のとおりご注文をお請けいたします。',
    total: 'ご請求金額',
  },
} as const;

/** 12800 → '12,800'. */
export const formatYen = (amount: number) => amount.toLocaleString('ja-JP');

/** A decimal unit price as printed: '12800' → '12,800', '1.5' → '1.5', '1.50' → '1.5'. */
export function formatUnitPrice(unitPrice: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(unitPrice.trim());
  if (!m) return unitPrice;
  const whole = Number(m[2]).toLocaleString('ja-JP');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]}${whole}${fraction ? `.${fraction}` : ''}`;
}

const columns = [
  { key: 'name', label: '品名', width: 243, align: 'left' },
  { key: 'quantity', label: '数量', width: 62, align: 'right' },
  { key: 'unit', label: '単位', width: 44, align: 'center' },
  { key: 'unitPrice', label: '単価', width: 78, align: 'right' },
  { key: 'amount', label: '金額', width: 88, align: 'right' },
] as const;
const CELL_PAD = 5;
const HEADER_HEIGHT = 20;
const ROW_MIN_HEIGHT = 20;

type Doc = PDFKit.PDFDocument;
type Line = QuoteDocument['lines'][number];

/** Renders the document as an A4 portrait PDF. */
export async function renderDocumentPdf(doc: QuoteDocument, issuer: DocumentIssuer): Promise<Uint8Array> {
  const { regular, bold } = loadFonts();
  const texts = titles[doc.kind];
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${texts.title} ${doc.number}`,
      Author: issuer.legalName,
      Subject: doc.subject,
      Creator: 'Kayoi',
    },
    lang: 'ja-JP',
  });
  pdf.registerFont('jp', regular);
  pdf.registerFont('jp-bold', bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const date = (d: string) => formatDocumentDate(d, issuer.dateStyle);
  let y = drawHeading(pdf, doc, texts.title, date);
  y = drawParties(pdf, doc, issuer, y, texts);
  y = drawTable(pdf, doc, y);
  y = drawTotals(pdf, doc, y);
  drawRemarks(pdf, doc, y);
  drawPageNumbers(pdf, doc.number);

  pdf.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawHeading(pdf: Doc, doc: QuoteDocument, title: string, date: (d: string) => string): number {
  pdf.fillColor(INK).font('jp-bold').fontSize(22);
  pdf.text(title, MARGIN, MARGIN, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 8 });
  const ruleY = MARGIN + 34;
  pdf
    .moveTo(PAGE.width / 2 - 80, ruleY)
    .lineTo(PAGE.width / 2 + 80, ruleY)
    .lineWidth(1.2)
    .strokeColor(ACCENT)
    .stroke();
  pdf.font('jp').fontSize(9).fillColor(INK);
  const right = { width: 200, align: 'right' as const };
  pdf.text(`No. ${doc.number}`, PAGE.width - MARGIN - 200, MARGIN + 44, right);
  pdf.text(`発行日 ${date(doc.issueDate)}`, PAGE.width - MARGIN - 200, MARGIN + 57, right);
  return MARGIN + 76;
}

function drawParties(
  pdf: Doc,
  doc: QuoteDocument,
  issuer: DocumentIssuer,
  top: number,
  texts: (typeof titles)[keyof typeof titles],
): number {
  const date = (d: string) => formatDocumentDate(d, issuer.dateStyle);
  const leftWidth = 300;
  // The customer: legal name with one honorific (御中 for a company, 様 for a person), underlined.
  let y = top;
  pdf.font('jp').fontSize(9).fillColor(MUTED);
  const customerAddress = [
    doc.customer.postalCode ? `〒${doc.customer.postalCode}` : null,
    doc.customer.address,
  ]
    .filter(Boolean)
    .join(' ');
  if (customerAddress) {
    pdf.text(customerAddress, MARGIN, y, { width: leftWidth });
    y = pdf.y + 4;
  }
  pdf.font('jp-bold').fontSize(15).fillColor(INK);
  const nameLine = `${doc.customer.name}　${doc.customer.honorific}`;
  pdf.text(nameLine, MARGIN, y, { width: leftWidth });
  y = pdf.y + 2;
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + leftWidth, y)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke();
  y += 5;
  if (doc.customer.contactName) {
    pdf.font('jp').fontSize(9.5).text(`ご担当: ${doc.customer.contactName}`, MARGIN, y, { width: leftWidth });
    y = pdf.y + 2;
  }
  y += 6;
  pdf.font('jp').fontSize(9.5).fillColor(INK).text(texts.lead, MARGIN, y, { width: leftWidth });
  y = pdf.y + 8;

  // The tax-included total, prominent.
  const boxHeight = 34;
  pdf.rect(MARGIN, y, leftWidth, boxHeight).fillColor(HEAD_FILL).fill();
  pdf.rect(MARGIN, y, leftWidth, boxHeight).lineWidth(1).strokeColor(ACCENT).stroke();
  pdf
    .font('jp-bold')
    .fontSize(11)
    .fillColor(INK)
    .text(texts.total, MARGIN + 10, y + 11, { lineBreak: false });
  const total = `¥${formatYen(doc.total)}-`;
  pdf.font('jp-bold');
  fitFontSize(pdf, total, leftWidth - 162, 18);
  pdf.text(total, MARGIN + 100, y + 6, {
    width: leftWidth - 160,
    align: 'right',
    lineBreak: false,
  });
  pdf
    .font('jp')
    .fontSize(8.5)
    .text('（税込）', MARGIN + leftWidth - 55, y + 14, { width: 50, lineBreak: false });
  y += boxHeight + 10;

  // 件名 / 納期 / 納品場所 / 支払条件 / 有効期限.
  const rows: [string, string][] = [['件名', doc.subject]];
  rows.push(['納期', doc.deliveryDate ? date(doc.deliveryDate) : '別途ご相談']);
  if (doc.deliveryPlace) rows.push(['納品場所', doc.deliveryPlace]);
  rows.push(['支払条件', doc.paymentTerms || '別途ご相談']);
  if (doc.kind === 'quote') rows.push(['有効期限', doc.validUntil ? date(doc.validUntil) : '発行日より30日']);
  for (const [label, value] of rows) {
    pdf.font('jp').fontSize(9).fillColor(MUTED).text(label, MARGIN, y, { width: 56, lineBreak: false });
    pdf.fillColor(INK).text(value, MARGIN + 60, y, { width: leftWidth - 60 });
    const bottom = Math.max(pdf.y, y + 12);
    pdf
      .moveTo(MARGIN, bottom + 1)
      .lineTo(MARGIN + leftWidth, bottom + 1)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    y = bottom + 5;
  }
  const leftBottom = y;

  // Our block on the right, the seal overlapping the end of the name.
  const blockX = MARGIN + leftWidth + 25;
  const blockWidth = CONTENT_WIDTH - leftWidth - 25;
  let ry = top + 4;
  const nameTop = ry;
  pdf.font('jp-bold').fontSize(11.5).fillColor(INK).text(issuer.legalName, blockX, ry, { width: blockWidth });
  ry = pdf.y + 4;
  pdf.font('jp').fontSize(8.5).fillColor(INK);
  const ours = [
    issuer.postalCode ? `〒${issuer.postalCode}` : null,
    issuer.address,
    issuer.phone ? `TEL ${issuer.phone}` : null,
    issuer.contactName ? `担当 ${issuer.contactName}` : null,
    issuer.registrationNumber ? `登録番号 ${issuer.registrationNumber}` : null,
  ].filter((s): s is string => Boolean(s));
  for (const line of ours) {
    pdf.text(line, blockX, ry, { width: blockWidth });
    ry = pdf.y + 1.5;
  }
  // A seal pdfkit could not decode is left out rather than leaving the document unfinished.
  if (issuer.seal && isEmbeddableImage(issuer.seal.data, issuer.seal.mimeType)) {
    const size = 58;
    try {
      pdf.image(Buffer.from(issuer.seal.data), blockX + blockWidth - size + 4, nameTop - 10, {
        fit: [size, size],
        align: 'center',
        valign: 'center',
      });
    } catch {
      // A seal the image decoder cannot read is left out rather than failing the document.
    }
  }
  return Math.max(leftBottom, ry) + 14;
}

/** Sets the font size to `size`, or smaller (down to 5 pt) so that one line of `text` fits `width`. */
function fitFontSize(pdf: Doc, text: string, width: number, size: number): void {
  pdf.fontSize(size);
  const natural = pdf.widthOfString(text);
  if (natural > width) pdf.fontSize(Math.max(5, (size * width) / natural));
}

function drawTableHeader(pdf: Doc, y: number): number {
  pdf.rect(MARGIN, y, CONTENT_WIDTH, HEADER_HEIGHT).fillColor(ACCENT).fill();
  pdf.font('jp-bold').fontSize(9).fillColor('#ffffff');
  let x = MARGIN;
  for (const col of columns) {
    pdf.text(col.label, x + CELL_PAD, y + 5, {
      width: col.width - 2 * CELL_PAD,
      align: 'center',
      lineBreak: false,
    });
    x += col.width;
  }
  return y + HEADER_HEIGHT;
}

function cellTexts(line: Line) {
  const discount = line.kind === 'discount';
  const mark = line.taxRate === 8 ? ' ※' : '';
  return {
    name: `${line.name}${mark}`,
    detail: [line.code, line.note].filter(Boolean).join('　'),
    quantity: line.quantity.toLocaleString('ja-JP'),
    unit: line.unit,
    unitPrice: `${discount ? '▲' : ''}${formatUnitPrice(line.unitPrice)}`,
    amount: `${discount ? '▲' : ''}${formatYen(line.amount)}`,
  };
}

function rowHeight(pdf: Doc, cells: ReturnType<typeof cellTexts>): number {
  const width = columns[0].width - 2 * CELL_PAD;
  pdf.font('jp').fontSize(9);
  let h = pdf.heightOfString(cells.name, { width });
  if (cells.detail) {
    pdf.fontSize(7.5);
    h += pdf.heightOfString(cells.detail, { width }) + 1;
  }
  return Math.max(ROW_MIN_HEIGHT, h + 9);
}

function drawTable(pdf: Doc, doc: QuoteDocument, top: number): number {
  let y = drawTableHeader(pdf, top);
  doc.lines.forEach((line, index) => {
    const cells = cellTexts(line);
    const h = rowHeight(pdf, cells);
    if (y + h > BOTTOM) {
      pdf.addPage();
      y = drawTableHeader(pdf, MARGIN);
    }
    if (index % 2 === 1) pdf.rect(MARGIN, y, CONTENT_WIDTH, h).fillColor('#f6f7f9').fill();
    let x = MARGIN;
    for (const col of columns) {
      const width = col.width - 2 * CELL_PAD;
      const negative = line.kind === 'discount' && (col.key === 'unitPrice' || col.key === 'amount');
      pdf.fillColor(negative ? '#b00020' : INK);
      if (col.key === 'name') {
        pdf
          .font('jp')
          .fontSize(9)
          .text(cells.name, x + CELL_PAD, y + 5, { width });
        if (cells.detail)
          pdf
            .fontSize(7.5)
            .fillColor(MUTED)
            .text(cells.detail, x + CELL_PAD, pdf.y + 1, { width });
      } else {
        pdf.font('jp');
        fitFontSize(pdf, cells[col.key], width - 2, 9);
        pdf.text(cells[col.key], x + CELL_PAD, y + 5, { width, align: col.align, lineBreak: false });
      }
      x += col.width;
    }
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + CONTENT_WIDTH, y + h)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    y += h;
  });
  // Column rules over the rows drawn on this last page are left out on purpose: horizontal rules
  // and zebra rows read well on screen and paper alike.
  return y;
}

function drawTotals(pdf: Doc, doc: QuoteDocument, top: number): number {
  const rates = (['10', '8'] as const).filter(
    (r) => doc.subtotals[r] !== undefined || doc.taxes[r] !== undefined,
  );
  const rows: [string, number, boolean][] = [];
  for (const rate of rates) {
    rows.push([`小計（${rate}%対象）`, doc.subtotals[rate] ?? 0, false]);
    rows.push([`消費税（${rate}%）`, doc.taxes[rate] ?? 0, false]);
  }
  rows.push(['合計（税込）', doc.total, true]);
  const hasReduced = doc.lines.some((l) => l.taxRate === 8);
  const needed = rows.length * 18 + 12 + (hasReduced ? 16 : 0);
  let y = top + 8;
  if (y + needed > BOTTOM) {
    pdf.addPage();
    y = MARGIN;
  }
  if (hasReduced) {
    pdf
      .font('jp')
      .fontSize(8.5)
      .fillColor(INK)
      .text('※印は軽減税率（8%）対象商品です', MARGIN, y, { lineBreak: false });
  }
  const labelWidth = 110;
  const valueWidth = 100;
  const x = MARGIN + CONTENT_WIDTH - labelWidth - valueWidth;
  for (const [label, amount, strong] of rows) {
    const h = strong ? 22 : 18;
    if (strong)
      pdf
        .rect(x, y, labelWidth + valueWidth, h)
        .fillColor(HEAD_FILL)
        .fill();
    pdf
      .font(strong ? 'jp-bold' : 'jp')
      .fontSize(strong ? 10.5 : 9)
      .fillColor(INK);
    pdf.text(label, x + 6, y + (strong ? 5 : 4), { width: labelWidth - 6, lineBreak: false });
    const value = `¥${formatYen(amount)}`;
    fitFontSize(pdf, value, valueWidth - 8, strong ? 10.5 : 9);
    pdf.text(value, x + labelWidth, y + (strong ? 5 : 4), {
      width: valueWidth - 6,
      align: 'right',
      lineBreak: false,
    });
    pdf
      .moveTo(x, y + h)
      .lineTo(x + labelWidth + valueWidth, y + h)
      .lineWidth(strong ? 1 : 0.4)
      .strokeColor(strong ? ACCENT : RULE)
      .stroke();
    y += h;
  }
  return y + 14;
}

function drawRemarks(pdf: Doc, doc: QuoteDocument, top: number): void {
  if (!doc.remarks.trim()) return;
  pdf.font('jp').fontSize(9);
  const textHeight = pdf.heightOfString(doc.remarks, { width: CONTENT_WIDTH - 16 });
  let y = top;
  if (y + textHeight + 30 > BOTTOM) {
    pdf.addPage();
    y = MARGIN;
  }
  pdf.font('jp-bold').fontSize(9).fillColor(INK).text('備考', MARGIN, y, { lineBreak: false });
  y += 14;
  pdf
    .rect(MARGIN, y, CONTENT_WIDTH, textHeight + 12)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  pdf
    .font('jp')
    .fontSize(9)
    .fillColor(INK)
    .text(doc.remarks, MARGIN + 8, y + 6, { width: CONTENT_WIDTH - 16 });
}

function drawPageNumbers(pdf: Doc, number: string): void {
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf.font('jp').fontSize(8).fillColor(MUTED);
    const y = PAGE.height - MARGIN - 8;
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin first.
    pdf.page.margins.bottom = 0;
    pdf.text(`${number}　${i + 1} / ${range.count}`, MARGIN, y, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}
