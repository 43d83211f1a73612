import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { type OrderStatus, orderStatuses } from '../../quotes/api/quote-types.ts';
import { listOrders, orderKeys } from '../api/orders-api.ts';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** 受注 list with a status filter. */
export function OrdersList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isDesktop = useIsDesktop();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const query = { status: status || undefined };
  const list = useInfiniteQuery({
    queryKey: orderKeys.list(query),
    queryFn: ({ signal, pageParam }) => listOrders({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('orders.statusFilter')}
        value={status}
        onChange={(v) => setStatus(v as OrderStatus | '')}
        data={[
          { value: '', label: t('common.all') },
          ...orderStatuses.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
        ]}
        style={{ overflowX: 'auto' }}
      />
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyPanel
          icon={<IconPackage size={28} />}
          title={t('orders.empty')}
          description={t('orders.emptyHint')}
        />
      ) : isDesktop ? (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.col.no')}</Table.Th>
              <Table.Th>{t('orders.col.status')}</Table.Th>
              <Table.Th>{t('orders.col.customer')}</Table.Th>
              <Table.Th ta="right">{t('orders.col.total')}</Table.Th>
              <Table.Th>{t('orders.col.orderedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="order-row">
                <Table.Td ff="monospace">
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/orders/$orderId" params={{ orderId: item.id }} />
                    )}
                  >
                    {item.orderNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <OrderStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.customer.name}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatYen(item.total, lang)}
                </Table.Td>
                <Table.Td>{formatDate(item.orderedAt, lang)}</Table.Td>
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
              data-testid="order-row"
              renderRoot={(props) => <Link {...props} to="/orders/$orderId" params={{ orderId: item.id }} />}
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <Group justify="space-between" wrap="nowrap">
                <OrderStatusBadge status={item.status} />
                <Text fw={700} ff="monospace">
                  {formatYen(item.total, lang)}
                </Text>
              </Group>
              <Text size="sm" mt={4}>
                {item.customer.name}
              </Text>
              <Text size="xs" c="dimmed">
                {item.orderNo} · {formatDate(item.orderedAt, lang)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
