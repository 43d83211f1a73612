import type { HealthReason } from '@kayoi/server/contracts';
import type { TFunction } from 'i18next';
import { formatYen } from '../../../lib/format.ts';

/** A health reason in words (ja/en), from its code and figures. */
export function healthReasonText(t: TFunction, reason: HealthReason, language: string): string {
  switch (reason.code) {
    case 'visit_overdue':
      return reason.params.daysSinceVisit === null
        ? t('health.reason.visitOverdueNever', reason.params)
        : t('health.reason.visitOverdue', reason.params);
    case 'open_complaints': {
      const text = t('health.reason.openComplaints', {
        count: reason.params.count,
        oldestDays: reason.params.oldestDays,
        severity: t(`complaints.severity.${reason.params.worstSeverity}`),
      });
      return reason.params.overdueCount > 0
        ? `${text}${t('health.reason.complaintsOverdue', { count: reason.params.overdueCount })}`
        : text;
    }
    case 'orders_falling':
      return t('health.reason.ordersFalling', {
        ...reason.params,
        recentAmount: formatYen(reason.params.recentAmount, language),
        expectedAmount: formatYen(reason.params.expectedAmount, language),
      });
    case 'satisfaction_falling':
      return t('health.reason.satisfactionFalling', {
        recentMean: reason.params.recentMean.toFixed(1),
        previousMean: reason.params.previousMean.toFixed(1),
      });
    case 'long_silence':
      return t('health.reason.longSilence', reason.params);
  }
}
