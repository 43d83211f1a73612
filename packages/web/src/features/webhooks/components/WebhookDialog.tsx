import { type WebhookEndpoint, webhookEventKinds } from '@kayoi/server/contracts';
import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useWebhookActions } from '../hooks/useWebhooks.ts';

/** Adding (then showing the secret once) or editing a web hook: URL, description, events, active. */
export function WebhookDialog({
  endpoint,
  allowPrivate,
  onClose,
  onCreated,
}: {
  endpoint: WebhookEndpoint | null;
  allowPrivate: boolean;
  onClose: () => void;
  onCreated: (secret: string, url: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useWebhookActions();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? [...webhookEventKinds]);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const mutation = endpoint ? actions.update : actions.create;
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : {};
  const chosen = events.filter((e): e is (typeof webhookEventKinds)[number] =>
    (webhookEventKinds as readonly string[]).includes(e),
  );
  const submit = () => {
    const input = { url: url.trim(), description: description.trim(), events: chosen, active };
    if (endpoint)
      actions.update.mutate(
        { id: endpoint.id, input: { version: endpoint.version, ...input } },
        { onSuccess: onClose },
      );
    else
      actions.create.mutate(input, {
        onSuccess: (created) => onCreated(created.secret, created.endpoint.url),
      });
  };
  const otherError =
    mutation.error && !(mutation.error instanceof ApiError && Object.keys(mutation.error.fields).length > 0)
      ? errorMessage(mutation.error, t)
      : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(endpoint ? 'webhooks.editTitle' : 'webhooks.createTitle')}
      size="lg"
    >
      <Stack gap="md">
        <TextInput
          label={t('webhooks.url')}
          description={t(allowPrivate ? 'webhooks.urlHelpPrivate' : 'webhooks.urlHelp')}
          placeholder="https://hooks.example.jp/kayoi"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fields.url}
          maxLength={2000}
          required
          data-autofocus
        />
        <TextInput
          label={t('webhooks.description')}
          placeholder={t('webhooks.descriptionPlaceholder')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.description}
          maxLength={200}
        />
        <Checkbox.Group
          label={t('webhooks.events')}
          description={t('webhooks.eventsHelp')}
          value={events}
          onChange={setEvents}
          error={fields.events}
          required
        >
          <Stack gap={8} mt={6}>
            {webhookEventKinds.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`webhooks.kinds.${kind}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t('webhooks.activeLabel')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        {otherError && (
          <Alert color="red" variant="light">
            {otherError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('webhooks.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending}>
            {t(endpoint ? 'webhooks.save' : 'webhooks.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
