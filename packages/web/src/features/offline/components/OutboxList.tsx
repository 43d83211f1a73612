import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconGitCompare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { type OutboxEntry, offlineDb } from '../offline-db.ts';
import { discardWrite } from '../outbox.ts';
import { ConflictResolver } from './ConflictResolver.tsx';

const statusColor = { pending: 'orange', failed: 'red', conflict: 'grape' } as const;

interface OutboxListProps {
  entries: readonly OutboxEntry[];
  /** Opens a refused visit log in its editor (the draft is the entry's body). */
  onEditLog?: (entry: OutboxEntry) => void;
}

/** 未送信: every write still on the phone, in the order it will be sent, with what the server said. */
export function OutboxList({ entries, onEditLog }: OutboxListProps) {
  const { t, i18n } = useTranslation();
  const [comparing, setComparing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="outbox-empty">
        {t('offline.outbox.empty')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="outbox-list">
      {entries.map((entry) => (
        <Card
          key={entry.seq}
          withBorder
          padding="xs"
          radius="md"
          data-testid="outbox-entry"
          data-kind={entry.kind}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {t(`offline.kind.${entry.kind}`)} · {entry.label}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.createdAt, i18n.language)}
              </Text>
            </Stack>
            <Badge
              color={statusColor[entry.status]}
              variant="light"
              leftSection={
                entry.status === 'pending' ? (
                  <IconClock size={12} />
                ) : entry.status === 'conflict' ? (
                  <IconGitCompare size={12} />
                ) : (
                  <IconAlertTriangle size={12} />
                )
              }
              style={{ flexShrink: 0 }}
            >
              {t(`offline.status.${entry.status}`)}
            </Badge>
          </Group>
          {entry.status === 'failed' && entry.error && (
            <Stack gap={2} mt={6} data-testid="outbox-error">
              <Text size="xs" c="red">
                {entry.error.message || t('offline.outbox.refused')}
              </Text>
              {Object.entries(entry.error.fields).map(([field, message]) => (
                <Text key={field} size="xs" c="red">
                  {field}: {message}
                </Text>
              ))}
            </Stack>
          )}
          {entry.status !== 'pending' && (
            <Group gap="xs" mt={6}>
              {entry.status === 'conflict' && (
                <Button size="compact-sm" color="grape" onClick={() => setComparing(entry.seq ?? null)}>
                  {t('offline.outbox.compare')}
                </Button>
              )}
              {entry.status === 'failed' && entry.kind === 'visit-log' && onEditLog && (
                <Button size="compact-sm" onClick={() => onEditLog(entry)}>
                  {t('offline.outbox.edit')}
                </Button>
              )}
              {confirming === entry.seq ? (
                <Button
                  size="compact-sm"
                  color="red"
                  onClick={() => {
                    void discardWrite(offlineDb(), entry.seq as number);
                    setConfirming(null);
                  }}
                >
                  {t('offline.outbox.discardConfirm')}
                </Button>
              ) : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setConfirming(entry.seq ?? null)}
                >
                  {t('offline.outbox.discard')}
                </Button>
              )}
            </Group>
          )}
          {comparing === entry.seq && entry.status === 'conflict' && (
            <ConflictResolver entry={entry} onDone={() => setComparing(null)} />
          )}
        </Card>
      ))}
    </Stack>
  );
}
