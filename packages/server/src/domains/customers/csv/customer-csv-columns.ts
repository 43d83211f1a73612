import type { LocalizedText } from '../../../platform/errors.ts';
import type { CustomerFields, CustomerStatus, Honorific, Rank } from '../customer-fields.ts';
import { csvClearMarkers, csvColumns } from '../customer-values.ts';
import { normalizeInput } from '../japanese-text.ts';
import type { TimeWindow } from '../tables.ts';

/** The CSV columns, in order (see customer-values.ts). */
export { csvColumns };
export type CsvColumn = (typeof csvColumns)[number];

/** Which column a validation error on a field path belongs to. */
export function columnOfField(path: string): CsvColumn {
  const [field, , contactField] = path.split('.');
  if (field === 'contacts') return contactColumns[contactField as CsvContactField] ?? '先方担当者';
  const map: Record<string, CsvColumn> = {
    code: '顧客コード',
    name: '会社名',
    nameKana: 'フリガナ',
    honorific: '敬称',
    postalCode: '郵便番号',
    address: '住所',
    phone: '電話番号',
    repId: '担当者メール',
    areaId: 'エリア',
    rank: 'ランク',
    status: 'ステータス',
    cadenceDays: '訪問周期(日)',
    cadenceToleranceDays: '許容幅(日)',
    preferredWeekdays: '訪問曜日',
    timeWindows: '訪問時間帯',
    visitDurationMinutes: '滞在時間(分)',
    preferences: '好み・人柄',
    cautions: '注意点',
    notes: 'メモ',
    lat: '緯度',
    lng: '経度',
  };
  return map[field ?? ''] ?? '顧客コード';
}

/** The primary contact's fields the CSV carries (nameKana and the flag stay as stored). */
export const csvContactFields = ['name', 'title', 'phone', 'email'] as const;
export type CsvContactField = (typeof csvContactFields)[number];
export type CsvContact = Record<CsvContactField, string>;
export const contactColumns: Record<CsvContactField, CsvColumn> = {
  name: '先方担当者',
  title: '先方担当者役職',
  phone: '先方担当者電話',
  email: '先方担当者メール',
};

const WEEKDAYS = '日月火水木金土';
const statusJa: Record<CustomerStatus, string> = { active: '稼働', dormant: '休眠', churned: '離脱' };
const honorificJa: Record<Honorific, string> = { onchu: '御中', sama: '様' };

/** What export writes for one customer (besides the rep's email and the area's name). */
export interface CsvCustomer extends CustomerFields {
  code: string;
  repEmail: string | null;
  areaName: string | null;
  /** The primary contact; absent or null: none. */
  contact?: CsvContact | null;
}

/**
 * CSV injection guard: Excel runs a cell starting with = + - @ (or tab/CR) as a formula, so
 * such cells are written with a leading apostrophe, which the import takes off again. A value
 * that itself starts with apostrophes before such a character gets one more, so every value
 * round-trips exactly.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
export const guardFormula = (value: string) => (FORMULA_LIKE.test(value) ? `'${value}` : value);
export const unguardFormula = (value: string) => (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export function customerToCsvRow(c: CsvCustomer): string[] {
  return customerCells(c).map(guardFormula);
}

/** The customer as the CSV's cells, unguarded (what the import preview shows as old → new). */
export function customerCells(c: CsvCustomer): string[] {
  return [
    c.code,
    c.name,
    c.nameKana,
    honorificJa[c.honorific],
    c.postalCode,
    c.address,
    c.phone,
    c.repEmail ?? '',
    c.areaName ?? '',
    c.rank,
    statusJa[c.status],
    String(c.cadenceDays),
    String(c.cadenceToleranceDays),
    c.preferredWeekdays.map((d) => WEEKDAYS[d] ?? '').join(''),
    c.timeWindows.map((w) => `${w.start}-${w.end}`).join(';'),
    String(c.visitDurationMinutes),
    c.preferences,
    c.cautions,
    c.notes,
    c.lat === null ? '' : String(c.lat),
    c.lng === null ? '' : String(c.lng),
    ...csvContactFields.map((k) => c.contact?.[k] ?? ''),
  ];
}

