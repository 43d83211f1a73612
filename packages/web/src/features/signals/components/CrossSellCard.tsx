import type { CrossSellSignal } from '@kayoi/server/contracts';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quoteLinkFor } from '../../quotes/utils/quote-prefill.ts';
import { CreateQuoteButton, SignalRow } from './SignalRow.tsx';

/**
 * おすすめ: products customers like this one buy and this one does not, each with the server's
 * reason in words (how many buyers of one of its own products buy it too, against everyone, and the lift) and one tap to a quote.
 */
export function CrossSellCard({
  customerId,
  items,
}: {
  customerId: string;
  items: readonly CrossSellSignal[];
}) {
  const { t, i18n } = useTranslation();
  const all = quoteLinkFor(
    customerId,
    items.map((item) => ({ productId: item.productId })),
  );
  return (
    <Card withBorder radius="md" p="sm" data-testid="cross-sell-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} fz={15}>
            {t('signals.crossSell.title')}
          </Title>
          {items.length > 0 && <CreateQuoteButton quote={all} testId="cross-sell-create-quote" />}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('signals.crossSell.none')}
          </Text>
        ) : (
          items.map((item) => (
            <SignalRow
              key={item.productId}
              name={item.productName}
              code={item.productCode}
              detail={i18n.language === 'en' ? item.message.en : item.message.ja}
              quote={quoteLinkFor(customerId, [{ productId: item.productId }])}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
