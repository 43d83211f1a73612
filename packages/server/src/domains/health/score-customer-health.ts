import { type HealthBand, healthBand } from './health-values.ts';

/** The complaint severities (complaints domain), by how much an open one weighs. */
export type ComplaintSeverity = 'low' | 'medium' | 'high' | 'critical';

/** What the health score reads of one customer, as of a day (all ages in whole days). */
export interface HealthFacts {
  cadenceDays: number;
  cadenceToleranceDays: number;
  /** Days since the last checked-out visit; null = never visited. */
  daysSinceVisit: number | null;
  /** Days since the last won (not cancelled) order; null = never ordered. */
  daysSinceOrder: number | null;
  /** Days since the customer was entered (stands in for a visit or an order never made). */
  daysSinceCreated: number;
  /** Its open complaints (状態 受付 or 対応中; inquiries are not counted). */
  openComplaints: readonly { severity: ComplaintSeverity; daysOpen: number; daysPastDue: number }[];
  /** Won orders (count, Σ税抜 yen): the last 90 days, and the 365 days before those. */
  orders: { recentCount: number; recentAmount: number; previousCount: number; previousAmount: number };
  /** Visit scores (1–5): the last 90 days, and the 365 days before those. */
  satisfaction: {
    recentMean: number | null;
    recentAnswers: number;
    previousMean: number | null;
    previousAnswers: number;
  };
}

export type HealthReason =
  | {
      code: 'visit_overdue';
      penalty: number;
      params: { overdueDays: number; cadenceDays: number; daysSinceVisit: number | null };
    }
  | {
      code: 'open_complaints';
      penalty: number;
      params: { count: number; oldestDays: number; overdueCount: number; worstSeverity: ComplaintSeverity };
    }
  | {
      code: 'orders_falling';
      penalty: number;
      params: {
        recentOrders: number;
        expectedOrders: number;
        recentAmount: number;
        expectedAmount: number;
        dropPercent: number;
      };
    }
  | {
      code: 'satisfaction_falling';
      penalty: number;
      params: { recentMean: number; previousMean: number; recentAnswers: number };
    }
  | { code: 'long_silence'; penalty: number; params: { days: number } };

export interface CustomerHealth {
  /** 0–100, higher is healthier: 100 minus the reasons' penalties. */
  score: number;
  /** 100 − score: what raises the customer's priority in the planner. */
  risk: number;
  band: HealthBand;
  /** Largest penalty first. */
  reasons: HealthReason[];
}

/** The windows the figures compare (days): "recent" and the trailing year before it. */
export const RECENT_DAYS = 90;
export const PREVIOUS_DAYS = 365;
/** No visit and no order for this many days is a long silence. */
export const SILENCE_DAYS = 90;

const SEVERITY_WEIGHT: Record<ComplaintSeverity, number> = { low: 4, medium: 8, high: 14, critical: 20 };
const SEVERITY_ORDER: readonly ComplaintSeverity[] = ['low', 'medium', 'high', 'critical'];

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function visitOverdue(f: HealthFacts): HealthReason | null {
  const since = f.daysSinceVisit ?? f.daysSinceCreated;
  const overdueDays = since - f.cadenceDays - f.cadenceToleranceDays;
  if (overdueDays <= 0) return null;
  const penalty = Math.min(30, Math.round(10 + (20 * overdueDays) / f.cadenceDays));
  return {
    code: 'visit_overdue',
    penalty,
    params: { overdueDays, cadenceDays: f.cadenceDays, daysSinceVisit: f.daysSinceVisit },
  };
}

