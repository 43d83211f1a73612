import { Badge, type BadgeProps, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus, Rank } from '../api/customer-types.ts';

/** Badge colour per rank: A stands out, C recedes. */
export const RANK_COLORS: Record<Rank, string> = { A: 'red', B: 'orange', C: 'gray' };

export const STATUS_COLORS: Record<CustomerStatus, string> = {
  active: 'teal',
  dormant: 'yellow',
  churned: 'gray',
};

export function RankBadge({ rank, ...props }: { rank: Rank } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RANK_COLORS[rank]}
      variant={rank === 'C' ? 'light' : 'filled'}
      radius="sm"
      w={28}
      px={0}
      title={t('customers.rankLabel', { rank })}
      {...props}
    >
      <VisuallyHidden>{t('customers.rank')}</VisuallyHidden>
      {rank}
    </Badge>
  );
}

export function StatusBadge({ status, ...props }: { status: CustomerStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" {...props}>
      {t(`customers.statusValues.${status}`)}
    </Badge>
  );
}

export function ArchivedBadge(props: BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color="dark" variant="outline" radius="sm" {...props}>
      {t('customers.archived')}
    </Badge>
  );
}

/** On a list row: the customer has no coordinates, so the planner leaves it out. */
export function NoPositionBadge(props: BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="outline"
      radius="sm"
      title={t('customer.position.precisionHelp.none')}
      {...props}
    >
      {t('customers.noPosition')}
    </Badge>
  );
}
