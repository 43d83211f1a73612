import { Button, type ButtonProps, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useOnline } from '../../offline/use-sync-status.ts';
import type { AppForm } from '../api/forms-api.ts';
import { useUploadAttachment } from '../hooks/useForms.ts';
import { ACCEPTED_ATTACHMENT, attachmentProblem, MAX_ATTACHMENT_MB } from '../utils/form-filters.ts';

export const formatBytes = (bytes: number, language: string) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, language)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;

/**
 * 写真を添付: opens the phone's camera (or a file chooser on a desk), checks the type and size
 * before sending (JPEG/PNG/WebP/HEIC or PDF, 8 MB), uploads, and says what went wrong in words.
 */
export function AttachButton({
  form,
  size = 'sm',
  variant = 'light',
  fullWidth,
}: {
  form: Pick<AppForm, 'id' | 'attachment' | 'customerName' | 'voidedAt'>;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  fullWidth?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment();
  const [problem, setProblem] = useState<string | null>(null);
  const offline = !useOnline();

  const choose = (file: File | undefined) => {
    if (!file) return;
    const why = attachmentProblem(file);
    if (why) {
      setProblem(
        why === 'type'
          ? t('forms.attach.badType', { name: file.name })
          : why === 'size'
            ? t('forms.attach.tooLarge', {
                size: formatBytes(file.size, i18n.language),
                max: MAX_ATTACHMENT_MB,
              })
            : t('forms.attach.empty'),
      );
      return;
    }
    setProblem(null);
    upload.mutate(
      { id: form.id, file },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('forms.attach.uploaded') }),
        onError: (error) => setProblem(errorMessage(error, t)),
      },
    );
  };

  if (form.voidedAt) return null;
  return (
    <div>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_ATTACHMENT}
        capture="environment"
        hidden
        data-testid={`form-file-${form.id}`}
        onChange={(e) => {
          choose(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <Button
        size={size}
        variant={variant}
        fullWidth={fullWidth}
        leftSection={<IconCamera size={16} />}
        loading={upload.isPending}
        disabled={offline}
        aria-label={`${form.attachment ? t('forms.attach.replace') : t('forms.attach.add')}（${form.customerName}）`}
        onClick={() => input.current?.click()}
      >
        {form.attachment ? t('forms.attach.replace') : t('forms.attach.add')}
      </Button>
      {offline && (
        <Text size="xs" c="orange.8" mt={4}>
          {t('forms.attach.offline')}
        </Text>
      )}
      {problem && (
        <Text size="xs" c="red.7" mt={4} role="alert">
          {problem}
        </Text>
      )}
    </div>
  );
}
