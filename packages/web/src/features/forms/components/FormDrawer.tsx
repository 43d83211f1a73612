import { type FormKind, formKinds } from '@kayoi/server/contracts';
import {
  Alert,
  Anchor,
  Button,
  Drawer,
  Group,
  Image,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconEdit, IconFileTypePdf } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { type AppForm, formAttachmentUrl, formKeys } from '../api/forms-api.ts';
import { useForm, useUpdateForm, useVoidForm } from '../hooks/useForms.ts';
import { AttachButton, formatBytes } from './AttachButton.tsx';
import { FormKindBadge } from './FormKindBadge.tsx';

const NOTE_MAX = 1000;
const REASON_MAX = 500;

/** A form's detail: note, the paper's photo or PDF, edit kind/note, void with a reason, attach. */
export function FormDrawer({
  formId,
  shown,
  onClose,
}: {
  formId: string | null;
  /** The list's row of that form, shown while the form itself loads. */
  shown?: AppForm | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const query = useForm(formId, shown);
  // Kept here: the detail remounts on the newer version the conflict brought.
  const [conflictOn, setConflictOn] = useState<string | null>(null);
  return (
    <Drawer
      opened={formId !== null}
      onClose={onClose}
      position={desktop ? 'right' : 'bottom'}
      size={desktop ? 'md' : '90%'}
      title={<Text fw={700}>{query.data ? query.data.customerName : t('forms.detail.title')}</Text>}
      data-testid="form-drawer"
    >
      {query.isPending && formId && <Loader size="sm" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <FormDetail
          key={`${query.data.id}:${query.data.version}`}
          form={query.data}
          conflict={conflictOn === query.data.id}
          onConflict={() => setConflictOn(query.data.id)}
          onWritten={() => setConflictOn(null)}
        />
      )}
    </Drawer>
  );
}

function FormDetail({
  form,
  conflict,
  onConflict,
  onWritten,
}: {
  form: AppForm;
  conflict: boolean;
  onConflict: () => void;
  onWritten: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const update = useUpdateForm();
  const voiding = useVoidForm();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<FormKind>(form.kind);
  const [note, setNote] = useState(form.note);
  const [voidOpen, setVoidOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const voided = form.voidedAt !== null;

  /** A 409 means someone else wrote first: show theirs (the server sent it) and say so. */
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isConflict) {
      const current = error.current as AppForm | undefined;
      if (current?.id === form.id) client.setQueryData(formKeys.one(form.id), current);
      else void client.invalidateQueries({ queryKey: formKeys.one(form.id) });
      void client.invalidateQueries({ queryKey: formKeys.lists });
      onConflict();
      return;
    }
    setProblem(errorMessage(error, t));
  };

  const save = () => {
    setProblem(null);
    update.mutate(
      { id: form.id, version: form.version, kind, note: note.trim() },
      {
        onSuccess: () => {
          onWritten();
          notifications.show({ color: 'teal', message: t('forms.detail.saved') });
        },
        onError,
      },
    );
  };
  const confirmVoid = () => {
    setProblem(null);
    voiding.mutate(
      { id: form.id, version: form.version, reason: reason.trim() },
      {
        onSuccess: () => {
          onWritten();
          notifications.show({ color: 'teal', message: t('forms.detail.voided') });
        },
        onError,
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="form-detail">
      {conflict && (
        <Alert color="orange" variant="light" data-testid="form-conflict">
          {t('forms.detail.conflict')}
        </Alert>
      )}
      <Group gap="xs">
        <FormKindBadge kind={form.kind} voided={voided} />
        <Text size="sm" td={voided ? 'line-through' : undefined}>
          {formatDate(form.collectedOn, lang)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('forms.detail.rep')}: {form.repName ?? '—'}
        </Text>
      </Group>
      <Anchor
        renderRoot={(props) => (
          <Link to="/customers/$customerId" params={{ customerId: form.customerId }} {...props} />
        )}
        size="sm"
      >
        {form.customerName}（{form.customerCode}）
      </Anchor>
      {form.visitId && (
        <Text size="xs" c="dimmed">
          {t('forms.detail.visit')}
        </Text>
      )}
      {voided && (
        <Alert color="gray" variant="light" icon={<IconBan size={18} />} data-testid="form-voided">
          {t('forms.detail.voidedAt', {
            date: formatDate(form.voidedAt, lang),
            reason: form.voidReason ?? '',
          })}
        </Alert>
      )}

      {editing ? (
        <Stack gap="xs">
          <Select
            label={t('forms.detail.kind')}
            data={formKinds.map((k) => ({ value: k, label: t(`forms.kinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v as FormKind)}
          />
          <Textarea
            label={t('forms.detail.note')}
            autosize
            minRows={2}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('forms.detail.cancel')}
            </Button>
            <Button loading={update.isPending} onClick={save}>
              {t('forms.detail.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" mb={4}>
            {t('forms.detail.note')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={form.note ? undefined : 'dimmed'}>
            {form.note || t('forms.detail.noNote')}
          </Text>
        </Paper>
      )}

      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('forms.detail.attachment')}
        </Text>
        {form.attachment ? (
          <>
            {form.attachment.contentType === 'application/pdf' ? (
              <Anchor href={formAttachmentUrl(form)} target="_blank" rel="noopener">
                <Group gap={4}>
                  <IconFileTypePdf size={18} />
                  {t('forms.detail.openPdf')}（{form.attachment.fileName}）
                </Group>
              </Anchor>
            ) : (
              <Anchor
                href={formAttachmentUrl(form)}
                target="_blank"
                rel="noopener"
                title={t('forms.detail.openImage')}
              >
                <Image
                  src={formAttachmentUrl(form)}
                  alt={t('forms.detail.preview', { customer: form.customerName })}
                  radius="sm"
                  mah={320}
                  fit="contain"
                  bg="gray.1"
                />
              </Anchor>
            )}
            <Text size="xs" c="dimmed">
              {t('forms.detail.uploadedAt', {
                date: formatDateTime(form.attachment.uploadedAt, lang),
                size: formatBytes(form.attachment.size, lang),
              })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('forms.noAttachment')}
          </Text>
        )}
        <AttachButton form={form} />
      </Stack>

      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}

      {!voided && !editing && !voidOpen && (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('forms.detail.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconBan size={16} />}
            onClick={() => setVoidOpen(true)}
          >
            {t('forms.detail.voidButton')}
          </Button>
        </Group>
      )}
      {!voided && voidOpen && (
        <Paper withBorder p="sm" radius="md" data-testid="form-void">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('forms.detail.voidTitle')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('forms.detail.voidHint')}
            </Text>
            <Textarea
              label={t('forms.detail.voidReason')}
              placeholder={t('forms.detail.voidReasonPlaceholder')}
              required
              autosize
              maxLength={REASON_MAX}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setVoidOpen(false)}>
                {t('forms.detail.cancel')}
              </Button>
              <Button
                color="red"
                disabled={reason.trim() === ''}
                loading={voiding.isPending}
                onClick={confirmVoid}
              >
                {t('forms.detail.voidConfirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
