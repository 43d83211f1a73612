import { productCsvColumns } from '@kayoi/server/contracts';
import { Alert, Button, FileInput, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import { ImportPreviewTables } from '../../customer-import/components/ImportPreviewTables.tsx';
import type { ImportEncoding } from '../api/catalog-api.ts';
import { useCommitProductImport, usePreviewProductImport } from '../hooks/useCatalog.ts';

/** The catalog CSV import: choose a file, review the dry run row by row, commit all or nothing. */
export function ProductImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const preview = usePreviewProductImport();
  const commit = useCommitProductImport();
  const data = preview.data;

  if (commit.data)
    return (
      <Stack align="center" gap="sm" ta="center" py="md">
        <IconCircleCheck size={44} color="var(--mantine-color-teal-6)" />
        <Text fw={700} data-testid="product-import-result">
          {t('catalog.import.done', commit.data)}
        </Text>
        <Button onClick={onDone}>{t('catalog.import.close')}</Button>
      </Stack>
    );

  if (data)
    return (
      <Stack gap="md">
        <ImportPreviewTables preview={{ ...data, sample: data.sample }} />
        {commit.error != null && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(commit.error, t)}
          </Alert>
        )}
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" style={{ flex: '1 1 14rem' }}>
            {t('catalog.import.atomic')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => preview.reset()}>
              {t('catalog.import.again')}
            </Button>
            <Button
              disabled={data.errors.length > 0 || data.validRows === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate(data.importId)}
            >
              {t('catalog.import.commit', { count: data.summary.create + data.summary.update })}
            </Button>
          </Group>
        </Group>
      </Stack>
    );

  return (
    <Stack gap="md">
      <FileInput
        label={t('catalog.import.file')}
        placeholder={t('catalog.import.filePlaceholder')}
        accept=".csv,text/csv"
        leftSection={<IconFileTypeCsv size={18} />}
        value={file}
        onChange={(value) => {
          setFile(value);
          preview.reset();
        }}
        clearable
      />
      <SegmentedControl
        aria-label={t('catalog.import.encoding')}
        value={encoding}
        onChange={(v) => setEncoding(v as ImportEncoding)}
        data={[
          { value: 'auto', label: t('catalog.import.encodingAuto') },
          { value: 'sjis', label: 'Shift_JIS' },
          { value: 'utf8', label: 'UTF-8' },
        ]}
        fullWidth
      />
      {preview.error != null && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {errorMessage(preview.error, t)}
        </Alert>
      )}
      <Paper withBorder p="xs" bg="gray.0">
        <Text size="xs" c="dimmed">
          {t('catalog.import.help', { columns: productCsvColumns.join(', ') })}
        </Text>
      </Paper>
      <Group justify="flex-end">
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file}
          loading={preview.isPending}
          onClick={() => file && preview.mutate({ file, encoding })}
        >
          {t('catalog.import.preview')}
        </Button>
      </Group>
    </Stack>
  );
}
