import { type OrderStatus, orderStatusLabels } from '@kayoi/server/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Collapse,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconReceipt } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatYen } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import type { Order } from '../api/customer-types.ts';
import { useCustomerOrders } from '../hooks/useCustomer.ts';

/** A price never breaks inside its digits (¥37,00 / 0). */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const ORDER_STATUS_COLORS: Record<string, string> = {
  ordered: 'blue',
  arranged: 'indigo',
  delivered: 'teal',
  invoiced: 'green',
  cancelled: 'gray',
};

function OrderStatusBadge({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  // The order statuses' own labels (受注 / 手配済 / 納品済 / 請求済 / キャンセル) unless the page names one.
  const label = orderStatusLabels[status as OrderStatus]?.[i18n.language === 'en' ? 'en' : 'ja'] ?? status;
  return (
    <Badge variant="light" color={ORDER_STATUS_COLORS[status] ?? 'gray'} radius="sm">
      {t(`customer.orders.statusValues.${status}`, { defaultValue: label })}
    </Badge>
  );
}

function OrderLines({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table fz="xs" verticalSpacing={4} withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customer.orders.product')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.quantity')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.taxRate')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className="tabular">
          {order.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
            <Table.Tr key={index}>
              <Table.Td>
                <Text size="xs">{line.productName}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {line.productCode}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {formatNumber(line.quantity, lang)}
                {line.unit}
              </Table.Td>
              <Table.Td ta="right" style={NO_WRAP}>
                {formatYen(line.unitPrice, lang)}
              </Table.Td>
              <Table.Td ta="right">
                {line.taxRate}%{line.taxRate === 8 ? ` ${t('customer.orders.reducedRate')}` : ''}
              </Table.Td>
              <Table.Td ta="right" style={NO_WRAP}>
                {formatYen(line.amount, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OrdersTable({ orders }: { orders: Order[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>{t('customer.orders.orderedAt')}</Table.Th>
            <Table.Th>{t('customer.orders.orderNo')}</Table.Th>
            <Table.Th>{t('customer.orders.status')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.subtotalExcl')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.tax')}</Table.Th>
            <Table.Th ta="right">{t('customer.orders.totalIncl')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody className="tabular">
          {orders.map((order) => {
            const open = openId === order.id;
            return (
              <Fragment key={order.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={open}
                      aria-label={`${open ? t('customer.orders.hideLines') : t('customer.orders.showLines')}: ${order.orderNo}`}
                      onClick={() => setOpenId(open ? null : order.id)}
                    >
                      {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>{formatDate(order.orderedAt, lang)}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {order.orderNo}
                  </Table.Td>
                  <Table.Td>
                    <OrderStatusBadge status={order.status} />
                  </Table.Td>
                  <Table.Td ta="right" style={NO_WRAP}>
                    {formatYen(order.subtotal, lang)}
                  </Table.Td>
                  <Table.Td ta="right" style={NO_WRAP}>
                    {formatYen(order.tax, lang)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatYen(order.total, lang)}
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={6} bg="var(--mantine-color-gray-light)">
                      <OrderLines order={order} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OrderCard({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="sm">
      <Group
        justify="space-between"
        wrap="nowrap"
        onClick={() => setOpen(!open)}
        style={{ cursor: 'pointer' }}
        role="button"
        tabIndex={0}
        aria-expanded={open}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setOpen(!open);
          }
        }}
      >
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {formatDate(order.orderedAt, lang)}
          </Text>
          <Text size="xs" c="dimmed">
            {order.orderNo} ・ {t('customer.orders.items', { count: order.lines.length })}
          </Text>
          {order.status === 'cancelled' && <OrderStatusBadge status={order.status} />}
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Text fw={700} className="tabular">
            {formatYen(order.total, lang)}
          </Text>
          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
        </Group>
      </Group>
      <Collapse expanded={open}>
        <Stack gap={6} mt="sm">
          {order.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
            <Group key={index} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text size="xs" style={{ minWidth: 0 }}>
                {line.productName}
                <Text span size="xs" c="dimmed">
                  {' '}
                  × {formatNumber(line.quantity, lang)}
                  {line.unit}
                  {line.taxRate === 8 ? ` (${t('customer.orders.reducedRate')})` : ''}
                </Text>
              </Text>
              <Text size="xs" className="tabular" style={{ ...NO_WRAP, flexShrink: 0 }}>
                {formatYen(line.amount, lang)}
              </Text>
            </Group>
          ))}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('customer.orders.tax')}
            </Text>
            <Text size="xs" className="tabular">
              {formatYen(order.tax, lang)}
            </Text>
          </Group>
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** Purchase history with each order's lines: a table on desks, cards on phones. */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const isDesktop = useIsDesktop();
  const orders = useCustomerOrders(customerId);
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];

  let body: React.ReactNode;
  if (orders.isPending) {
    body = (
      <Stack gap="xs" aria-busy="true">
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  } else if (orders.isError) {
    body = (
      <ErrorState error={orders.error} onRetry={() => void orders.refetch()} retrying={orders.isRefetching} />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyPanel
        icon={<IconReceipt size={28} />}
        title={t('customer.orders.emptyTitle')}
        description={t('customer.orders.emptyBody')}
        bare
      />
    );
  } else if (isDesktop) {
    body = <OrdersTable orders={items} />;
  } else {
    body = (
      <Stack gap="xs">
        {items.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={2} fz="md">
          {t('customer.orders.title')}
        </Title>
        {items.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="orders-count">
            {orders.hasNextPage
              ? t('customer.orders.shownMore', { count: items.length })
              : t('customer.orders.shownAll', { count: items.length })}
            {isDesktop ? '' : ` ・ ${t('customer.orders.cardBasis')}`}
          </Text>
        )}
      </Group>
      {body}
      {orders.isFetchNextPageError && (
        <ErrorState error={orders.error} onRetry={() => void orders.fetchNextPage()} />
      )}
      {orders.hasNextPage && (
        <Center mt="sm">
          <Button
            variant="default"
            onClick={() => void orders.fetchNextPage()}
            loading={orders.isFetchingNextPage}
            fullWidth={!isDesktop}
          >
            {t('customer.orders.loadOlder')}
          </Button>
        </Center>
      )}
    </Paper>
  );
}
