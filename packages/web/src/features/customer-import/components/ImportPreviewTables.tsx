import { Alert, Badge, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import type { ImportAction, ImportPreview } from '../api/customer-import-api.ts';
import { indexImportErrors, sortImportErrors } from '../utils/import-columns.ts';

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

/** Preview of a CSV dry run: counts, every bad row and column, and the first rows as they will be saved. */
export function ImportPreviewTables({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errors = sortImportErrors(preview.errors);
  const errorIndex = indexImportErrors(preview.errors);

  return (
    <Stack gap="md">
      <SimpleGrid cols={3} spacing="sm">
        <Stat label={t('import.summaryTotal')} value={formatNumber(preview.totalRows, lang)} />
        <Stat label={t('import.summaryValid')} value={formatNumber(preview.validRows, lang)} color="teal" />
        <Stat
          label={t('import.summaryErrors')}
          value={formatNumber(errors.length, lang)}
          color={errors.length ? 'red' : undefined}
        />
      </SimpleGrid>

      {errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={t('import.errorsTitle', { count: errors.length })}
          role="alert"
        >
          {t('import.errorsBody')}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />}>
          {t('import.noErrors', { count: preview.validRows })}
          {preview.summary && (
            <Text size="sm" mt={4} data-testid="import-summary">
              {t('import.summaryBreakdown', preview.summary)}
            </Text>
          )}
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
                      {error.row === 0 ? t('import.headerRow') : t('import.rowNumber', { row: error.row })}
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
            {t('import.sample', { count: preview.sample.length })}
          </Title>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={480}>
              <Table verticalSpacing={6} fz="sm" data-testid="import-sample">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('import.row')}</Table.Th>
                    <Table.Th w={100}>{t('import.action')}</Table.Th>
                    <Table.Th w={140}>{t('import.sampleCode')}</Table.Th>
                    <Table.Th>{t('import.sampleName')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row, index) => {
                    const rowNumber = typeof row.row === 'number' ? row.row : index + 1;
                    return (
                      <Table.Tr
                        key={rowNumber}
                        bg={errorIndex.has(rowNumber) ? 'var(--mantine-color-red-light)' : undefined}
                      >
                        <Table.Td className="tabular">{rowNumber}</Table.Td>
                        <Table.Td>
                          {row.action && (
                            <Badge variant="light" color={ACTION_COLORS[row.action]} radius="sm">
                              {t(`import.actions.${row.action}`)}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace" fz="xs">
                          {row.code ?? '—'}
                        </Table.Td>
                        <Table.Td>{row.name ?? ''}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}
