import { Badge, Box, Button, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCloud, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { offlineDb } from '../offline-db.ts';
import { retryNow } from '../outbox.ts';
import { syncNow } from '../sync-engine.ts';
import { useSyncStatus } from '../use-sync-status.ts';
import { OutboxList } from './OutboxList.tsx';

/**
 * The header's sync status, always in sight on a phone: online or offline, how many changes wait
 * on the phone, and (opened) when the last sync succeeded and the 未送信 list.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { online, entries, lastSyncAt } = useSyncStatus();
  const [opened, setOpened] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const refused = entries.filter((e) => e.status !== 'pending').length;
  const color = !online ? 'orange' : refused > 0 ? 'red' : entries.length > 0 ? 'yellow' : 'teal';
  const lastSync = lastSyncAt ? formatDateTime(lastSyncAt, i18n.language) : t('offline.never');
  return (
    <>
      <UnstyledButton
        onClick={() => setOpened(true)}
        aria-label={t('offline.indicatorLabel', {
          state: online ? t('offline.online') : t('offline.offline'),
          count: entries.length,
          last: lastSync,
        })}
        data-testid="sync-indicator"
        data-online={online}
        data-pending={entries.length}
        data-last-sync={lastSyncAt ?? ''}
      >
        <Badge
          size="lg"
          radius="sm"
          variant="light"
          color={color}
          leftSection={online ? <IconCloud size={16} /> : <IconCloudOff size={16} />}
          styles={{ label: { overflow: 'visible' } }}
        >
          {/* A phone's header has room for the icon and the count; a desk says it in words. */}
          <Box component="span" hiddenFrom="sm">
            {entries.length > 0 ? entries.length : ''}
          </Box>
          <Box component="span" visibleFrom="sm">
            {[
              online ? '' : t('offline.offline'),
              entries.length > 0 ? t('offline.unsentCount', { count: entries.length }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Box>
        </Badge>
      </UnstyledButton>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="bottom"
        size="85%"
        title={t('offline.title')}
        padding="md"
      >
        <Stack gap="sm" data-testid="sync-panel">
          <Group gap="xs">
            <Badge
              color={online ? 'teal' : 'orange'}
              variant="light"
              leftSection={online ? <IconCloud size={14} /> : <IconCloudOff size={14} />}
            >
              {online ? t('offline.online') : t('offline.offline')}
            </Badge>
            <Text size="sm" data-testid="last-sync">
              {t('offline.lastSync', { at: lastSync })}
            </Text>
          </Group>
          <Text size="sm" fw={600}>
            {t('offline.unsentTitle', { count: entries.length })}
          </Text>
          <OutboxList entries={entries} />
          <Button
            variant="light"
            h={44}
            leftSection={<IconRefresh size={18} />}
            disabled={!online}
            loading={syncing}
            onClick={async () => {
              setSyncing(true);
              try {
                await retryNow(offlineDb());
                await syncNow({ forceDownload: true });
              } finally {
                setSyncing(false);
              }
            }}
          >
            {t('offline.syncNow')}
          </Button>
          {!online && (
            <Text size="xs" c="dimmed">
              {t('offline.offlineHint')}
            </Text>
          )}
        </Stack>
      </Drawer>
    </>
  );
}
