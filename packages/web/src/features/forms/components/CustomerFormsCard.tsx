import { type FormKind, formKinds } from '@kayoi/server/contracts';
import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus, IconPaperclip } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDate, tokyoDateKey } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { useCreateForm, useFormList } from '../hooks/useForms.ts';
import { FormDrawer } from './FormDrawer.tsx';
import { FormKindBadge } from './FormKindBadge.tsx';

const SHOWN = 5;

/** The カルテ's 申込書 card: this customer's forms, newest first, with 申込書を登録. */
export function CustomerFormsCard({ customerId, archived }: { customerId: string; archived?: boolean }) {
  const { t, i18n } = useTranslation();
  const query = useFormList({ customerId, voided: 'include', limit: SHOWN });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const live = query.data?.counts.total ?? 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="customer-forms">
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('forms.card.title')}
          </Title>
          {query.data && (
            <Text size="sm" c="dimmed" data-testid="customer-forms-count">
              {t('forms.card.countLive', { count: live })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          {!archived && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconFilePlus size={14} />}
              onClick={() => setCreating(true)}
            >
              {t('forms.create.action')}
            </Button>
          )}
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/forms" search={{ customerId, voided: 'include' }} {...props} />}
          >
            {t('forms.card.seeAll')}
          </Anchor>
        </Group>
      </Group>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('forms.card.empty')}
        </Text>
      )}
      <Stack gap={4}>
        {query.data?.items.map((form) => {
          const voided = form.voidedAt !== null;
          return (
            <UnstyledButton
              key={form.id}
              onClick={() => setOpenId(form.id)}
              aria-label={t('forms.open', { customer: form.customerName })}
              data-testid="customer-form"
              data-voided={voided || undefined}
              style={{ opacity: voided ? 0.6 : 1 }}
            >
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" w={86} td={voided ? 'line-through' : undefined} style={{ flexShrink: 0 }}>
                  {formatDate(form.collectedOn, i18n.language)}
                </Text>
                <FormKindBadge kind={form.kind} voided={voided} />
                <Text
                  size="sm"
                  c="dimmed"
                  truncate
                  style={{ flex: 1 }}
                  td={voided ? 'line-through' : undefined}
                >
                  {voided
                    ? `${t('forms.voidedBadge')}: ${form.voidReason ?? ''}`
                    : form.note || (form.repName ?? '')}
                </Text>
                {form.attachment && <IconPaperclip size={16} aria-label={t('forms.hasAttachment')} />}
              </Group>
            </UnstyledButton>
          );
        })}
      </Stack>
      <FormDrawer
        formId={openId}
        shown={query.data?.items.find((f) => f.id === openId)}
        onClose={() => setOpenId(null)}
      />
      <NewFormModal
        customerId={customerId}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpenId(id);
        }}
      />
    </Paper>
  );
}

function NewFormModal({
  customerId,
  opened,
  onClose,
  onCreated,
}: {
  customerId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateForm();
  const today = tokyoDateKey(new Date());
  const [kind, setKind] = useState<FormKind>('new_service');
  const [collectedOn, setCollectedOn] = useState(today);
  const [note, setNote] = useState('');
  const fieldError = (name: string) =>
    create.error instanceof ApiError ? create.error.fields[name] : undefined;
  const submit = () =>
    create.mutate(
      { customerId, kind, collectedOn, note: note.trim() },
      {
        onSuccess: (form) => {
          notifications.show({
            color: 'teal',
            message: `${t('forms.create.created')} ${t('forms.create.thenAttach')}`,
          });
          setNote('');
          onCreated(form.id);
        },
      },
    );
  const generic = create.error && !fieldError('kind') && !fieldError('collectedOn') && !fieldError('note');
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{t('forms.create.title')}</Text>}>
      <Stack gap="sm">
        <Select
          label={t('forms.create.kind')}
          data={formKinds.map((k) => ({ value: k, label: t(`forms.kinds.${k}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as FormKind)}
          error={fieldError('kind')}
        />
        <TextInput
          type="date"
          label={t('forms.create.collectedOn')}
          max={today}
          required
          value={collectedOn}
          onChange={(e) => setCollectedOn(e.currentTarget.value)}
          error={fieldError('collectedOn')}
        />
        <Textarea
          label={t('forms.create.note')}
          placeholder={t('forms.create.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError('note')}
        />
        {generic && (
          <Text size="sm" c="red.7" role="alert">
            {errorMessage(create.error, t)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('forms.detail.cancel')}
          </Button>
          <Button loading={create.isPending} disabled={!collectedOn} onClick={submit}>
            {t('forms.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
