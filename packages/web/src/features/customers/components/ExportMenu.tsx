import { ActionIcon, Alert, Button, Group, Loader, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { checkExport } from '../api/customers-api.ts';
import { customerKeys } from '../hooks/customer-keys.ts';
import { buildExportUrl } from '../utils/build-export-url.ts';
import type { CustomerFilters } from '../utils/customer-filters.ts';

/**
 * Before a Shift_JIS download: which rows hold characters Shift_JIS cannot carry (𠮷, emoji, —,
 * written as 〓), and the choice of UTF-8 with BOM for them.
 */
function ShiftJisExportDialog({
  filters,
  opened,
  onClose,
}: {
  filters: CustomerFilters;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: [...customerKeys.all, 'export-check', filters],
    queryFn: ({ signal }) => checkExport(filters, signal),
    enabled: opened,
    staleTime: 0,
  });
  const download = (encoding: 'sjis' | 'utf8', primary: boolean, label: string) => (
    <Button
      component="a"
      href={buildExportUrl(filters, encoding)}
      download
      variant={primary ? 'filled' : 'default'}
      leftSection={encoding === 'sjis' ? <IconFileSpreadsheet size={16} /> : <IconFileText size={16} />}
      onClick={onClose}
    >
      {label}
    </Button>
  );
  const data = check.data;
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.exportCheck.title')} size="lg">
      {check.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('customers.exportCheck.checking')}</Text>
        </Group>
      ) : check.isError ? (
        <ErrorState error={check.error} onRetry={() => void check.refetch()} />
      ) : data && data.affectedRows === 0 ? (
        <Stack gap="md">
          <Text size="sm">
            {t('customers.exportCheck.clean', { rows: formatNumber(data.rows, i18n.language) })}
          </Text>
          <Group justify="flex-end">{download('sjis', true, t('customers.exportSjis'))}</Group>
        </Stack>
      ) : data ? (
        <Stack gap="md" data-testid="export-check">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">
              {t('customers.exportCheck.affected', {
                count: data.affectedRows,
                rows: formatNumber(data.affectedRows, i18n.language),
                characters: data.characters.join(' '),
              })}
            </Text>
          </Alert>
          <Table.ScrollContainer minWidth={420} mah={280}>
            <Table fz="sm" verticalSpacing={4} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customer.meta.code')}</Table.Th>
                  <Table.Th>{t('customers.columns.name')}</Table.Th>
                  <Table.Th>{t('customers.exportCheck.columns')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.affected.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Td ff="monospace">{row.code}</Table.Td>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td>
                      {row.columns.map((c) => `${c.column}: ${c.characters.join(' ')}`).join(' / ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.affectedRows > data.affected.length && (
            <Text size="xs" c="dimmed">
              {t('customers.exportCheck.more', { count: data.affectedRows - data.affected.length })}
            </Text>
          )}
          <Group justify="flex-end" gap="xs" wrap="wrap">
            {download('sjis', false, t('customers.exportCheck.sjisAnyway'))}
            {download('utf8', true, t('customers.exportCheck.utf8Bom'))}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** CSV export of the current filters: Shift_JIS for Excel (checked for lost characters first), or UTF-8. */
export function ExportMenu({ filters, compact }: { filters: CustomerFilters; compact?: boolean }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          {compact ? (
            <ActionIcon variant="default" size={36} aria-label={t('customers.export')}>
              <IconDownload size={18} />
            </ActionIcon>
          ) : (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              rightSection={<IconChevronDown size={14} />}
            >
              {t('customers.export')}
            </Button>
          )}
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('customers.exportHelp')}</Menu.Label>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={open}>
            {t('customers.exportSjis')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={buildExportUrl(filters, 'utf8')}
            download
            leftSection={<IconFileText size={16} />}
          >
            {t('customers.exportUtf8')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ShiftJisExportDialog filters={filters} opened={opened} onClose={close} />
    </>
  );
}
