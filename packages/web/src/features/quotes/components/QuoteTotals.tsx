import { Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format.ts';
import type { RateAmounts } from '../api/quote-types.ts';

interface QuoteTotalsProps {
  subtotals: RateAmounts;
  taxes: RateAmounts;
  total: number;
  /** Lines left out because their price or quantity is incomplete (the editor's live totals). */
  incomplete?: number;
}

/** Per-rate subtotal and tax (8% marked ※軽減), and the tax-included total. */
export function QuoteTotals({ subtotals, taxes, total, incomplete = 0 }: QuoteTotalsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rates = (['10', '8'] as const).filter((rate) => subtotals[rate] !== undefined);
  return (
    <Paper withBorder p="sm" data-testid="quote-totals">
      <Stack gap={4}>
        {rates.map((rate) => (
          <Stack key={rate} gap={0} data-testid={`totals-rate-${rate}`}>
            <Group justify="space-between" gap="xs">
              <Text size="sm">
                {rate === '8' ? t('quotes.totals.subtotalReduced') : t('quotes.totals.subtotalStandard')}
              </Text>
              <Text size="sm" ff="monospace" data-testid={`subtotal-${rate}`}>
                {formatYen(subtotals[rate] ?? 0, lang)}
              </Text>
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {t('quotes.totals.tax', { rate })}
              </Text>
              <Text size="sm" ff="monospace" c="dimmed" data-testid={`tax-${rate}`}>
                {formatYen(taxes[rate] ?? 0, lang)}
              </Text>
            </Group>
          </Stack>
        ))}
        <Divider my={4} />
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{t('quotes.totals.total')}</Text>
          <Text fw={700} fz={20} ff="monospace" data-testid="quote-total">
            {formatYen(total, lang)}
          </Text>
        </Group>
        {rates.includes('8') && (
          <Text size="xs" c="dimmed">
            {t('quotes.totals.reducedNote')}
          </Text>
        )}
        {incomplete > 0 && (
          <Text size="xs" c="orange" data-testid="totals-incomplete">
            {t('quotes.totals.incomplete', { count: incomplete })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
