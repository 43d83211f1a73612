import { Group, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';

/** How long since a phone's last sync before the manager's view marks it (the rep may be offline). */
export const STALE_SYNC_MS = 2 * 60 * 60_000;

/** On チームの状況: when the rep's phone last synced, and what still waited on it then. */
export function RepSyncStatus({
  sync,
  now = new Date(),
}: {
  sync: { lastSyncedAt: string; pending: number } | null;
  now?: Date;
}) {
  const { t, i18n } = useTranslation();
  const stale = !sync || now.getTime() - Date.parse(sync.lastSyncedAt) > STALE_SYNC_MS;
  return (
    <Group gap={4} mt={4} wrap="nowrap" data-testid="rep-sync">
      {stale ? (
        <IconCloudOff size={14} color="var(--mantine-color-orange-6)" />
      ) : (
        <IconCloudCheck size={14} color="var(--mantine-color-teal-6)" />
      )}
      <Text size="xs" c={stale ? 'orange' : 'dimmed'}>
        {sync
          ? t('offline.lastSyncAgo', { at: formatDateTime(sync.lastSyncedAt, i18n.language) })
          : t('offline.neverSynced')}
        {sync && sync.pending > 0 ? ` · ${t('offline.pendingOnPhone', { count: sync.pending })}` : ''}
      </Text>
    </Group>
  );
}
