import type { WebhookDelivery, WebhookEndpoint } from '@kayoi/server/contracts';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { useWebhookActions, webhookDeliveriesQueryOptions } from '../hooks/useWebhooks.ts';

const statusColor = { pending: 'yellow', succeeded: 'teal', failed: 'red' } as const;

export function DeliveryStatus({ status }: { status: WebhookDelivery['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`webhooks.status.${status}`)}
    </Badge>
  );
}

/** A web hook's recent deliveries: when, event, status, attempts, answer, next attempt, 再送. */
export function DeliveriesSection({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, i18n } = useTranslation();
  const isDesktop = useIsDesktop();
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const deliveries = useQuery(webhookDeliveriesQueryOptions(endpoint.id, before));
  const actions = useWebhookActions();

  const retry = (delivery: WebhookDelivery) =>
    actions.retry.mutate(delivery.id, {
      onSuccess: (result) =>
        notifications.show({
          color: result.ok ? 'teal' : 'red',
          message: result.ok
            ? t('webhooks.retryOk', { code: result.statusCode })
            : t('webhooks.retryFailed', { error: result.error ?? '' }),
        }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });

  const when = (value: string | null) => (value ? formatDateTime(value, i18n.language) : '—');
  const retryButton = (d: WebhookDelivery) =>
    d.eventKind !== 'ping' && d.status !== 'succeeded' ? (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconRefresh size={14} />}
        loading={actions.retry.isPending && actions.retry.variables === d.id}
        onClick={() => retry(d)}
        aria-label={t('webhooks.retryNamed', { at: when(d.createdAt) })}
      >
        {t('webhooks.retry')}
      </Button>
    ) : null;

  let body: React.ReactNode;
  if (deliveries.isPending) body = <Skeleton height={160} />;
  else if (deliveries.isError)
    body = <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  else if (deliveries.data.items.length === 0)
    body = (
      <Alert variant="light" color="gray">
        {t('webhooks.noDeliveries')}
      </Alert>
    );
  else if (isDesktop)
    body = (
      <Paper withBorder>
        <Table verticalSpacing="xs" highlightOnHover data-testid="webhook-deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.col.at')}</Table.Th>
              <Table.Th>{t('webhooks.col.event')}</Table.Th>
              <Table.Th>{t('webhooks.col.status')}</Table.Th>
              <Table.Th ta="right">{t('webhooks.col.attempts')}</Table.Th>
              <Table.Th ta="right">{t('webhooks.col.code')}</Table.Th>
              <Table.Th>{t('webhooks.col.next')}</Table.Th>
              <Table.Th>{t('webhooks.col.error')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(d.createdAt)}</Table.Td>
                <Table.Td>{t(`webhooks.kinds.${d.eventKind}`)}</Table.Td>
                <Table.Td>
                  <DeliveryStatus status={d.status} />
                </Table.Td>
                <Table.Td ta="right">
                  {t('webhooks.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}
                </Table.Td>
                <Table.Td ta="right">{d.lastStatusCode ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(d.nextAttemptAt)}</Table.Td>
                <Table.Td maw={260}>
                  <Text size="xs" c="dimmed" lineClamp={2} title={d.lastError ?? undefined}>
                    {d.lastError ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{retryButton(d)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    );
  else
    body = (
      <Stack gap="xs" data-testid="webhook-deliveries">
        {deliveries.data.items.map((d) => (
          <Paper key={d.id} withBorder p="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <DeliveryStatus status={d.status} />
                <Text size="sm" fw={600}>
                  {t(`webhooks.kinds.${d.eventKind}`)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {when(d.createdAt)} ·{' '}
                {t('webhooks.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}
                {d.lastStatusCode ? ` · HTTP ${d.lastStatusCode}` : ''}
              </Text>
              {d.nextAttemptAt && (
                <Text size="xs">{t('webhooks.nextAt', { at: when(d.nextAttemptAt) })}</Text>
              )}
              {d.lastError && (
                <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {d.lastError}
                </Text>
              )}
              {retryButton(d) && <Group mt={6}>{retryButton(d)}</Group>}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} fz="md">
          {t('webhooks.deliveriesOf', { name: endpoint.description || endpoint.url })}
        </Title>
        <Text size="xs" c="dimmed">
          {t('webhooks.kept')}
        </Text>
      </Group>
      {body}
      <Group gap="xs">
        {pages.length > 1 && (
          <Button variant="subtle" size="compact-sm" onClick={() => setPages((p) => p.slice(0, -1))}>
            {t('webhooks.newer')}
          </Button>
        )}
        {deliveries.data?.nextBefore && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setPages((p) => [...p, deliveries.data?.nextBefore ?? undefined])}
          >
            {t('webhooks.older')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
