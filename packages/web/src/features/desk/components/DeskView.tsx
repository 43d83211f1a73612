import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useReps } from '../../customers/hooks/useReferenceData.ts';
import { bulkOrderStatus, listOrders, orderExportUrl, orderKeys } from '../../orders/api/orders-api.ts';
import { OrderStatusBadge } from '../../orders/components/OrderStatusBadge.tsx';
import type { OrderSummary, QuoteSummary } from '../../quotes/api/quote-types.ts';
import { listQuotes, quoteExportUrl, quoteKeys } from '../../quotes/api/quotes-api.ts';
import { CustomerPicker } from '../../quotes/components/CustomerPicker.tsx';
import { QuoteStatusBadge } from '../../quotes/components/QuoteStatusBadge.tsx';
import { deskKeys, getDesk } from '../api/desk-api.ts';
import {
  bucketOrderStatus,
  type DeskBucket,
  type DeskFilters,
  deskBuckets,
  deskQuery,
  isOrderBucket,
} from '../utils/desk-filters.ts';

const bucketColor: Record<DeskBucket, string> = {
  toSend: 'gray',
  expiring: 'orange',
  toArrange: 'blue',
  toDeliver: 'grape',
  toInvoice: 'teal',
};

/** 営業事務's desk: what needs action, with counts; filters in the URL; bulk status changes; CSV export. */
export function DeskView({ filters }: { filters: DeskFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const reps = useReps(me.user.role !== 'rep');
  const bucket = filters.bucket ?? 'toSend';
  const [customerName, setCustomerName] = useState('');
  const setFilters = (patch: Partial<DeskFilters>) =>
    void navigate({
      to: '/desk',
      search: (previous: DeskFilters) =>
        Object.fromEntries(
          Object.entries({ ...previous, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
        ) as DeskFilters,
      replace: true,
    });
  const desk = useQuery({
    queryKey: deskKeys.summary({ ...filters, bucket: undefined }),
    queryFn: ({ signal }) => getDesk({ ...filters, bucket: undefined }, signal),
  });
  const query = deskQuery(filters);
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('desk.title')}
        subtitle={t('desk.subtitle')}
        actions={
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />}>
                {t('desk.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('desk.exportQuotes')}</Menu.Label>
              <Menu.Item component="a" href={quoteExportUrl(query, 'utf8')} download>
                UTF-8
              </Menu.Item>
              <Menu.Item component="a" href={quoteExportUrl(query, 'sjis')} download>
                Shift_JIS
              </Menu.Item>
              <Menu.Label>{t('desk.exportOrders')}</Menu.Label>
              <Menu.Item component="a" href={orderExportUrl(query, 'utf8')} download>
                UTF-8
              </Menu.Item>
              <Menu.Item component="a" href={orderExportUrl(query, 'sjis')} download>
                Shift_JIS
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        }
      />
      <Group gap="xs" wrap="wrap" align="flex-end">
        {me.user.role !== 'rep' && (
          <Select
            w={180}
            label={t('desk.filter.rep')}
            clearable
            placeholder={t('desk.filter.everyone')}
            value={filters.repId ?? null}
            onChange={(v) => setFilters({ repId: v ?? undefined })}
            data={(reps.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        <TextInput
          type="date"
          label={t('desk.filter.from')}
          value={filters.from ?? ''}
          onChange={(e) => setFilters({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('desk.filter.to')}
          value={filters.to ?? ''}
          onChange={(e) => setFilters({ to: e.currentTarget.value || undefined })}
        />
        <div style={{ width: 240 }}>
          <CustomerPicker
            label={t('desk.filter.customer')}
            required={false}
            value={filters.customerId ?? ''}
            name={customerName}
            onChange={(id, name) => {
              setCustomerName(name);
              setFilters({ customerId: id || undefined });
            }}
          />
        </div>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="desk-buckets">
        {deskBuckets.map((b) => (
          <UnstyledButton
            key={b}
            onClick={() => setFilters({ bucket: b })}
            aria-pressed={b === bucket}
            data-testid={`desk-bucket-${b}`}
          >
            <Paper
              withBorder
              p="sm"
              style={{
                borderColor: b === bucket ? `var(--mantine-color-${bucketColor[b]}-6)` : undefined,
                borderWidth: b === bucket ? 2 : undefined,
              }}
            >
              <Text size="sm" c="dimmed">
                {t(`desk.bucket.${b}`)}
              </Text>
              <Text fz={28} fw={700} c={bucketColor[b]} data-testid="desk-count">
                {desk.data ? desk.data.counts[b] : '…'}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {desk.isError && <ErrorState error={desk.error} onRetry={() => void desk.refetch()} />}
      {isOrderBucket(bucket) ? (
        <OrderBucket key={bucket} bucket={bucket} filters={filters} />
      ) : (
        <QuoteBucket bucket={bucket} filters={filters} expiring={desk.data?.quotes.expiring} />
      )}
    </Stack>
  );
}

function QuoteBucket({
  bucket,
  filters,
  expiring,
}: {
  bucket: 'toSend' | 'expiring';
  filters: DeskFilters;
  expiring?: QuoteSummary[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = { ...deskQuery(filters), status: 'draft' as const };
  const drafts = useQuery({
    queryKey: quoteKeys.list(query),
    queryFn: ({ signal }) => listQuotes(query, signal),
    enabled: bucket === 'toSend',
  });
  const items = bucket === 'expiring' ? expiring : drafts.data?.items;
  if (!items) return <ListSkeleton />;
  if (items.length === 0) return <Text c="dimmed">{t('desk.nothing')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover withTableBorder data-testid="desk-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quotes.col.no')}</Table.Th>
            <Table.Th>{t('quotes.col.status')}</Table.Th>
            <Table.Th>{t('quotes.field.customer')}</Table.Th>
            <Table.Th>{t('quotes.field.subject')}</Table.Th>
            <Table.Th ta="right">{t('quotes.col.total')}</Table.Th>
            <Table.Th>{t('quotes.field.validUntil')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="desk-row">
              <Table.Td ff="monospace">
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/quotes/$quoteId" params={{ quoteId: item.id }} />
                  )}
                >
                  {item.quoteNo}
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
              <Table.Td>{item.validUntil ? formatDate(`${item.validUntil}T03:00:00Z`, lang) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OrderBucket({ bucket, filters }: { bucket: keyof typeof bucketOrderStatus; filters: DeskFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const { list: status, next } = bucketOrderStatus[bucket];
  const query = { ...deskQuery(filters), status, limit: 100 };
  const orders = useQuery({
    queryKey: orderKeys.list(query),
    queryFn: ({ signal }) => listOrders(query, signal),
  });
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const bulk = useMutation({
    mutationFn: (ids: string[]) => bulkOrderStatus(ids, next),
    onSuccess: (_result, ids) => {
      notifications.show({
        color: 'teal',
        message: t('desk.bulkDone', { count: ids.length, status: t(`orders.status.${next}`) }),
      });
      setChecked(new Set());
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void queryClient.invalidateQueries({ queryKey: deskKeys.all });
    },
  });
  if (orders.isPending) return <ListSkeleton />;
  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;
  const items: OrderSummary[] = orders.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('desk.nothing')}</Text>;
  const all = items.length > 0 && items.every((o) => checked.has(o.id));
  const toggle = (id: string) =>
    setChecked((current) => {
      const copy = new Set(current);
      if (copy.has(id)) copy.delete(id);
      else copy.add(id);
      return copy;
    });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          disabled={checked.size === 0}
          loading={bulk.isPending}
          onClick={() => bulk.mutate([...checked])}
          data-testid="desk-bulk"
        >
          {t('desk.bulk', { count: checked.size, status: t(`orders.status.${next}`) })}
        </Button>
        {bulk.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(bulk.error, t)}
          </Text>
        )}
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover withTableBorder data-testid="desk-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('desk.checkAll')}
                  checked={all}
                  indeterminate={!all && checked.size > 0}
                  onChange={() => setChecked(all ? new Set() : new Set(items.map((o) => o.id)))}
                />
              </Table.Th>
              <Table.Th>{t('orders.col.no')}</Table.Th>
              <Table.Th>{t('orders.col.status')}</Table.Th>
              <Table.Th>{t('orders.col.customer')}</Table.Th>
              <Table.Th ta="right">{t('orders.col.total')}</Table.Th>
              <Table.Th>{t('orders.col.orderedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr
                key={item.id}
                data-testid="desk-row"
                bg={checked.has(item.id) ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t('desk.check', { no: item.orderNo })}
                    checked={checked.has(item.id)}
                    onChange={() => toggle(item.id)}
                  />
                </Table.Td>
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
      </Table.ScrollContainer>
    </Stack>
  );
}
