import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quoteLinkFor } from '../../quotes/utils/quote-prefill.ts';
import { type ReorderItem, reorderItemsToShow, shortDate } from '../utils/reorder-items.ts';
import { CreateQuoteButton, SignalRow } from './SignalRow.tsx';

/**
 * 発注予定: the products this customer reorders, most overdue first, each with its usual interval in
 * words (「通常 約30日ごと・最終 11/02・予定 12/02（3日超過）」) and one tap to a quote; 見積を作成
 * starts a quote with the due ones at their usual quantities.
 */
export function ReorderCard({
  customerId,
  items,
  today,
}: {
  customerId: string;
  items: readonly ReorderItem[];
  today: string;
}) {
  const { t } = useTranslation();
  const shown = reorderItemsToShow(items);
  const due = shown.filter((item) => item.due);
  const forQuote = (list: readonly ReorderItem[]) =>
    quoteLinkFor(
      customerId,
      list.map((item) => ({ productId: item.productId, quantity: item.usualQuantity })),
    );
  const timing = (item: ReorderItem) =>
    item.daysUntil < 0
      ? t('signals.reorder.overdue', { count: -item.daysUntil })
      : item.daysUntil === 0
        ? t('signals.reorder.today')
        : t('signals.reorder.inDays', { count: item.daysUntil });
  return (
    <Card withBorder radius="md" p="sm" data-testid="reorder-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={6}>
            <Title order={2} fz={15}>
              {t('signals.reorder.title')}
            </Title>
            {due.length > 0 && (
              <Badge color="orange" variant="light">
                {t('signals.reorder.dueCount', { count: due.length })}
              </Badge>
            )}
          </Group>
          {due.length > 0 && <CreateQuoteButton quote={forQuote(due)} testId="reorder-create-quote" />}
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('signals.reorder.none')}
          </Text>
        ) : (
          shown.map((item) => (
            <SignalRow
              key={item.productId}
              name={item.productName}
              code={item.productCode}
              badge={
                item.daysUntil < 0 ? (
                  <Badge size="xs" color="red" variant="filled" style={{ flexShrink: 0 }}>
                    {t('signals.reorder.overdueBadge')}
                  </Badge>
                ) : item.due ? (
                  <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
                    {t('signals.reorder.dueBadge')}
                  </Badge>
                ) : undefined
              }
              detail={t('signals.reorder.words', {
                interval: item.intervalDays,
                last: shortDate(item.lastOrderedDate, today),
                expected: shortDate(item.expectedDate, today),
                timing: timing(item),
                quantity: item.usualQuantity,
                unit: item.unit,
              })}
              quote={forQuote([item])}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
