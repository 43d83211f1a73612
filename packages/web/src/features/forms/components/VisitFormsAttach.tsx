import { Alert, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconPaperclip } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formAttachmentUrl, formKeys, getForm } from '../api/forms-api.ts';
import { AttachButton } from './AttachButton.tsx';
import { FormKindBadge } from './FormKindBadge.tsx';

/**
 * Right after a visit log with 申込書 is saved on the phone: its forms, each with 写真を添付 (the
 * camera opens). When the log is still only on the phone (未送信), says the photos come later.
 */
export function VisitFormsAttach({
  formIds,
  queued,
  customerName,
  onDone,
}: {
  formIds: string[];
  queued: boolean;
  customerName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const forms = useQueries({
    queries: formIds.map((id) => ({ queryKey: formKeys.one(id), queryFn: () => getForm(id) })),
  });
  return (
    <Stack gap="sm" data-testid="visit-forms-attach">
      <Text fw={700}>{t('forms.visit.title')}</Text>
      {queued ? (
        <Alert color="orange" variant="light" icon={<IconCloudOff size={18} />}>
          {t('forms.visit.offline')}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('forms.visit.hint')}
        </Text>
      )}
      {!queued && formIds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('forms.visit.none')}
        </Text>
      )}
      {forms.map((query, index) => {
        const form = query.data;
        return (
          <Paper key={formIds[index]} withBorder p="sm" radius="md" data-testid="visit-form">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {index + 1}.
                </Text>
                {form && <FormKindBadge kind={form.kind} />}
                {form?.attachment &&
                  (form.attachment.contentType.startsWith('image/') ? (
                    <Image
                      src={formAttachmentUrl(form)}
                      alt={t('forms.detail.preview', { customer: customerName })}
                      w={44}
                      h={44}
                      radius="sm"
                      fit="cover"
                    />
                  ) : (
                    <IconPaperclip size={16} aria-label={t('forms.hasAttachment')} />
                  ))}
              </Group>
              {form && <AttachButton form={{ ...form, customerName }} size="sm" />}
            </Group>
            {form?.note && (
              <Text size="xs" c="dimmed" mt={4} lineClamp={1}>
                {form.note}
              </Text>
            )}
          </Paper>
        );
      })}
      <Button size="md" onClick={onDone}>
        {t('forms.visit.done')}
      </Button>
    </Stack>
  );
}
