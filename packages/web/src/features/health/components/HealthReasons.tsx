import type { HealthReason } from '@kayoi/server/contracts';
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { healthReasonText } from '../utils/health-reason-text.ts';

/** The reasons behind a health score, largest first, each in words. */
export function HealthReasons({ reasons }: { reasons: readonly HealthReason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('health.noReasons')}
      </Text>
    );
  return (
    <List size="sm" spacing={2} data-testid="health-reasons">
      {reasons.map((r) => (
        <List.Item key={r.code} data-code={r.code}>
          {healthReasonText(t, r, i18n.language)}
        </List.Item>
      ))}
    </List>
  );
}
