import { Badge } from '@mantine/core';
import { IconAlertCircle, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { visitDueState } from '../utils/visit-due.ts';

interface VisitDueBadgeProps {
  lastVisitAt: string | null;
  cadenceDays: number;
  toleranceDays?: number;
}

/** Flags customers whose visit is due or overdue against their cadence; renders nothing otherwise. */
export function VisitDueBadge({ lastVisitAt, cadenceDays, toleranceDays }: VisitDueBadgeProps) {
  const { t } = useTranslation();
  const state = visitDueState({ lastVisitAt, cadenceDays, toleranceDays });
  if (state === 'overdue') {
    return (
      <Badge color="red" variant="light" radius="sm" leftSection={<IconAlertCircle size={12} />}>
        {t('customers.visitOverdue')}
      </Badge>
    );
  }
  if (state === 'due') {
    return (
      <Badge color="yellow" variant="light" radius="sm" leftSection={<IconClock size={12} />}>
        {t('customers.visitDueSoon')}
      </Badge>
    );
  }
  return null;
}
