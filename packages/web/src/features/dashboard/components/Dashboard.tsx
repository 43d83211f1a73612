import type { KpiRecordKind, KpiScopeChoices, KpiTrend } from '@kayoi/server/contracts';
import { Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconHeartbeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokyoDateKey } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import {
  getKpiScopes,
  getKpis,
  getKpisByRep,
  getKpiTrend,
  type KpiSelection,
  kpiCsvUrl,
  kpiKeys,
} from '../api/dashboard-api.ts';
import {
  type DashboardSearch,
  type PeriodPreset,
  parseDashboardSearch,
  periodPresets,
  presetPeriod,
  trendRange,
} from '../utils/dashboard-search.ts';
import { type FigureKind, formatFigure } from '../utils/kpi-format.ts';
import { DrillDownDrawer, type DrillTarget } from './DrillDownDrawer.tsx';
import { ActivityStrip, KpiCards } from './KpiCards.tsx';
import { RepTable } from './RepTable.tsx';
import { TeamPlaces } from './TeamPlaces.tsx';
import { TrendChart } from './TrendChart.tsx';

const trendMetrics: {
  key: keyof KpiTrend['buckets'][number];
  labelKey: string;
  kind: FigureKind;
  chart: 'bar' | 'line';
}[] = [
  { key: 'ordersWon', labelKey: 'dashboard.kpi.ordersWon', kind: 'count', chart: 'bar' },
  { key: 'ordersWonAmountExclTax', labelKey: 'dashboard.table.amount', kind: 'yen', chart: 'bar' },
  { key: 'formsCollected', labelKey: 'dashboard.kpi.formsCollected', kind: 'count', chart: 'bar' },
  { key: 'activeCustomers', labelKey: 'dashboard.kpi.activeCustomers', kind: 'count', chart: 'bar' },
  {
    key: 'revenuePerCustomerExclTax',
    labelKey: 'dashboard.kpi.revenuePerCustomer',
    kind: 'yen',
    chart: 'line',
  },
  { key: 'satisfactionMean', labelKey: 'dashboard.kpi.satisfaction', kind: 'score', chart: 'line' },
];

function ScopePicker({
  choices,
  search,
  onChange,
}: {
  choices: KpiScopeChoices;
  search: DashboardSearch;
  onChange(scope: string, scopeId: string | undefined): void;
}) {
  const { t } = useTranslation();
  const scope = search.scope ?? choices.defaultScope;
  const options = (() => {
    switch (scope) {
      case 'team':
        return choices.teams.map((c) => ({ value: c.id, label: c.name }));
      case 'rep':
        return choices.reps.map((c) => ({ value: c.id, label: c.name }));
      case 'area':
        return choices.areas.map((c) => ({ value: c.id, label: c.name }));
      case 'rank':
        return choices.ranks.map((r) => ({ value: r, label: t('dashboard.rank', { rank: r }) }));
      default:
        return [];
    }
  })();
  return (
    <>
      <Select
        label={t('dashboard.scope.label')}
        data={choices.scopes.map((s) => ({ value: s, label: t(`dashboard.scope.${s}`) }))}
        value={scope}
        allowDeselect={false}
        onChange={(value) => value && onChange(value, undefined)}
        w={150}
        data-testid="kpi-scope"
      />
      {options.length > 0 && (
        <Select
          label={t(`dashboard.scope.${scope}`)}
          data={options}
          value={search.scopeId ?? (scope === 'team' ? (options[0]?.value ?? null) : null)}
          placeholder={t('dashboard.scope.choose')}
          searchable
          allowDeselect={false}
          onChange={(value) => value && onChange(scope, value)}
          w={200}
          data-testid="kpi-scope-id"
        />
      )}
    </>
  );
}

