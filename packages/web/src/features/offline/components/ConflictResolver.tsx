import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OutboxEntry, offlineDb } from '../offline-db.ts';
import { discardWrite, resubmitWrite } from '../outbox.ts';
import { type Choice, changedFields, combine, mergeEdit } from '../resolve-conflict.ts';
import { syncNow } from '../sync-engine.ts';

/**
 * Both versions side by side, field by field: the rep keeps theirs, takes the server's, or
 * combines the two (text fields: both, editable) before sending again on the server's version.
 */
export function ConflictResolver({ entry, onDone }: { entry: OutboxEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const mine = entry.body as Record<string, unknown>;
  const server = (entry.current ?? {}) as Record<string, unknown>;
  const fields = changedFields(mine, server);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(fields.map((field) => [field, 'mine' as Choice])),
  );
  const [combined, setCombined] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field, combine(server[field], mine[field])])),
  );
  const label = (field: string) => t(`offline.field.${field}`, { defaultValue: field });
  const send = async (all?: Choice) => {
    const picked = all ? Object.fromEntries(fields.map((f) => [f, all])) : choices;
    const body = mergeEdit({ mine, server, choices: picked, combined });
    if (body === null) await discardWrite(offlineDb(), entry.seq as number);
    else await resubmitWrite(offlineDb(), entry.seq as number, body);
    onDone();
    void syncNow();
  };
  return (
    <Stack gap="sm" mt="sm" data-testid="conflict-resolver">
      <Text size="sm">{t('offline.conflict.explain')}</Text>
      {fields.map((field) => (
        <Stack key={field} gap={6} data-testid={`conflict-field-${field}`}>
          <Text size="sm" fw={600}>
            {label(field)}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('offline.conflict.mine')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-mine">
                {String(mine[field] ?? '')}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('offline.conflict.server')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-server">
                {String(server[field] ?? '')}
              </Text>
            </Stack>
          </SimpleGrid>
          <SegmentedControl
            size="xs"
            fullWidth
            value={choices[field] ?? 'mine'}
            onChange={(value) => setChoices({ ...choices, [field]: value as Choice })}
            data={[
              { value: 'mine', label: t('offline.conflict.keepMine') },
              { value: 'server', label: t('offline.conflict.takeServer') },
              ...(typeof mine[field] === 'string'
                ? [{ value: 'both', label: t('offline.conflict.both') }]
                : []),
            ]}
          />
          {choices[field] === 'both' && (
            <Textarea
              label={t('offline.conflict.combined')}
              autosize
              minRows={3}
              maxLength={4000}
              value={combined[field] ?? ''}
              onChange={(e) => setCombined({ ...combined, [field]: e.currentTarget.value })}
            />
          )}
        </Stack>
      ))}
      <Group gap="xs">
        <Button size="compact-md" h={40} onClick={() => void send()}>
          {t('offline.conflict.save')}
        </Button>
        <Button size="compact-md" h={40} variant="default" onClick={() => void send('mine')}>
          {t('offline.conflict.allMine')}
        </Button>
        <Button size="compact-md" h={40} variant="default" onClick={() => void send('server')}>
          {t('offline.conflict.allServer')}
        </Button>
      </Group>
    </Stack>
  );
}