/** One CSV row read back: the fields it sets or clears, and the cells it could not read. */
export interface ParsedCsvRow {
  code: string;
  /** Fields the row sets. A blank cell (or a column the file lacks) is left out: keep the stored value. */
  fields: Partial<CustomerFields>;
  /** Fields whose cell holds the clear marker, (削除) or (clear): empty them. */
  cleared: ClearableField[];
  repEmail: string;
  areaName: string;
  /** Primary-contact cells the row sets (blank ones left out: keep the stored value). */
  contact: Partial<CsvContact>;
  /** Primary-contact fields whose cell holds the clear marker (name: remove the contact). */
  contactCleared: CsvContactField[];
  /** Whether the file has any 先方担当者 column: without, contacts are left alone. */
  contactColumns: boolean;
  errors: { column: CsvColumn; message: LocalizedText }[];
}

/** The fields a CSV cell can empty; the others (name, choices, numbers) always hold a value. */
export type ClearableField =
  | 'nameKana'
  | 'postalCode'
  | 'address'
  | 'phone'
  | 'preferences'
  | 'cautions'
  | 'notes'
  | 'preferredWeekdays'
  | 'timeWindows'
  | 'lat'
  | 'lng'
  | 'repId'
  | 'areaId';

/** What a cleared field becomes. */
export const clearedValues: { [K in ClearableField]: CustomerFields[K] } = {
  nameKana: '',
  postalCode: '',
  address: '',
  phone: '',
  preferences: '',
  cautions: '',
  notes: '',
  preferredWeekdays: [],
  timeWindows: [],
  lat: null,
  lng: null,
  repId: null,
  areaId: null,
};

const bad = (ja: string, en: string): LocalizedText => ({ ja, en });

/** Whether a cell holds only the clear marker: (削除) / （削除） / (clear), any case. */
export const isClearMarker = (cell: string) =>
  (csvClearMarkers as readonly string[]).includes(normalizeInput(cell).toLowerCase());

/**
 * Reads one data row (cells already matched to columns; undefined for a column the file lacks).
 * A blank cell sets nothing, so an update keeps the stored value and a new customer gets the default.
 */
