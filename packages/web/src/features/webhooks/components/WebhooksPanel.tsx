import type { WebhookEndpoint, WebhookSendResult } from '@kayoi/server/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconPencil,
  IconPlus,
  IconSend,
  IconTrash,
  IconWebhook,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { useWebhookActions, webhooksQueryOptions } from '../hooks/useWebhooks.ts';
import { DeliveriesSection, DeliveryStatus } from './DeliveriesSection.tsx';
import { SecretDialog } from './SecretDialog.tsx';
import { WebhookDialog } from './WebhookDialog.tsx';

type Editing = { endpoint: WebhookEndpoint | null } | null;
type Confirming = { kind: 'rotate' | 'remove'; endpoint: WebhookEndpoint } | null;

/** The company's web hooks (admins): add, edit, turn on/off, test, rotate the secret, delete, deliveries. */
export function WebhooksPanel() {
  const { t, i18n } = useTranslation();
  const webhooks = useQuery(webhooksQueryOptions);
  const actions = useWebhookActions();
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tested, setTested] = useState<Record<string, WebhookSendResult>>({});
  const [confirming, setConfirming] = useState<Confirming>(null);

  if (webhooks.isPending) return <Skeleton height={240} />;
  if (webhooks.isError) return <ErrorState error={webhooks.error} onRetry={() => webhooks.refetch()} />;
  const { items, allowPrivate } = webhooks.data;
  const selected = items.find((e) => e.id === selectedId) ?? items[0] ?? null;
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error, t) });

  const test = (endpoint: WebhookEndpoint) =>
    actions.test.mutate(endpoint.id, {
      onSuccess: (result) => {
        setTested((all) => ({ ...all, [endpoint.id]: result }));
        setSelectedId(endpoint.id);
      },
      onError: fail,
    });
  const toggle = (endpoint: WebhookEndpoint) =>
    actions.update.mutate(
      { id: endpoint.id, input: { version: endpoint.version, active: !endpoint.active } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t(saved.active ? 'webhooks.turnedOn' : 'webhooks.turnedOff'),
          }),
        onError: fail,
      },
    );
  const confirm = () => {
    if (!confirming) return;
    const { kind, endpoint } = confirming;
    setConfirming(null);
    if (kind === 'rotate')
      actions.rotate.mutate(endpoint.id, {
        onSuccess: (result) => setSecret({ secret: result.secret, url: result.endpoint.url }),
        onError: fail,
      });
    else
      actions.remove.mutate(endpoint.id, {
        onSuccess: () => notifications.show({ color: 'teal', message: t('webhooks.removed') }),
        onError: fail,
      });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={760}>
          {t('webhooks.howItWorks')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ endpoint: null })}>
          {t('webhooks.add')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Alert variant="light" icon={<IconWebhook size={18} />}>
          {t('webhooks.empty')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {items.map((endpoint) => {
            const result = tested[endpoint.id];
            const isSelected = selected?.id === endpoint.id;
            return (
              <Paper
                key={endpoint.id}
                withBorder
                p="md"
                data-testid="webhook-endpoint"
                style={isSelected ? { borderColor: 'var(--mantine-color-blue-4)' } : undefined}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={8}>
                      <Badge color={endpoint.active ? 'teal' : 'gray'} variant="light">
                        {t(endpoint.active ? 'webhooks.active' : 'webhooks.inactive')}
                      </Badge>
                      <Text fw={600}>{endpoint.description || t('webhooks.noDescription')}</Text>
                    </Group>
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {endpoint.url}
                    </Text>
                    <Group gap={6}>
                      {endpoint.events.map((kind) => (
                        <Badge key={kind} variant="outline" color="blue" size="sm">
                          {t(`webhooks.kinds.${kind}`)}
                        </Badge>
                      ))}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('webhooks.secretHint', { hint: endpoint.secretHint })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {endpoint.lastDelivery ? (
                        <>
                          {t('webhooks.lastDelivery', {
                            at: formatDateTime(endpoint.lastDelivery.at, i18n.language),
                          })}{' '}
                          <DeliveryStatus status={endpoint.lastDelivery.status} />
                        </>
                      ) : (
                        t('webhooks.neverSent')
                      )}
                    </Text>
                  </Stack>
                  <Switch
                    checked={endpoint.active}
                    onChange={() => toggle(endpoint)}
                    aria-label={t('webhooks.activeNamed', { url: endpoint.url })}
                  />
                </Group>
                <Group gap="xs" mt="sm">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconSend size={14} />}
                    loading={actions.test.isPending && actions.test.variables === endpoint.id}
                    onClick={() => test(endpoint)}
                  >
                    {t('webhooks.test')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant={isSelected ? 'filled' : 'subtle'}
                    onClick={() => setSelectedId(endpoint.id)}
                  >
                    {t('webhooks.deliveries')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing({ endpoint })}
                  >
                    {t('webhooks.edit')}
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        aria-label={t('webhooks.more')}
                        leftSection={<IconDots size={14} />}
                      >
                        {t('webhooks.more')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconKey size={14} />}
                        onClick={() => setConfirming({ kind: 'rotate', endpoint })}
                      >
                        {t('webhooks.rotate')}
                      </Menu.Item>
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setConfirming({ kind: 'remove', endpoint })}
                      >
                        {t('webhooks.remove')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
                {result && (
                  <Alert
                    mt="sm"
                    variant="light"
                    color={result.ok ? 'teal' : 'red'}
                    data-testid="webhook-test-result"
                    withCloseButton
                    onClose={() => setTested(({ [endpoint.id]: _, ...rest }) => rest)}
                  >
                    {result.ok
                      ? t('webhooks.testOk', { code: result.statusCode, ms: result.durationMs })
                      : t('webhooks.testFailed', { error: result.error ?? '' })}
                  </Alert>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
      {selected && <DeliveriesSection key={selected.id} endpoint={selected} />}
      {editing && (
        <WebhookDialog
          endpoint={editing.endpoint}
          allowPrivate={allowPrivate}
          onClose={() => setEditing(null)}
          onCreated={(created, url) => {
            setEditing(null);
            setSecret({ secret: created, url });
          }}
        />
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t(confirming.kind === 'rotate' ? 'webhooks.rotate' : 'webhooks.remove') : ''}
      >
        <Stack gap="md">
          <Text size="sm">
            {confirming?.kind === 'rotate'
              ? t('webhooks.confirmRotate')
              : t('webhooks.confirmRemove', { url: confirming?.endpoint.url ?? '' })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('webhooks.cancel')}
            </Button>
            <Button color={confirming?.kind === 'remove' ? 'red' : undefined} onClick={confirm}>
              {confirming ? t(confirming.kind === 'rotate' ? 'webhooks.rotate' : 'webhooks.remove') : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {secret && <SecretDialog secret={secret.secret} url={secret.url} onClose={() => setSecret(null)} />}
    </Stack>
  );
}
