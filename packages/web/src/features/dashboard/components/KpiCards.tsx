import type { KpiFigures, KpiRecordKind, KpiReport } from '@kayoi/server/contracts';
import { Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeOf, type FigureKey, type FigureKind, formatFigure } from '../utils/kpi-format.ts';

interface CardSpec {
  key: FigureKey;
  labelKey: string;
  kind: FigureKind;
  drill: KpiRecordKind;
  /** A second figure under the main one. */
  sub?: (f: KpiFigures, language: string, t: (key: string, o?: Record<string, unknown>) => string) => string;
  /** A second figure with its own drill-down (継続率 → リピート率). */
  second?: { key: FigureKey; labelKey: string; kind: FigureKind; drill: KpiRecordKind };
}

/** The six KPIs of docs/kpi.md, in the order managers read them. */
export const kpiCards: readonly CardSpec[] = [
  {
    key: 'ordersWon',
    labelKey: 'dashboard.kpi.ordersWon',
    kind: 'count',
    drill: 'ordersWon',
    sub: (f, lng, t) =>
      t('dashboard.amountExclTax', { amount: formatFigure(f.ordersWonAmountExclTax, 'yen', lng) }),
  },
  { key: 'formsCollected', labelKey: 'dashboard.kpi.formsCollected', kind: 'count', drill: 'formsCollected' },
  {
    key: 'retentionRate',
    labelKey: 'dashboard.kpi.retentionRate',
    kind: 'rate',
    drill: 'retention',
    second: { key: 'repeatRate', labelKey: 'dashboard.kpi.repeatRate', kind: 'rate', drill: 'repeat' },
  },
  {
    key: 'revenuePerCustomerExclTax',
    labelKey: 'dashboard.kpi.revenuePerCustomer',
    kind: 'yen',
    drill: 'revenuePerCustomer',
    sub: (_f, _lng, t) => t('dashboard.exclTax'),
  },
  {
    key: 'activeCustomers',
    labelKey: 'dashboard.kpi.activeCustomers',
    kind: 'count',
    drill: 'activeCustomers',
  },
  {
    key: 'satisfactionMean',
    labelKey: 'dashboard.kpi.satisfaction',
    kind: 'score',
    drill: 'satisfaction',
    sub: (f, _lng, t) => t('dashboard.answers', { count: f.satisfactionAnswers }),
  },
];

function Change({
  label,
  current,
  base,
  kind,
}: {
  label: string;
  current: number | null;
  base: number | null | undefined;
  kind: FigureKind;
}) {
  const change = changeOf(current, base, kind);
  const color = !change || change.sign === 0 ? 'dimmed' : change.sign > 0 ? 'teal.7' : 'red.7';
  return (
    <Text size="xs" c={color} data-testid="kpi-change">
      {label} {change ? change.text : '—'}
    </Text>
  );
}

interface KpiCardsProps {
  report: KpiReport;
  onDrill(kpi: KpiRecordKind, label: string): void;
}

/** The six KPI cards, each with its change against the previous period and last year; a tap opens its records. */
export function KpiCards({ report, onDrill }: KpiCardsProps) {
  const { t, i18n } = useTranslation();
  const { current, previous, lastYear } = report.figures;
  const lng = i18n.language;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
      {kpiCards.map((card) => (
        <Paper key={card.key} withBorder radius="md" p="md" data-testid={`kpi-card-${card.key}`}>
          <Stack gap={6}>
            <Text size="sm" fw={600} c="dimmed">
              {t(card.labelKey)}
            </Text>
            <Group gap="lg" align="flex-end" wrap="nowrap">
              <UnstyledButton
                onClick={() => onDrill(card.drill, t(card.labelKey))}
                aria-label={t('dashboard.openRecords', { name: t(card.labelKey) })}
              >
                <Text
                  fz={30}
                  fw={700}
                  lh={1.1}
                  data-testid="kpi-value"
                  td="underline dotted"
                  style={{ textUnderlineOffset: 6 }}
                >
                  {formatFigure(current[card.key], card.kind, lng)}
                </Text>
              </UnstyledButton>
              {card.second && (
                <UnstyledButton onClick={() => onDrill(card.second!.drill, t(card.second!.labelKey))}>
                  <Text size="xs" c="dimmed">
                    {t(card.second.labelKey)}
                  </Text>
                  <Text fz={20} fw={600} lh={1.1} td="underline dotted" style={{ textUnderlineOffset: 4 }}>
                    {formatFigure(current[card.second.key], card.second.kind, lng)}
                  </Text>
                </UnstyledButton>
              )}
            </Group>
            {card.sub && (
              <Text size="sm" c="dimmed">
                {card.sub(current, lng, t)}
              </Text>
            )}
            <Group gap="md">
              <Change
                label={t('dashboard.vsPrevious')}
                current={current[card.key]}
                base={previous?.[card.key]}
                kind={card.kind}
              />
              <Change
                label={t('dashboard.vsLastYear')}
                current={current[card.key]}
                base={lastYear?.[card.key]}
                kind={card.kind}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Visits done vs planned, travel per visit, overdue customers. */
export function ActivityStrip({ report, onDrill }: KpiCardsProps) {
  const { t, i18n } = useTranslation();
  const f = report.figures.current;
  const lng = i18n.language;
  const items = [
    {
      key: 'visits',
      label: t('dashboard.activity.visits'),
      value: `${formatFigure(f.visitsDone, 'count', lng)} / ${formatFigure(f.visitsPlanned, 'count', lng)}`,
      sub: t('dashboard.activity.completion', { rate: formatFigure(f.visitCompletionRate, 'rate', lng) }),
      drill: 'visitsDone' as const,
    },
    {
      key: 'travel',
      label: t('dashboard.activity.travel'),
      value:
        f.travelSecondsPerVisit === null
          ? '—'
          : t('dashboard.minutes', { count: Math.round(f.travelSecondsPerVisit / 60) }),
      sub: t('dashboard.activity.travelNote'),
      drill: null,
    },
    {
      key: 'overdue',
      label: t('dashboard.activity.overdue'),
      value: formatFigure(f.overdueCustomers, 'count', lng),
      sub: t('dashboard.activity.overdueNote'),
      drill: 'overdueCustomers' as const,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      {items.map((item) => (
        <Paper
          key={item.key}
          withBorder
          radius="md"
          p="sm"
          bg="gray.0"
          data-testid={`kpi-activity-${item.key}`}
        >
          <Text size="xs" fw={600} c="dimmed">
            {item.label}
          </Text>
          {item.drill ? (
            <UnstyledButton onClick={() => onDrill(item.drill, item.label)}>
              <Text
                fz={{ base: 18, sm: 22 }}
                fw={700}
                td="underline dotted"
                style={{ textUnderlineOffset: 5 }}
              >
                {item.value}
              </Text>
            </UnstyledButton>
          ) : (
            <Text fz={{ base: 18, sm: 22 }} fw={700}>
              {item.value}
            </Text>
          )}
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {item.sub}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
