/**
 * Dates on documents: 西暦 (2026年12月2日) or 和暦 (令和8年12月2日), with 元年 for an era's first
 * year (令和元年5月1日). Input is a civil date 'YYYY-MM-DD' (Asia/Tokyo), never a time.
 */
export type DocumentDateStyle = 'western' | 'japanese';

/** The eras since 明治's calendar reform, newest first: the first day of each. */
const eras: readonly { name: string; start: string }[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1873-01-01' },
];

/**
 * @example
 * formatDocumentDate('2026-12-02', 'japanese') // '令和8年12月2日'
 * formatDocumentDate('2019-05-01', 'japanese') // '令和元年5月1日'
 * formatDocumentDate('2019-04-30', 'japanese') // '平成31年4月30日'
 */
export function formatDocumentDate(date: string, style: DocumentDateStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a civil date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const monthDay = `${month}月${day}日`;
  if (style === 'western') return `${year}年${monthDay}`;
  const era = eras.find((e) => date >= e.start);
  if (!era) return `${year}年${monthDay}`;
  const eraYear = year - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${monthDay}`;
}
