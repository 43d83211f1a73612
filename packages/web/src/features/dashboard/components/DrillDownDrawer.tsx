import type { KpiRecord, KpiRecordKind } from '@kayoi/server/contracts';
import { Anchor, Badge, Button, Drawer, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { dayBefore } from '../../forms/utils/form-filters.ts';
import { getKpiRecords, type KpiSelection, kpiKeys } from '../api/dashboard-api.ts';

export interface DrillTarget {
  kpi: KpiRecordKind;
  label: string;
  selection: KpiSelection;
}

function RecordLine({ record, kpi }: { record: KpiRecord; kpi: KpiRecordKind }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const facts: string[] = [];
  if (record.date)
    facts.push(
      kpi === 'overdueCustomers' ? t('dashboard.drill.lastVisit', { date: record.date }) : record.date,
    );
  if (record.orderNo) facts.push(record.orderNo);
  if (record.orders !== null) facts.push(t('dashboard.drill.orders', { count: record.orders }));
  if (record.amountExclTax !== null)
    facts.push(t('dashboard.amountExclTax', { amount: formatYen(record.amountExclTax, lng) }));
  if (record.forms !== null && kpi === 'formsCollected')
    facts.push(t('dashboard.drill.forms', { count: record.forms }));
  if (record.satisfaction !== null)
    facts.push(t('dashboard.drill.satisfaction', { score: record.satisfaction }));
  if (record.dueDate) facts.push(t('dashboard.drill.due', { date: record.dueDate }));
  if (record.repName) facts.push(record.repName);
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="kpi-record">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor
            renderRoot={(props) => (
              <Link to="/customers/$customerId" params={{ customerId: record.customerId }} {...props} />
            )}
            fw={600}
            fz="sm"
          >
            {record.customerName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {record.customerCode} · {facts.join(' · ')}
          </Text>
        </Stack>
        {record.kept !== null && (
          <Badge color={record.kept ? 'teal' : 'red'} variant="light" style={{ flexShrink: 0 }}>
            {t(
              kpi === 'repeat'
                ? record.kept
                  ? 'dashboard.drill.repeated'
                  : 'dashboard.drill.notRepeated'
                : record.kept
                  ? 'dashboard.drill.retained'
                  : 'dashboard.drill.lost',
            )}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

/** The records behind a number: a side drawer on a desk, a bottom sheet on a phone. */
export function DrillDownDrawer({ target, onClose }: { target: DrillTarget | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const desktop = useIsDesktop();
  const query = useInfiniteQuery({
    queryKey: target ? kpiKeys.records(target.kpi, target.selection) : ['kpis', 'records', 'none'],
    queryFn: ({ pageParam, signal }) => getKpiRecords(target!.kpi, target!.selection, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: target !== null,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position={desktop ? 'right' : 'bottom'}
      size={desktop ? 'md' : '85%'}
      title={<Text fw={700}>{target?.label}</Text>}
      data-testid="kpi-drill"
    >
      {target && (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('dashboard.drill.period', { from: target.selection.from, to: target.selection.to })}
          </Text>
          {target.kpi === 'formsCollected' && (
            <Anchor
              size="sm"
              data-testid="kpi-drill-forms"
              renderRoot={(props) => (
                <Link
                  to="/forms"
                  search={{
                    from: target.selection.from,
                    to: dayBefore(target.selection.to),
                    ...(target.selection.scope === 'rep' && target.selection.scopeId
                      ? { repId: target.selection.scopeId }
                      : {}),
                  }}
                  {...props}
                />
              )}
            >
              {t('forms.openList')}
            </Anchor>
          )}
          {query.isPending && <Loader size="sm" />}
          {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
          {query.isSuccess && items.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('dashboard.drill.empty')}
            </Text>
          )}
          {query.isSuccess && items.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('dashboard.drill.shown', {
                count: items.length,
                n: formatNumber(items.length, i18n.language),
              })}
            </Text>
          )}
          {items.map((record) => (
            <RecordLine key={`${record.type}-${record.id}`} record={record} kpi={target.kpi} />
          ))}
          {query.hasNextPage && (
            <Button variant="light" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('dashboard.drill.more')}
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