/**
 * The manager's dashboard (docs/kpi.md): the six KPIs with their change against the previous
 * period and last year, activity, the trend by week or month, the table by rep and a drill-down
 * from any number; period and scope live in the URL. A rep sees their own figures and their
 * place in the team.
 */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const search = parseDashboardSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const [metric, setMetric] = useState<string>('ordersWon');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const isRep = me.user.role === 'rep';
  const today = tokyoDateKey(new Date());
  const period =
    search.period === 'custom' ? { from: search.from!, to: search.to! } : presetPeriod(search.period, today);
  const needsId =
    search.scope !== undefined &&
    search.scope !== 'tenant' &&
    search.scopeId === undefined &&
    search.scope !== 'team';
  const selection: KpiSelection = {
    ...period,
    ...(search.scope && { scope: search.scope }),
    ...(search.scopeId && { scopeId: search.scopeId }),
  };

  const setSearch = (patch: Partial<DashboardSearch>) => {
    const next = { ...search, ...patch };
    navigate({
      search: {
        period: next.period === 'custom' ? undefined : next.period,
        from: next.period === 'custom' ? next.from : undefined,
        to: next.period === 'custom' ? next.to : undefined,
        scope: next.scope,
        scopeId: next.scopeId,
        grain: next.grain === 'month' ? undefined : next.grain,
      } as never,
      replace: true,
    });
  };

  const scopes = useQuery({
    queryKey: kpiKeys.scopes,
    queryFn: ({ signal }) => getKpiScopes(signal),
    enabled: !isRep,
  });
  const report = useQuery({
    queryKey: kpiKeys.report(selection),
    queryFn: ({ signal }) => getKpis(selection, signal),
    enabled: !needsId,
  });
  const trendSelection = { ...selection, ...trendRange(period.to, search.grain) };
  const trend = useQuery({
    queryKey: kpiKeys.trend(trendSelection, search.grain),
    queryFn: ({ signal }) => getKpiTrend(trendSelection, search.grain, signal),
    enabled: !needsId,
  });
  const byRep = useQuery({
    queryKey: kpiKeys.byRep(selection),
    queryFn: ({ signal }) => getKpisByRep(selection, signal),
    enabled: !needsId,
  });

  const metricSpec = trendMetrics.find((m) => m.key === metric) ?? trendMetrics[0]!;
  const lng = i18n.language;
  const chartLabels = useMemo(
    () =>
      (trend.data?.buckets ?? []).map((b) => {
        const [y, m, d] = b.from.split('-');
        return search.grain === 'month'
          ? lng === 'en'
            ? `${y}-${m}`
            : `${Number(m)}月`
          : `${Number(m)}/${Number(d)}`;
      }),
    [trend.data, search.grain, lng],
  );
  const chartValues = useMemo(
    () => (trend.data?.buckets ?? []).map((b) => b[metricSpec.key] as number | null),
    [trend.data, metricSpec.key],
  );
  const formatMetric = useMemo(
    () => (value: number | null) => formatFigure(value, metricSpec.kind, lng),
    [metricSpec.kind, lng],
  );

  const openDrill = (kpi: KpiRecordKind, label: string, repId?: string) =>
    setDrill({
      kpi,
      label,
      selection: repId ? { from: period.from, to: period.to, scope: 'rep', scopeId: repId } : selection,
    });
  const ownRow = isRep ? byRep.data?.rows[0] : undefined;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          report.data
            ? t('dashboard.subtitle', {
                scope: report.data.scope.label,
                from: period.from,
                to: report.data.periods.current.to,
                last: lastDay(period.to),
              })
            : undefined
        }
        actions={
          <Group gap="xs">
            <Button
              component={Link}
              to="/health"
              variant="light"
              color="red"
              leftSection={<IconHeartbeat size={16} />}
              data-testid="open-at-risk"
            >
              {t('health.openList')}
            </Button>
            <Button
              component="a"
              href={kpiCsvUrl(selection)}
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid="kpi-csv"
            >
              {t('dashboard.csv')}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('dashboard.period.label')}
            data={[
              ...periodPresets.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) })),
              ...(search.period === 'custom'
                ? [{ value: 'custom', label: `${period.from} – ${lastDay(period.to)}` }]
                : []),
            ]}
            value={search.period}
            allowDeselect={false}
            onChange={(value) =>
              value &&
              value !== 'custom' &&
              setSearch({ period: value as PeriodPreset, from: undefined, to: undefined })
            }
            w={170}
            data-testid="kpi-period"
          />
          {!isRep && scopes.data && (
            <ScopePicker
              choices={scopes.data}
              search={search}
              onChange={(scope, scopeId) => setSearch({ scope, scopeId })}
            />
          )}
        </Group>

        {needsId && (
          <Text c="dimmed" size="sm">
            {t('dashboard.scope.choose')}
          </Text>
        )}
        {report.isError && <ErrorState error={report.error} onRetry={() => report.refetch()} />}
        {report.isPending && !needsId && <Skeleton height={320} radius="md" />}
        {report.data && (
          <>
            <KpiCards report={report.data} onDrill={(kpi, label) => openDrill(kpi, label)} />
            <ActivityStrip report={report.data} onDrill={(kpi, label) => openDrill(kpi, label)} />
          </>
        )}
        {ownRow && <TeamPlaces row={ownRow} />}

        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
            <Title order={2} fz="md">
              {t('dashboard.trend.title')}
            </Title>
            <Group gap="xs" wrap="wrap">
              <Select
                aria-label={t('dashboard.trend.metric')}
                data={trendMetrics.map((m) => ({ value: m.key, label: t(m.labelKey) }))}
                value={metricSpec.key}
                allowDeselect={false}
                onChange={(value) => value && setMetric(value)}
                w={160}
                size="xs"
              />
              <SegmentedControl
                size="xs"
                value={search.grain}
                onChange={(value) => setSearch({ grain: value as 'week' | 'month' })}
                data={[
                  { value: 'week', label: t('dashboard.trend.week') },
                  { value: 'month', label: t('dashboard.trend.month') },
                ]}
                data-testid="kpi-grain"
              />
            </Group>
          </Group>
          {trend.isError && <ErrorState error={trend.error} onRetry={() => trend.refetch()} />}
          {trend.data ? (
            <TrendChart
              labels={chartLabels}
              values={chartValues}
              kind={metricSpec.chart}
              format={formatMetric}
              ariaLabel={t('dashboard.trend.aria', { metric: t(metricSpec.labelKey) })}
            />
          ) : (
            !trend.isError && <Skeleton height={240} />
          )}
        </Paper>

        {!isRep && (
          <Stack gap="xs">
            <Title order={2} fz="md">
              {t('dashboard.table.title')}
            </Title>
            {byRep.isError && <ErrorState error={byRep.error} onRetry={() => byRep.refetch()} />}
            {byRep.data ? (
              <RepTable
                data={byRep.data}
                onDrill={(kpi, label, repId) => openDrill(kpi, label, repId)}
                onOpenRep={(repId) => setSearch({ scope: 'rep', scopeId: repId })}
              />
            ) : (
              !byRep.isError && !needsId && <Skeleton height={200} />
            )}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('dashboard.footnote')}
        </Text>
      </Stack>
      <DrillDownDrawer target={drill} onClose={() => setDrill(null)} />
    </>
  );
}

/** The last day of `[from, to)`. */
function lastDay(to: string): string {
  const date = new Date(`${to}T00:00:00Z`);
  return new Date(date.getTime() - 86_400_000).toISOString().slice(0, 10);
}
