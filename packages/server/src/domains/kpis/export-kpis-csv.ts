import type { z } from '@hono/zod-openapi';
import type { Actor, Locale } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { KpiFiguresView, KpiScopeQuery } from './kpi-schemas.ts';
import { listKpisByRep } from './list-kpis-by-rep.ts';

export interface ExportKpisCsvOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof KpiScopeQuery>;
  locale: Locale;
}

const columns: [keyof KpiFiguresView, string, string][] = [
  ['ordersWon', '受注件数', 'Orders won'],
  ['ordersWonAmountExclTax', '受注金額(税抜)', 'Amount (excl. tax)'],
  ['ordersWonAmountInclTax', '受注金額(税込)', 'Amount (incl. tax)'],
  ['formsCollected', '申込書回収枚数', 'Forms collected'],
  ['retentionRate', '継続率', 'Retention'],
  ['retentionBase', '継続率の母数', 'Retention base'],
  ['repeatRate', 'リピート率', 'Repeat rate'],
  ['repeatBase', 'リピート率の母数', 'Repeat base'],
  ['revenuePerCustomerExclTax', '顧客単価(税抜)', 'Revenue per customer (excl. tax)'],
  ['activeCustomers', '顧客稼働数', 'Active customers'],
  ['satisfactionMean', '顧客満足度', 'Satisfaction'],
  ['satisfactionAnswers', '満足度の回答数', 'Satisfaction answers'],
  ['visitsDone', '訪問実績', 'Visits done'],
  ['visitsPlanned', '訪問計画', 'Visits planned'],
  ['travelSecondsPerVisit', '1訪問あたり移動(秒)', 'Travel per visit (s)'],
  ['overdueCustomers', '訪問遅れ顧客', 'Overdue customers'],
];

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The by-rep table and the scope's total as CSV (UTF-8 with BOM, CRLF), headers in the caller's language. */
export async function exportKpisCsv({ db, actor, query, locale }: ExportKpisCsvOptions) {
  const report = await listKpisByRep({ db, actor, query });
  const ja = locale === 'ja';
  const header = [ja ? '期間' : 'Period', ja ? '担当者' : 'Rep', ...columns.map((c) => (ja ? c[1] : c[2]))];
  const period = `${report.period.from}..${report.period.to}`;
  const lines = [
    header,
    ...report.rows.map((r) => [period, r.repName, ...columns.map(([k]) => r.figures[k])]),
  ];
  lines.push([
    period,
    ja ? `合計 ${report.scope.label}` : `Total ${report.scope.label}`,
    ...columns.map(([k]) => report.total[k]),
  ]);
  const text = `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
  return { text, fileName: `kpis-${report.period.from}-${report.period.to}.csv` };
}
