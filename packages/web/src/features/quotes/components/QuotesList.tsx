import { Anchor, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
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
  // 電子帳簿保存法: every revision is searchable by date, amount and customer.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [minTotal, setMinTotal] = useState('');
  const [maxTotal, setMaxTotal] = useState('');
  const [allRevisions, setAllRevisions] = useState(false);
  const [amounts] = useDebouncedValue({ minTotal, maxTotal }, 400);
  const yen = (text: string) => {
    const digits = text.normalize('NFKC').replace(/[,\s¥]/g, '');
    return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
  };
  const query = {
    status: status || undefined,
    q: debounced,
    from: from || undefined,
    to: to || undefined,
    minTotal: yen(amounts.minTotal),
    maxTotal: yen(amounts.maxTotal),
    allRevisions: allRevisions ? ('true' as const) : undefined,
  };
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
        {isDesktop && (
          <>
            <TextInput
              type="date"
              w={150}
              aria-label={t('quotes.filter.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <Text c="dimmed">〜</Text>
            <TextInput
              type="date"
              w={150}
              aria-label={t('quotes.filter.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            <TextInput
              w={110}
              inputMode="numeric"
              placeholder={t('quotes.filter.minTotal')}
              aria-label={t('quotes.filter.minTotal')}
              value={minTotal}
              onChange={(e) => setMinTotal(e.currentTarget.value)}
            />
            <TextInput
              w={110}
              inputMode="numeric"
              placeholder={t('quotes.filter.maxTotal')}
              aria-label={t('quotes.filter.maxTotal')}
              value={maxTotal}
              onChange={(e) => setMaxTotal(e.currentTarget.value)}
            />
            <Checkbox
              label={t('quotes.filter.allRevisions')}
              checked={allRevisions}
              onChange={(e) => setAllRevisions(e.currentTarget.checked)}
            />
          </>
        )}
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
