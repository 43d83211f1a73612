import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { complaintKeys, getFieldToday } from '../../complaints/api/complaints-api.ts';
import { RepSyncStatus } from '../../offline/components/RepSyncStatus.tsx';

/** The manager's view of the field: per rep done vs planned, overdue promises, escalated complaints. */
export function FieldView() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: complaintKeys.field,
    queryFn: ({ signal }) => getFieldToday(signal),
    refetchInterval: 60_000,
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const f = query.data;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 3 }} spacing="xs">
        <Card withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('field.visits')}
          </Text>
          <Text fw={700} data-testid="field-total">{`${f.totals.done} / ${f.totals.planned}`}</Text>
        </Card>
        <Card withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('field.overduePromises')}
          </Text>
          <Text fw={700} c={f.totals.overduePromises ? 'red' : undefined}>
            {f.totals.overduePromises}
          </Text>
        </Card>
        <Card withBorder p="xs">
          <Text size="xs" c="dimmed">
            {t('field.escalated')}
          </Text>
          <Text fw={700} c={f.totals.escalatedComplaints ? 'red' : undefined}>
            {f.totals.escalatedComplaints}
          </Text>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {f.reps.map((rep) => (
          <Card key={rep.repId} withBorder p="sm" radius="md" data-testid="field-rep">
            <Group justify="space-between">
              <Title order={2} fz={16}>
                {rep.repName}
              </Title>
              <Text size="sm">{t('field.doneOfPlanned', { done: rep.done, planned: rep.planned })}</Text>
            </Group>
            <Progress value={rep.planned ? (100 * rep.done) / rep.planned : 0} mt={4} />
            <RepSyncStatus sync={rep.sync} />
            {rep.escalatedComplaints.map((c) => (
              <Group key={c.id} gap={6} mt={6} wrap="nowrap" data-testid="field-escalated">
                <Badge color="red" size="sm">
                  {t('field.daysOverdue', { count: c.daysOverdue })}
                </Badge>
                <Anchor
                  size="sm"
                  truncate
                  renderRoot={(props) => (
                    <Link {...props} to="/complaints/$complaintId" params={{ complaintId: c.id }} />
                  )}
                >
                  {c.customerName}: {c.title}
                </Anchor>
              </Group>
            ))}
            {rep.overduePromises.map((p) => (
              <Group key={p.id} gap={6} mt={6} wrap="nowrap" data-testid="field-promise">
                <Badge color="orange" size="sm">
                  {t('field.daysOverdue', { count: p.daysOverdue })}
                </Badge>
                <Anchor
                  size="sm"
                  truncate
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/customers/$customerId/briefing"
                      params={{ customerId: p.customerId }}
                    />
                  )}
                >
                  {p.customerName}: {p.title}
                </Anchor>
              </Group>
            ))}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
