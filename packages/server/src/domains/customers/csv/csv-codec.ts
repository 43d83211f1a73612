import iconv from 'iconv-lite';

/**
 * CSV for Excel users in Japan: RFC 4180 quoting, CRLF line ends, Shift_JIS (Windows-31J / CP932)
 * by default, or UTF-8 with a BOM (the BOM is what makes Excel read UTF-8 correctly).
 */
export type CsvEncoding = 'sjis' | 'utf8';

const UTF8_BOM = '\uFEFF';
const SJIS = 'cp932';
/** 〓 (geta mark): what Japanese systems conventionally print for a character the charset lacks. */
export const SJIS_REPLACEMENT = '〓';

/**
 * Parses CSV text into rows of fields. Handles quoted fields, doubled quotes, commas and line
 * breaks inside quotes, CRLF / LF / CR line ends, a leading BOM and a missing final line end.
 * Empty lines between records are skipped, or kept as `[]` with `keepEmptyLines` (so record i is
 * row i + 1 as a spreadsheet shows the file).
 *
 * @example
 * parseCsv('a,"b ""c"""\r\n1,2\r\n') // [['a', 'b "c"'], ['1', '2']]
 */
export function parseCsv(input: string, { keepEmptyLines = false } = {}): string[][] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endRecord = () => {
    if (fieldStarted || row.length > 0) {
      row.push(field);
      rows.push(row);
    } else if (keepEmptyLines) rows.push([]);
    row = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (fieldStarted || row.length > 0) endRecord();
  return rows;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** Writes rows as CSV with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) {
    const fields = row.map((value) => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value));
    // A record of one empty field would otherwise be an empty line, which readers skip.
    out += row.length === 1 && row[0] === '' ? '""' : fields.join(',');
    out += '\r\n';
  }
  return out;
}

/**
 * JIS X 0208 code points that Windows-31J spells with its own look-alikes (the classic
 * 〜 / ～ "wave dash problem"): mapped before encoding so they survive instead of becoming 〓.
 */
const CP932_LOOKALIKES: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 → ～
  '\u2016': '\u2225', // ‖ → ∥
  '\u2212': '\uFF0D', // − → －
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
};

const representable = new Map<string, boolean>();
function isShiftJisRepresentable(char: string): boolean {
  let ok = representable.get(char);
  if (ok === undefined) {
    // iconv-lite writes '?' for what CP932 cannot encode; a real '?' encodes to itself.
    ok = char === '?' || iconv.decode(iconv.encode(char, SJIS), SJIS) === char;
    representable.set(char, ok);
  }
  return ok;
}

/**
 * Maps text onto what Shift_JIS can carry: look-alikes for the wave-dash family, and 〓 for
 * every other character CP932 lacks (emoji, most accented Latin, rare kanji outside JIS).
 * Returns the text and how many characters were replaced by 〓.
 */
export function toShiftJisRepertoire(text: string): { text: string; replaced: number } {
  let out = '';
  let replaced = 0;
  for (const char of text) {
    const mapped = CP932_LOOKALIKES[char] ?? char;
    if (mapped.charCodeAt(0) < 0x80 || isShiftJisRepresentable(mapped)) {
      out += mapped;
    } else {
      out += SJIS_REPLACEMENT;
      replaced += 1;
    }
  }
  return { text: out, replaced };
}

/** The distinct characters of `text` that Shift_JIS cannot carry (they would be written as 〓). */
export function shiftJisMisses(text: string): string[] {
  const misses = new Set<string>();
  for (const char of text) {
    const mapped = CP932_LOOKALIKES[char] ?? char;
    if (mapped.charCodeAt(0) >= 0x80 && !isShiftJisRepresentable(mapped)) misses.add(char);
  }
  return [...misses];
}

/**
 * Encodes CSV text for download. Shift_JIS cannot hold every character: see
 * {@link toShiftJisRepertoire} (unrepresentable characters become 〓 and are counted).
 */
export function encodeCsv(text: string, encoding: CsvEncoding): { bytes: Buffer; replaced: number } {
  if (encoding === 'utf8') return { bytes: Buffer.from(UTF8_BOM + text, 'utf8'), replaced: 0 };
  // Fast path: iconv-lite writes '?' (0x3F) for what it cannot encode, and 0x3F is never the
  // second byte of a Shift_JIS character, so equal '?' counts mean nothing was lost.
  const lookalikes = text.replace(LOOKALIKE_PATTERN, (ch) => CP932_LOOKALIKES[ch] ?? ch);
  const bytes = iconv.encode(lookalikes, SJIS);
  if (countByte(bytes, 0x3f) === countChar(lookalikes, '?')) return { bytes, replaced: 0 };
  const mapped = toShiftJisRepertoire(text);
  return { bytes: iconv.encode(mapped.text, SJIS), replaced: mapped.replaced };
}

const LOOKALIKE_PATTERN = new RegExp(`[${Object.keys(CP932_LOOKALIKES).join('')}]`, 'g');

function countByte(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (const b of bytes) if (b === byte) n++;
  return n;
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Decodes an uploaded CSV. `auto` picks UTF-8 when the bytes carry a UTF-8 BOM or are valid
 * UTF-8, Shift_JIS (CP932) otherwise: Shift_JIS Japanese text is almost never valid UTF-8.
 */
export function decodeCsv(
  bytes: Uint8Array,
  encoding: CsvEncoding | 'auto' = 'auto',
): { text: string; encoding: CsvEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'sjis') return { text: iconv.decode(buffer, SJIS), encoding };
  if (encoding === 'utf8') return { text: stripBom(buffer.toString('utf8')), encoding };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    return { text: iconv.decode(buffer, SJIS), encoding: 'sjis' };
  }
  if (text.startsWith(UTF8_BOM) || !/[\u0080-\uffff]/.test(text))
    return { text: stripBom(text), encoding: 'utf8' };
  // Short Shift_JIS text can be valid UTF-8 by chance (ﾅ市 is C5 8E 73, "Ŏs"): when reading it
  // as UTF-8 gives no Japanese at all and as Shift_JIS clean text with kana or kanji (not
  // just half-width katakana, which accented Latin turns into: café → cafﾃｩ), it was Shift_JIS.
  const sjis = iconv.decode(buffer, SJIS);
  if (!sjis.includes('\ufffd') && japaneseCount(text) === 0 && /[\u3040-\u30ff\u3400-\u9fff]/.test(sjis))
    return { text: sjis, encoding: 'sjis' };
  return { text, encoding: 'utf8' };
}

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/g;
const japaneseCount = (text: string) => text.match(JAPANESE)?.length ?? 0;

function stripBom(text: string): string {
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/**
 * Why bytes are not CSV text, or null when they may be: an Excel workbook (a ZIP), UTF-16, or
 * binary data (NUL bytes or other control bytes in more than 1% of the first 4 KB). A stray
 * NUL in an otherwise readable file is left to the per-cell check.
 */
export function notTextReason(bytes: Uint8Array): 'xlsx' | 'utf16' | 'binary' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
  const head = bytes.subarray(0, 4096);
  let suspicious = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) suspicious++;
  return suspicious > Math.max(2, head.length / 100) ? 'binary' : null;
}
