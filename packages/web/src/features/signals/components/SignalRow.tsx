import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewQuoteLink } from '../../quotes/utils/quote-prefill.ts';

/** One product on a signal card: its name, a line of words, and 見積に追加 (one tap to a quote with it). */
export function SignalRow({
  name,
  code,
  badge,
  detail,
  quote,
}: {
  name: string;
  code: string;
  badge?: ReactNode;
  detail: ReactNode;
  quote: NewQuoteLink;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center" data-testid="signal-item">
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          {badge}
          <Text size="sm" fw={600} lineClamp={2}>
            {name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }} visibleFrom="xs">
            {code}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
      <Button
        className="no-print"
        variant="light"
        size="compact-sm"
        h={40}
        style={{ flexShrink: 0 }}
        leftSection={<IconPlus size={14} />}
        aria-label={t('signals.addToQuoteAria', { name })}
        renderRoot={(props) => <Link {...props} to="/quotes/new" search={quote} />}
      >
        {t('signals.addToQuote')}
      </Button>
    </Group>
  );
}

/** The card-level 「見積を作成」: a quote for the customer with every product on the card. */
export function CreateQuoteButton({ quote, testId }: { quote: NewQuoteLink; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button
      className="no-print"
      size="compact-sm"
      h={40}
      data-testid={testId}
      renderRoot={(props) => <Link {...props} to="/quotes/new" search={quote} />}
    >
      {t('signals.createQuote')}
    </Button>
  );
}