function openComplaints(f: HealthFacts): HealthReason | null {
  if (f.openComplaints.length === 0) return null;
  let sum = 0;
  let worst = 0;
  for (const c of f.openComplaints) {
    sum +=
      SEVERITY_WEIGHT[c.severity] +
      Math.min(10, Math.floor(Math.max(0, c.daysOpen) / 14) * 2) +
      (c.daysPastDue > 0 ? 5 : 0);
    worst = Math.max(worst, SEVERITY_ORDER.indexOf(c.severity));
  }
  return {
    code: 'open_complaints',
    penalty: Math.min(40, sum),
    params: {
      count: f.openComplaints.length,
      oldestDays: Math.max(...f.openComplaints.map((c) => c.daysOpen)),
      overdueCount: f.openComplaints.filter((c) => c.daysPastDue > 0).length,
      worstSeverity: SEVERITY_ORDER[worst] as ComplaintSeverity,
    },
  };
}

function ordersFalling(f: HealthFacts): HealthReason | null {
  const o = f.orders;
  // A trend needs a history: at least 3 orders in the trailing year.
  if (o.previousCount < 3) return null;
  const scale = RECENT_DAYS / PREVIOUS_DAYS;
  const expectedOrders = o.previousCount * scale;
  const expectedAmount = Math.max(0, o.previousAmount) * scale;
  const recentAmount = Math.max(0, o.recentAmount);
  const countRatio = o.recentCount / expectedOrders;
  const ratio = expectedAmount > 0 ? Math.min(countRatio, recentAmount / expectedAmount) : countRatio;
  if (ratio >= 0.7) return null;
  return {
    code: 'orders_falling',
    penalty: Math.round(25 * Math.min(1, (0.7 - ratio) / 0.7)),
    params: {
      recentOrders: o.recentCount,
      expectedOrders: round1(expectedOrders),
      recentAmount,
      expectedAmount: Math.round(expectedAmount),
      dropPercent: Math.round((1 - ratio) * 100),
    },
  };
}

function satisfactionFalling(f: HealthFacts): HealthReason | null {
  const s = f.satisfaction;
  if (s.recentMean === null || s.previousMean === null || s.recentAnswers < 1 || s.previousAnswers < 2)
    return null;
  const drop = s.previousMean - s.recentMean;
  if (drop < 0.5) return null;
  return {
    code: 'satisfaction_falling',
    penalty: Math.min(15, Math.round(10 * drop)),
    params: {
      recentMean: round2(s.recentMean),
      previousMean: round2(s.previousMean),
      recentAnswers: s.recentAnswers,
    },
  };
}

function longSilence(f: HealthFacts): HealthReason | null {
  const days = Math.min(f.daysSinceVisit ?? f.daysSinceCreated, f.daysSinceOrder ?? f.daysSinceCreated);
  if (days < SILENCE_DAYS) return null;
  return {
    code: 'long_silence',
    penalty: Math.min(25, 15 + Math.floor((days - SILENCE_DAYS) / 30) * 5),
    params: { days },
  };
}

/**
 * A customer's health (0–100, higher is healthier) with its reasons: 100 minus a penalty per
 * warning sign (visit overdue ≤ 30, open complaints ≤ 40, orders falling ≤ 25, satisfaction
 * falling ≤ 15, long silence ≤ 25), floored at 0. The formula is docs/kpi.md's 顧客ヘルス.
 *
 * @example
 * scoreCustomerHealth({ ...facts, openComplaints: [{ severity: 'high', daysOpen: 30, daysPastDue: 20 }] })
 * // → { score: 77, risk: 23, band: 'good', reasons: [{ code: 'open_complaints', penalty: 23, … }] }
 */
export function scoreCustomerHealth(facts: HealthFacts): CustomerHealth {
  const reasons = [
    visitOverdue(facts),
    openComplaints(facts),
    ordersFalling(facts),
    satisfactionFalling(facts),
    longSilence(facts),
  ]
    .filter((r): r is HealthReason => r !== null && r.penalty > 0)
    .sort((a, b) => b.penalty - a.penalty);
  const score = Math.max(0, 100 - reasons.reduce((s, r) => s + r.penalty, 0));
  return { score, risk: 100 - score, band: healthBand(score), reasons };
}
