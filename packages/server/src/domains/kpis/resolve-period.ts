import { todayIn } from '../planning/working-days.ts';
import { type KpiPeriod, monthOf } from './kpi-period.ts';

/** The requested period, or this month (Asia/Tokyo) when none is given. */
export const resolvePeriod = (query: { from?: string | undefined; to?: string | undefined }): KpiPeriod =>
  query.from && query.to ? { from: query.from, to: query.to } : monthOf(todayIn());
