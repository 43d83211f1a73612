import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileInvoice, IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { type QuoteStatus, quoteStatuses } from '../api/quote-types.ts';
import { listQuotes, quoteKeys } from '../api/quotes-api.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';

/** 見積 list: search by number, subject or customer; filter by status. */
export function QuotesList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isDesktop = useIsDesktop();
  const [status, setStatus] = useState<QuoteStatus | ''>('');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const query = { status, q: debounced };
  const list = useInfiniteQuery({
    queryKey: quoteKeys.list(query),
    queryFn: ({ signal, pageParam }) => listQuotes({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 14rem' }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('quotes.searchPlaceholder')}
          aria-label={t('quotes.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          w={160}
          aria-label={t('quotes.statusFilter')}
          value={status}
          allowDeselect={false}
          onChange={(v) => setStatus((v ?? '') as QuoteStatus | '')}
          data={[
            { value: '', label: t('common.all') },
            ...quoteStatuses.map((s) => ({ value: s, label: t(`quotes.status.${s}`) })),
          ]}
        />
        <Button
          leftSection={<IconPlus size={16} />}
          renderRoot={(props) => <Link {...props} to="/quotes/new" />}
        >
          {t('quotes.new')}
        </Button>
      </Group>
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyPanel
          icon={<IconFileInvoice size={28} />}
          title={t('quotes.empty')}
          description={t('quotes.emptyHint')}
        />
      ) : isDesktop ? (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.col.no')}</Table.Th>
              <Table.Th>{t('quotes.col.status')}</Table.Th>
              <Table.Th>{t('quotes.field.customer')}</Table.Th>
              <Table.Th>{t('quotes.field.subject')}</Table.Th>
              <Table.Th ta="right">{t('quotes.col.total')}</Table.Th>
              <Table.Th>{t('quotes.col.issued')}</Table.Th>
              <Table.Th>{t('quotes.field.validUntil')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="quote-row">
                <Table.Td ff="monospace">
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/quotes/$quoteId" params={{ quoteId: item.id }} />
                    )}
                  >
                    {item.quoteNo}
                    {item.revision > 1 ? `-${item.revision}` : ''}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <QuoteStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.customer.name}</Table.Td>
                <Table.Td>{item.subject}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatYen(item.total, lang)}
                </Table.Td>
                <Table.Td>{formatDate(item.issuedAt, lang)}</Table.Td>
                <Table.Td>{item.validUntil ? formatDate(`${item.validUntil}T03:00:00Z`, lang) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap={6}>
          {items.map((item) => (
            <Paper
              key={item.id}
              withBorder
              p="sm"
              data-testid="quote-row"
              renderRoot={(props) => <Link {...props} to="/quotes/$quoteId" params={{ quoteId: item.id }} />}
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <Group justify="space-between" wrap="nowrap">
                <QuoteStatusBadge status={item.status} />
                <Text fw={700} ff="monospace">
                  {formatYen(item.total, lang)}
                </Text>
              </Group>
              <Text fw={600} size="sm" mt={4}>
                {item.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {item.quoteNo} · {item.customer.name}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
