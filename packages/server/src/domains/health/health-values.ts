/**
 * The customer health score's reason codes and bands (docs/kpi.md, 顧客ヘルス), shared with clients
 * via contracts.ts. Imports nothing, so a browser bundle can take it.
 */

/** Why a customer's health is below 100: each reason carries the figures the web puts into words. */
export const healthReasonCodes = [
  'visit_overdue',
  'open_complaints',
  'orders_falling',
  'satisfaction_falling',
  'long_silence',
] as const;
export type HealthReasonCode = (typeof healthReasonCodes)[number];

/** good ≥ 70, watch 40–69, at_risk < 40. */
export const healthBands = ['good', 'watch', 'at_risk'] as const;
export type HealthBand = (typeof healthBands)[number];

export const HEALTH_WATCH_BELOW = 70;
export const HEALTH_AT_RISK_BELOW = 40;

export function healthBand(score: number): HealthBand {
  return score < HEALTH_AT_RISK_BELOW ? 'at_risk' : score < HEALTH_WATCH_BELOW ? 'watch' : 'good';
}
