import type { KpiRepRow } from '@kayoi/server/contracts';
import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const placed: [string, string][] = [
  ['ordersWon', 'dashboard.kpi.ordersWon'],
  ['ordersWonAmountExclTax', 'dashboard.table.amount'],
  ['formsCollected', 'dashboard.kpi.formsCollected'],
  ['retentionRate', 'dashboard.kpi.retentionRate'],
  ['repeatRate', 'dashboard.kpi.repeatRate'],
  ['revenuePerCustomerExclTax', 'dashboard.kpi.revenuePerCustomer'],
  ['activeCustomers', 'dashboard.kpi.activeCustomers'],
  ['satisfactionMean', 'dashboard.kpi.satisfaction'],
  ['visitsDone', 'dashboard.table.visits'],
  ['overdueCustomers', 'dashboard.activity.overdue'],
];

/** A rep's place in their team on each figure (the teammates' figures are not shown). */
export function TeamPlaces({ row }: { row: KpiRepRow }) {
  const { t } = useTranslation();
  const places = row.places ?? {};
  const shown = placed.filter(([key]) => places[key]);
  return (
    <Paper withBorder radius="md" p="md" data-testid="kpi-team-places">
      <Title order={2} fz="md" mb={4}>
        {t('dashboard.places.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.places.note')}
      </Text>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.places.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          {shown.map(([key, label]) => {
            const p = places[key]!;
            return (
              <Group key={key} gap={6} wrap="nowrap" justify="space-between">
                <Text size="sm">{t(label)}</Text>
                <Badge
                  variant={p.place === 1 ? 'filled' : 'light'}
                  color={p.place === 1 ? 'yellow.7' : 'blue'}
                >
                  {t('dashboard.places.place', { place: p.place, of: p.of })}
                </Badge>
              </Group>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
