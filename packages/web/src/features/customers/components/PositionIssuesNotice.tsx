import { Alert, Anchor, Text } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { usePositionIssues } from '../hooks/usePositionIssues.ts';
import type { CustomerFilters } from '../utils/customer-filters.ts';

/**
 * Above the list: how many customers of the book have no position (the planner leaves them out)
 * or only the municipality's, with a link to the 位置未設定 filter. Hidden when there are none or
 * while that filter is on.
 */
export function PositionIssuesNotice({
  filters,
  onShow,
}: {
  filters: CustomerFilters;
  onShow: (position: 'missing' | 'approximate') => void;
}) {
  const { t, i18n } = useTranslation();
  const issues = usePositionIssues();
  const missing = issues.data?.missing ?? 0;
  const approximate = issues.data?.approximate ?? 0;
  if (filters.position || (missing === 0 && approximate === 0)) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconMapPinOff size={18} />}
      p="sm"
      data-testid="position-notice"
    >
      <Text size="sm">
        {missing > 0 && (
          <>
            {t('customers.positionNotice', {
              count: missing,
              formatted: formatNumber(missing, i18n.language),
            })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => onShow('missing')}>
              {t('customers.positionShow')}
            </Anchor>{' '}
          </>
        )}
        {approximate > 0 && (
          <>
            {t('customers.positionApproximate', { count: approximate })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => onShow('approximate')}>
              {t('customers.positionShow')}
            </Anchor>
          </>
        )}
      </Text>
    </Alert>
  );
}
