import { Alert, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import type {
  ImportAction,
  ImportFieldChange,
  ImportPreview,
  ImportSampleRow,
} from '../api/customer-import-api.ts';
import { sortImportErrors } from '../utils/import-columns.ts';
import classes from './ImportPreviewTables.module.css';

const ACTION_COLORS: Record<ImportAction, string> = { create: 'teal', update: 'blue', unchanged: 'gray' };

function Stat({ label, value, color }: { label: string; value: ReactNode; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color} className="tabular">
        {value}
      </Text>
    </Paper>
  );
}

/** A cell's value; an empty one says so rather than showing nothing. */
function CellValue({ value, kind }: { value: string; kind: 'before' | 'after' }) {
  const { t } = useTranslation();
  if (value === '')
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('import.emptyCell')}
      </Text>
    );
  return (
    <Text
      span
      size="sm"
      fw={kind === 'after' ? 600 : undefined}
      className={kind === 'before' ? classes.before : undefined}
      data-testid={`change-${kind}`}
    >
      {value}
    </Text>
  );
}

function ChangeLine({ change }: { change: ImportFieldChange }) {
  const { t } = useTranslation();
  return (
    <li className={classes.change} data-testid="import-change">
      <Text span size="xs" fw={600} c="dimmed" className={classes.column}>
        {/* The file names the rep by e-mail; the preview shows who it is. */}
        {change.column === '担当者メール' ? t('import.repColumn') : change.column}
      </Text>
      <span className={classes.values}>
        {change.before !== null && (
          <>
            <CellValue value={change.before} kind="before" />
            <IconArrowRight size={14} aria-label={t('import.becomes')} className={classes.arrow} />
          </>
        )}
        <CellValue value={change.after} kind="after" />
      </span>
    </li>
  );
}

function SampleRow({ row }: { row: ImportSampleRow }) {
  const { t } = useTranslation();
  return (
    <li className={classes.row} data-testid="import-row" data-action={row.action}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {t('import.rowNumber', { row: row.row })}
        </Text>
        <Badge variant="light" color={ACTION_COLORS[row.action]} radius="sm" style={{ flexShrink: 0 }}>
          {t(`import.actions.${row.action}`)}
        </Badge>
        <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {row.code ?? t('import.newCode')}
        </Text>
        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {row.name}
        </Text>
      </Group>
      {row.changes.length > 0 && (
        <ul className={classes.changes}>
          {row.changes.map((change) => (
            <ChangeLine key={change.column} change={change} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Preview of a CSV dry run: row counts, every bad row and column, and each row's changes old → new. */
export function ImportPreviewTables({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errors = sortImportErrors(preview.errors);
  const rowLabel = (row: number) =>
    row === 0 ? t('import.wholeFile') : row === 1 ? t('import.headerRow') : t('import.rowNumber', { row });

  return (
    <Stack gap="md">
      <SimpleGrid cols={3} spacing="sm">
        <Stat label={t('import.summaryTotal')} value={formatNumber(preview.totalRows, lang)} />
        <Stat label={t('import.summaryValid')} value={formatNumber(preview.validRows, lang)} color="teal" />
        <Stat
          label={t('import.summaryErrors')}
          value={formatNumber(preview.errorRows, lang)}
          color={preview.errorRows ? 'red' : undefined}
        />
      </SimpleGrid>

      {errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={
            preview.errorRows > 0
              ? t('import.errorsTitle', { count: preview.errorRows })
              : t('import.fileErrorsTitle')
          }
          role="alert"
        >
          {t('import.errorsBody')}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />}>
          {t('import.noErrors', { count: preview.validRows })}
          <Text size="sm" mt={4} data-testid="import-summary">
            {t('import.summaryBreakdown', preview.summary)}
          </Text>
          {preview.geocoding && preview.geocoding.asked > 0 && (
            <Text size="sm" mt={4} data-testid="import-geocoding">
              {t('import.geocoding', preview.geocoding)}
              {preview.geocoding.notFound + preview.geocoding.failed > 0 &&
                ` ${t('import.geocodingMissing', { count: preview.geocoding.notFound + preview.geocoding.failed })}`}
            </Text>
          )}
        </Alert>
      )}

      {preview.ignoredColumns.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={20} />}
          data-testid="import-ignored"
        >
          {t('import.ignoredColumns', { columns: preview.ignoredColumns.join('、') })}
        </Alert>
      )}

      {errors.length > 0 && (
        <Paper withBorder>
          <ScrollArea.Autosize mah={420}>
            <Table stickyHeader verticalSpacing="xs" data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="1%" style={{ whiteSpace: 'nowrap' }}>
                    {t('import.row')}
                  </Table.Th>
                  <Table.Th w="1%" style={{ whiteSpace: 'nowrap' }}>
                    {t('import.column')}
                  </Table.Th>
                  <Table.Th>{t('import.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.map((error, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same row and column may repeat
                  <Table.Tr key={index}>
                    <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {rowLabel(error.row)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c="red" style={{ whiteSpace: 'nowrap' }}>
                        {error.column}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{error.message}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}

      {preview.sample.length > 0 && (
        <Stack gap={6}>
          <Title order={2} fz="md">
            {preview.sample.length < preview.validRows
              ? t('import.changesSome', {
                  count: preview.sample.length,
                  total: formatNumber(preview.validRows, lang),
                })
              : t('import.changes', { count: preview.sample.length })}
          </Title>
          <Paper withBorder>
            <ul className={classes.rows} data-testid="import-sample">
              {preview.sample.map((row) => (
                <SampleRow key={row.row} row={row} />
              ))}
            </ul>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}
