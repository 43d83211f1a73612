import { Badge, Card, Group, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getCustomerHealth, healthKeys } from '../api/health-api.ts';
import { bandColor, HealthBar } from './HealthBar.tsx';
import { HealthReasons } from './HealthReasons.tsx';

/** A customer's health with its reasons (カルテ, briefing). Nothing for an archived or churned customer. */
export function CustomerHealthCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: healthKeys.customer(customerId),
    queryFn: ({ signal }) => getCustomerHealth(customerId, signal),
    retry: false,
  });
  if (query.isPending) return <Skeleton h={72} radius="md" />;
  if (query.isError) return null;
  const h = query.data;
  return (
    <Card withBorder radius="md" p="sm" data-testid="customer-health">
      <Stack gap={6}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs">
            <Title order={2} fz={15}>
              {t('health.cardTitle')}
            </Title>
            <Badge color={bandColor[h.band]} variant="light">
              {t(`health.band.${h.band}`)}
            </Badge>
          </Group>
          <HealthBar score={h.score} band={h.band} />
        </Group>
        <HealthReasons reasons={h.reasons} />
      </Stack>
    </Card>
  );
}
