import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildExportUrl } from '../utils/build-export-url.ts';
import type { CustomerFilters } from '../utils/customer-filters.ts';

/** CSV export of the current filters: Shift_JIS for Excel by default, UTF-8 on request. */
export function ExportMenu({ filters, compact }: { filters: CustomerFilters; compact?: boolean }) {
  const { t } = useTranslation();
  return (
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
        <Menu.Item
          component="a"
          href={buildExportUrl(filters, 'sjis')}
          download
          leftSection={<IconFileSpreadsheet size={16} />}
        >
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
  );
}
