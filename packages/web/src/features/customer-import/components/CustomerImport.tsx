import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconDownload,
  IconFileTypeCsv,
  IconUpload,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import type { ImportEncoding } from '../api/customer-import-api.ts';
import { useCommitImport, usePreviewImport } from '../hooks/useCustomerImport.ts';
import { buildImportTemplate, IMPORT_COLUMNS } from '../utils/import-columns.ts';
import { ImportFormatHelp } from './ImportFormatHelp.tsx';
import { ImportPreviewTables } from './ImportPreviewTables.tsx';

const downloadTemplate = () => {
  const url = URL.createObjectURL(new Blob([buildImportTemplate()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'kayoi-customers-template.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** CSV import in three steps: choose a file, review the dry run, commit atomically. */
export function CustomerImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const preview = usePreviewImport();
  const commit = useCommitImport();

  const step = commit.isSuccess ? 2 : preview.data ? 1 : 0;
  const errorCount = preview.data?.errors.length ?? 0;

  const restart = () => {
    preview.reset();
    commit.reset();
    setFile(null);
  };

  return (
    <Stack gap="lg">
      <Stepper active={step} size="xs" wrap={false} allowNextStepsSelect={false}>
        <Stepper.Step label={t('import.step1')} />
        <Stepper.Step label={t('import.step2')} />
        <Stepper.Step label={t('import.step3')} />
      </Stepper>

      {step === 0 && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <FileInput
              label={t('import.file')}
              placeholder={t('import.filePlaceholder')}
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={18} />}
              value={file}
              onChange={(value) => {
                setFile(value);
                preview.reset();
              }}
              clearable
              size="md"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="import-encoding-label">
                {t('import.encoding')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-encoding-label"
                value={encoding}
                onChange={(value) => setEncoding(value as ImportEncoding)}
                data={[
                  { value: 'auto', label: t('import.encodingAuto') },
                  { value: 'sjis', label: t('import.encodingSjis') },
                  { value: 'utf8', label: t('import.encodingUtf8') },
                ]}
                fullWidth
              />
            </Stack>
            {preview.error != null && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {errorMessage(preview.error, t)}
              </Alert>
            )}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Anchor component="button" type="button" size="sm" onClick={downloadTemplate}>
                <Group gap={4}>
                  <IconDownload size={14} />
                  {t('import.template')}
                </Group>
              </Anchor>
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={!file}
                loading={preview.isPending}
                onClick={() => file && preview.mutate({ file, encoding })}
              >
                {t('import.preview')}
              </Button>
            </Group>
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {t('import.columnsHelp')}
              </Text>
              <Code block fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {IMPORT_COLUMNS.join(', ')}
              </Code>
              <Text size="xs" c="dimmed">
                {t('import.codeHelp')}
              </Text>
              <ImportFormatHelp />
            </Stack>
          </Stack>
        </Paper>
      )}

      {step === 1 && preview.data && (
        <Stack gap="md">
          <ImportPreviewTables preview={preview.data} />
          {commit.error != null && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {errorMessage(commit.error, t)}
            </Alert>
          )}
          <Paper withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="xs" c="dimmed" style={{ flex: '1 1 16rem' }}>
                {t('import.atomic')}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={restart}>
                  {t('import.again')}
                </Button>
                <Button
                  disabled={errorCount > 0 || preview.data.validRows === 0}
                  loading={commit.isPending}
                  onClick={() =>
                    preview.data &&
                    commit.mutate(preview.data.importId, {
                      onSuccess: () => notifications.show({ color: 'teal', message: t('import.done') }),
                    })
                  }
                >
                  {t('import.commit', { count: preview.data.validRows })}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      )}

      {step === 2 && commit.data && (
        <Paper withBorder p="lg">
          <Stack align="center" gap="sm" ta="center">
            <IconCircleCheck size={48} color="var(--mantine-color-teal-6)" />
            <Text fw={700} fz="lg">
              {t('import.done')}
            </Text>
            <Text c="dimmed" data-testid="import-result">
              {t('import.doneBody', { created: commit.data.created, updated: commit.data.updated })}
            </Text>
            <Group mt="sm">
              <Button variant="default" onClick={restart}>
                {t('import.again')}
              </Button>
              <Button component={Link} to="/customers">
                {t('import.toList')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
