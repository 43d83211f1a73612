import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import type { Customer, CustomerFigures } from '../api/customer-types.ts';
import { useCustomerFigures } from '../hooks/useCustomer.ts';

type Period = CustomerFigures['periods'][number]['period'];
const PERIODS: readonly Period[] = ['12m', 'fy', 'all'];

function Stat({ label, note, children }: { label: string; note: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text
        fw={700}
        fz={{ base: 'lg', sm: 'xl' }}
        className="tabular"
        mt={2}
        style={{ whiteSpace: 'nowrap' }}
      >
        {children}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {note}
      </Text>
    </Paper>
  );
}

/** 2025/12/02〜2026/12/01 (all time: from the first order). */
function periodRange(figures: CustomerFigures['periods'][number], lang: string) {
  const to = formatDate(`${figures.toDate}T12:00:00+09:00`, lang);
  if (!figures.fromDate) return to;
  return `${formatDate(`${figures.fromDate}T12:00:00+09:00`, lang)}〜${to}`;
}

/**
 * Key figures for the visit, for one period at a time (last 12 months, this fiscal year, all
 * time): every card says its period and whether it is tax-excluded or tax-included. The last
 * order does not depend on the period and says so.
 */
export function CustomerStats({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [period, setPeriod] = useState<Period>('12m');
  const query = useCustomerFigures(customer.id);
  const periodLabel = (p: Period) =>
    p === 'fy'
      ? t('customer.figures.periods.fy', { month: query.data?.fiscalYearStartMonth ?? 4 })
      : t(`customer.figures.periods.${p}`);

  let cards: ReactNode;
  if (query.isPending) {
    cards = [0, 1, 2, 3].map((i) => <Skeleton key={i} height={86} radius="md" />);
  } else if (query.isError) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />
    );
  } else {
    const f = query.data.periods.find((p) => p.period === period) ?? query.data.periods[0];
    const name = f ? t(`customer.figures.short.${f.period}`) : '';
    cards = f && (
      <>
        <Stat
          label={t('customer.figures.revenueExcl')}
          note={
            <>
              {name}
              <br />
              <span style={{ whiteSpace: 'nowrap' }}>
                {t('customer.figures.inclNote', { amount: formatYen(f.revenueInclTax, lang) })}
              </span>
            </>
          }
        >
          {formatYen(f.revenueExclTax, lang)}
        </Stat>
        <Stat label={t('customer.figures.orderCount')} note={name}>
          {t('customer.figures.orders', { count: f.orderCount, formatted: formatNumber(f.orderCount, lang) })}
        </Stat>
        <Stat label={t('customer.figures.averageExcl')} note={name}>
          {formatYen(f.averageOrderExclTax, lang)}
        </Stat>
        <Stat label={t('customer.stats.lastOrder')} note={t('customer.figures.anyPeriod')}>
          <RelativeDate value={customer.stats.lastOrderAt ?? customer.lastOrderAt} inherit />
        </Stat>
      </>
    );
  }
  const selected = query.data?.periods.find((p) => p.period === period);
  return (
    <Stack gap="xs" data-testid="customer-figures">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(value) => setPeriod(value as Period)}
          data={PERIODS.map((p) => ({ value: p, label: periodLabel(p) }))}
          aria-label={t('customer.figures.period')}
        />
        {selected && (
          <Text size="xs" c="dimmed" className="tabular">
            {t('customer.figures.basis', { range: periodRange(selected, lang) })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {cards}
      </SimpleGrid>
      {query.data && <UsuallyBuys figures={query.data} />}
    </Stack>
  );
}

/** いつもの注文: what the customer buys again and again, how much and how often. */
function UsuallyBuys({ figures }: { figures: CustomerFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isDesktop = useIsDesktop();
  if (figures.usuallyBuys.length === 0) return null;
  const every = (days: number | null) =>
    days === null ? '—' : t('customer.figures.usual.every', { count: days });
  return (
    <Paper withBorder p="sm" data-testid="usually-buys">
      <Group justify="space-between" align="baseline" gap="xs" mb={4}>
        <Title order={2} fz="sm">
          {t('customer.figures.usual.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('customer.figures.usual.from', { count: figures.usualFromOrders })}
        </Text>
      </Group>
      {!isDesktop ? (
        <Stack gap={6} mt={4}>
          {figures.usuallyBuys.map((p) => (
            <div key={p.productCode}>
              <Text size="sm">
                {p.productName}
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('customer.figures.usual.inOrders', { count: p.orders })}
                </Text>
              </Text>
              <Text size="xs" c="dimmed" className="tabular">
                {formatNumber(p.usualQuantity, lang)}
                {p.unit}・{every(p.intervalDays)}・{t('customer.figures.usual.last')}{' '}
                {formatDate(p.lastOrderedAt, lang)}
              </Text>
            </div>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.orders.product')}</Table.Th>
                <Table.Th ta="right">{t('customer.figures.usual.quantity')}</Table.Th>
                <Table.Th ta="right">{t('customer.figures.usual.interval')}</Table.Th>
                <Table.Th ta="right">{t('customer.figures.usual.last')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody className="tabular">
              {figures.usuallyBuys.map((p) => (
                <Table.Tr key={p.productCode}>
                  <Table.Td>
                    {p.productName}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('customer.figures.usual.inOrders', { count: p.orders })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatNumber(p.usualQuantity, lang)}
                    {p.unit}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.intervalDays === null
                      ? '—'
                      : t('customer.figures.usual.every', { count: p.intervalDays })}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(p.lastOrderedAt, lang)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