export function csvRowToCustomer(rawCell: (column: CsvColumn) => string | undefined): ParsedCsvRow {
  const errors: ParsedCsvRow['errors'] = [];
  const cleared: ClearableField[] = [];
  const fields: Partial<CustomerFields> = {};
  /** The cell's text, or undefined when it is blank, missing or the clear marker (noted in `cleared`). */
  const cell = (column: CsvColumn, clears?: ClearableField | ClearableField[]): string | undefined => {
    const raw = unguardFormula(rawCell(column) ?? '');
    if (raw.trim() === '') return undefined;
    if (isClearMarker(raw)) {
      if (clears === undefined)
        errors.push({
          column,
          message: bad(`「${column}」は空にできません。`, `"${column}" cannot be emptied.`),
        });
      else cleared.push(...(Array.isArray(clears) ? clears : [clears]));
      return undefined;
    }
    return raw;
  };
  const text = (column: CsvColumn, key: ClearableField | 'name') => {
    const value = cell(column, key === 'name' ? undefined : key);
    if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  };
  text('会社名', 'name');
  text('フリガナ', 'nameKana');
  text('郵便番号', 'postalCode');
  text('住所', 'address');
  text('電話番号', 'phone');
  text('好み・人柄', 'preferences');
  text('注意点', 'cautions');
  text('メモ', 'notes');

  const honorific = normalizeInput(cell('敬称') ?? '');
  if (honorific !== '') {
    const found = (Object.entries(honorificJa) as [Honorific, string][]).find(
      ([en, ja]) => honorific === ja || honorific.toLowerCase() === en,
    );
    if (found) fields.honorific = found[0];
    else
      errors.push({ column: '敬称', message: bad('御中 または 様 を入力してください。', 'Use 御中 or 様.') });
  }

  const rank = normalizeInput(cell('ランク') ?? '').toUpperCase();
  if (rank !== '') {
    if (rank === 'A' || rank === 'B' || rank === 'C') fields.rank = rank as Rank;
    else
      errors.push({
        column: 'ランク',
        message: bad('A・B・C のいずれかを入力してください。', 'Use A, B or C.'),
      });
  }

  const status = normalizeInput(cell('ステータス') ?? '');
  if (status !== '') {
    const found = (Object.entries(statusJa) as [CustomerStatus, string][]).find(
      ([en, ja]) => status === ja || status.toLowerCase() === en,
    );
    if (found) fields.status = found[0];
    else
      errors.push({
        column: 'ステータス',
        message: bad(
          '稼働・休眠・離脱 のいずれかを入力してください。',
          'Use 稼働 (active), 休眠 (dormant) or 離脱 (churned).',
        ),
      });
  }

  const integer = (
    column: CsvColumn,
    key: 'cadenceDays' | 'cadenceToleranceDays' | 'visitDurationMinutes',
  ) => {
    const raw = normalizeInput(cell(column) ?? '');
    if (raw === '') return;
    if (/^\d{1,6}$/.test(raw)) fields[key] = Number(raw);
    else errors.push({ column, message: bad('整数で入力してください。', 'Must be a whole number.') });
  };
  integer('訪問周期(日)', 'cadenceDays');
  integer('許容幅(日)', 'cadenceToleranceDays');
  integer('滞在時間(分)', 'visitDurationMinutes');

  const coordinate = (column: CsvColumn, key: 'lat' | 'lng') => {
    const raw = normalizeInput(cell(column, key) ?? '');
    if (raw === '') return;
    if (/^-?\d{1,3}(\.\d{1,15})?$/.test(raw)) fields[key] = Number(raw);
    else
      errors.push({
        column,
        message: bad('「34.6937」のように十進数で入力してください。', 'Write decimal degrees like 34.6937.'),
      });
  };
  coordinate('緯度', 'lat');
  coordinate('経度', 'lng');

  const weekdaysCell = cell('訪問曜日', 'preferredWeekdays');
  if (weekdaysCell !== undefined) {
    const weekdays = normalizeInput(weekdaysCell).replace(/[\s,、・/]/g, '');
    const days: number[] = [];
    for (const ch of weekdays) {
      const d = WEEKDAYS.indexOf(ch);
      if (d < 0) {
        errors.push({
          column: '訪問曜日',
          message: bad(
            '曜日は「月水金」のように 日月火水木金土 で入力してください。',
            'Write weekdays like 月水金.',
          ),
        });
        break;
      }
      days.push(d);
    }
    fields.preferredWeekdays = days;
  }

  const windowsCell = cell('訪問時間帯', 'timeWindows');
  if (windowsCell !== undefined) {
    const windows: TimeWindow[] = [];
    for (const part of normalizeInput(windowsCell)
      .split(/[;；,、\s]+/)
      .filter(Boolean)) {
      const m = /^(\d{1,2}:\d{2})[-~〜～](\d{1,2}:\d{2})$/.exec(part);
      if (!m) {
        errors.push({
          column: '訪問時間帯',
          message: bad(
            '「09:00-12:00;13:00-17:30」の形式で入力してください。',
            'Write time windows like 09:00-12:00;13:00-17:30.',
          ),
        });
        break;
      }
      windows.push({ start: (m[1] as string).padStart(5, '0'), end: (m[2] as string).padStart(5, '0') });
    }
    fields.timeWindows = windows;
  }

  const contact: Partial<CsvContact> = {};
  const contactCleared: CsvContactField[] = [];
  let hasContactColumns = false;
  for (const key of csvContactFields) {
    const column = contactColumns[key];
    if (rawCell(column) !== undefined) hasContactColumns = true;
    const raw = unguardFormula(rawCell(column) ?? '');
    if (raw.trim() === '') continue;
    if (isClearMarker(raw)) contactCleared.push(key);
    else contact[key] = raw;
  }

  return {
    code: normalizeInput(cell('顧客コード') ?? ''),
    contact,
    contactCleared,
    contactColumns: hasContactColumns,
    fields,
    cleared,
    repEmail: normalizeInput(cell('担当者メール', 'repId') ?? '').toLowerCase(),
    areaName: normalizeInput(cell('エリア', 'areaId') ?? ''),
    errors,
  };
}
