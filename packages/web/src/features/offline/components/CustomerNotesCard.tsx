import type { Customer } from '@kayoi/server/contracts';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCloudOff, IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCustomer } from '../../customers/api/customers-api.ts';
import { customerKeys } from '../../customers/hooks/customer-keys.ts';
import { type OutboxEntry, offlineDb } from '../offline-db.ts';
import { patchSnapshot, snapshotKeys } from '../snapshots.ts';
import { submitWrite } from '../sync-engine.ts';
import { useLive } from '../use-sync-status.ts';
import { ConflictResolver } from './ConflictResolver.tsx';

const NOTES_MAX = 4000;

/**
 * The customer's メモ, editable on the phone with or without signal. The edit carries the version
 * it was made on: if someone changed the customer meanwhile the server refuses it and both
 * versions are shown here side by side — never a silent overwrite.
 */
export function CustomerNotesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const customer = useQuery({
    queryKey: customerKeys.detail(customerId),
    queryFn: ({ signal }) => getCustomer(customerId, signal),
  });
  const waiting = useLive(
    () => offlineDb().outbox.where('replaces').equals(`customer:${customerId}`).first(),
    undefined as OutboxEntry | undefined,
  );
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!customer.data) return null;
  const c = customer.data as Customer;
  const pendingNotes = waiting?.status === 'pending' ? (waiting.body as { notes?: string }).notes : undefined;
  const shown = pendingNotes ?? c.notes;

  const save = async (notes: string) => {
    setSaving(true);
    try {
      const outcome = await submitWrite({
        kind: 'customer-edit',
        method: 'PATCH',
        path: `/api/customers/${encodeURIComponent(customerId)}`,
        body: { notes, version: c.version },
        label: c.name,
        customerId,
        replaces: `customer:${customerId}`,
      });
      if (outcome.state === 'sent') {
        queryClient.setQueryData(customerKeys.detail(customerId), outcome.result);
        await patchSnapshot(snapshotKeys.customer(customerId), () => outcome.result);
      }
      setDraft(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="sm" data-testid="customer-notes" className="no-print">
      <Group justify="space-between" mb={4}>
        <Text fw={700} fz={15}>
          {t('offline.notes.title')}
        </Text>
        <Group gap={6}>
          {waiting?.status === 'pending' && (
            <Badge
              color="orange"
              variant="light"
              leftSection={<IconCloudOff size={12} />}
              data-testid="notes-unsent"
            >
              {t('offline.status.pending')}
            </Badge>
          )}
          {draft === null && waiting?.status !== 'conflict' && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => setDraft(shown)}
            >
              {t('offline.notes.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {waiting?.status === 'conflict' ? (
        <Alert color="grape" p="xs" title={t('offline.conflict.title')} data-testid="notes-conflict">
          <ConflictResolver
            entry={waiting}
            onDone={() => void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) })}
          />
        </Alert>
      ) : draft === null ? (
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap' }}
          c={shown ? undefined : 'dimmed'}
          data-testid="notes-text"
        >
          {shown || t('offline.notes.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Textarea
            aria-label={t('offline.notes.title')}
            autosize
            minRows={3}
            maxLength={NOTES_MAX}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button h={40} loading={saving} onClick={() => void save(draft)}>
              {t('offline.notes.save')}
            </Button>
            <Button h={40} variant="default" onClick={() => setDraft(null)}>
              {t('offline.notes.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {waiting?.status === 'failed' && (
        <Text size="xs" c="red" mt={4}>
          {waiting.error?.message}
        </Text>
      )}
    </Card>
  );
}
