import type { Notification } from '@kayoi/server/contracts';
import type { TFunction } from 'i18next';

/** The sentence of a notification, from its kind and params (ja/en through i18n). */
export function notificationText(n: Notification, t: TFunction): string {
  const p = n.params;
  switch (n.kind) {
    case 'handover_received':
      return p.fromName
        ? t('handover.notifications.text.handover_received_from', {
            count: Number(p.count),
            name: p.fromName,
          })
        : t('handover.notifications.text.handover_received', { count: Number(p.count) });
    case 'promise_overdue':
      return t('handover.notifications.text.promise_overdue', { title: p.title, customer: p.customerName });
    case 'complaint_escalated':
      return t('handover.notifications.text.complaint_escalated', {
        title: p.title,
        customer: p.customerName,
      });
    case 'companion_visit':
      return t('handover.notifications.text.companion_visit', {
        customer: p.customerName,
        date: p.date,
        start: p.startTime,
        rep: p.repName,
      });
    case 'plan_ready':
      return t('handover.notifications.text.plan_ready', { count: Number(p.visits), date: p.startDate });
  }
}
