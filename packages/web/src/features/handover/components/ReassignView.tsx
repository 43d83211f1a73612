import type { HandoverPreview } from '@kayoi/server/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconEye } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { listAreas, listReps } from '../../customers/api/customers-api.ts';
import { notificationKeys } from '../../notifications/api/notifications-api.ts';
import { commitHandover, handoverKeys, previewHandover } from '../api/handover-api.ts';
import { LoadBar } from './LoadBar.tsx';

export interface ReassignDefaults {
  customerIds?: string[] | undefined;
  fromRepId?: string | undefined;
  areaId?: string | undefined;
}

/**
 * 担当替え: choose customers by area and/or rep (or arrive with a selection), the receiving rep,
 * preview each rep's load against capacity, write a note per customer, then confirm (one
 * transaction on the server; the new rep is notified once).
 */
export function ReassignView({ defaults = {} }: { defaults?: ReassignDefaults }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reps = useQuery({ queryKey: ['users', 'reps'], queryFn: listReps });
  const areas = useQuery({ queryKey: ['areas'], queryFn: listAreas });
  const [fromRepId, setFromRepId] = useState<string | null>(defaults.fromRepId ?? null);
  const [areaId, setAreaId] = useState<string | null>(defaults.areaId ?? null);
  const [toRepId, setToRepId] = useState<string | null>(null);
  const [preview, setPreview] = useState<HandoverPreview | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [commitKey] = useState(newIdempotencyKey);
  const [handoverId] = useState(() => crypto.randomUUID());

  const repOptions = (reps.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  const areaOptions = (areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));

  const previewing = useMutation({
    mutationFn: () =>
      previewHandover({
        toRepId: toRepId as string,
        ...(defaults.customerIds?.length ? { customerIds: defaults.customerIds } : {}),
        ...(fromRepId ? { fromRepId } : {}),
        ...(areaId ? { areaId } : {}),
      }),
    onSuccess: (result) => {
      setPreview(result);
      setExcluded(new Set());
    },
  });
  const chosen = useMemo(
    () => (preview?.customers ?? []).filter((c) => !excluded.has(c.id)),
    [preview, excluded],
  );
  const committing = useMutation({
    mutationFn: () =>
      commitHandover(
        {
          id: handoverId,
          toRepId: preview?.toRepId as string,
          customers: chosen.map((c) => ({
            id: c.id,
            version: c.version,
            ...(notes[c.id]?.trim() ? { note: notes[c.id]?.trim() } : {}),
          })),
        },
        commitKey,
      ),
    onSuccess: (handover) => {
      void queryClient.invalidateQueries({ queryKey: handoverKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      void navigate({ to: '/handovers', search: { handover: handover.id } });
    },
  });

  const canPreview = !!toRepId && (!!fromRepId || !!areaId || !!defaults.customerIds?.length);
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('handover.reassign.fromRep')}
            placeholder={t('handover.reassign.anyRep')}
            data={repOptions}
            value={fromRepId}
            onChange={setFromRepId}
            clearable
            searchable
            data-testid="handover-from-rep"
          />
          <Select
            label={t('handover.reassign.area')}
            placeholder={t('handover.reassign.anyArea')}
            data={areaOptions}
            value={areaId}
            onChange={setAreaId}
            clearable
            searchable
            data-testid="handover-area"
          />
          <Select
            label={t('handover.reassign.toRep')}
            data={repOptions.filter((r) => r.value !== fromRepId)}
            value={toRepId}
            onChange={setToRepId}
            searchable
            required
            data-testid="handover-to-rep"
          />
        </SimpleGrid>
        {defaults.customerIds?.length ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('handover.reassign.selected', { count: defaults.customerIds.length })}
          </Text>
        ) : null}
        <Group justify="flex-end" mt="md">
          <Button
            leftSection={<IconEye size={16} />}
            onClick={() => previewing.mutate()}
            disabled={!canPreview}
            loading={previewing.isPending}
            data-testid="handover-preview"
          >
            {t('handover.reassign.preview')}
          </Button>
        </Group>
        {previewing.isError && (
          <Alert color="red" mt="sm">
            {errorMessage(previewing.error, t)}
          </Alert>
        )}
      </Card>

      {preview && (
        <>
          <Card withBorder radius="md">
            <Title order={2} fz="md" mb="sm">
              {t('handover.reassign.loadTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              {preview.loads.map((load) => (
                <LoadBar key={load.repId} load={load} />
              ))}
            </SimpleGrid>
            {preview.introDate && (
              <Text size="sm" mt="md">
                {t('handover.reassign.introDate', {
                  date: formatDate(`${preview.introDate}T03:00:00Z`, i18n.language),
                })}
              </Text>
            )}
          </Card>

          <Card withBorder radius="md" p={0}>
            {preview.customers.length === 0 ? (
              <Text p="md" c="dimmed">
                {t('handover.reassign.none')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs" data-testid="handover-preview-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={36} />
                      <Table.Th>{t('handover.reassign.customer')}</Table.Th>
                      <Table.Th>{t('handover.reassign.fromRep')}</Table.Th>
                      <Table.Th ta="right">{t('handover.reassign.cadence')}</Table.Th>
                      <Table.Th ta="right">{t('handover.reassign.open')}</Table.Th>
                      <Table.Th>{t('handover.reassign.note')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.customers.map((c) => (
                      <Table.Tr key={c.id} data-testid="handover-preview-row">
                        <Table.Td>
                          <Checkbox
                            aria-label={c.name}
                            checked={!excluded.has(c.id)}
                            onChange={(e) => {
                              const next = new Set(excluded);
                              if (e.currentTarget.checked) next.delete(c.id);
                              else next.add(c.id);
                              setExcluded(next);
                            }}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            renderRoot={(props) => (
                              <Link {...props} to="/customers/$customerId" params={{ customerId: c.id }} />
                            )}
                            size="sm"
                          >
                            {c.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {c.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.fromRepName ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">
                            {t('handover.reassign.cadenceDays', { count: c.cadenceDays })}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('handover.reassign.perMonth', { value: c.visitsPerMonth })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="xs">
                            {t('handover.reassign.openCounts', {
                              promises: c.openFollowups,
                              complaints: c.openComplaints,
                            })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            size="xs"
                            maxLength={2000}
                            placeholder={t('handover.reassign.notePlaceholder')}
                            value={notes[c.id] ?? ''}
                            onChange={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })}
                            aria-label={t('handover.reassign.noteFor', { name: c.name })}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          {preview.truncated && <Alert color="yellow">{t('handover.reassign.truncated')}</Alert>}
          {committing.isError && <Alert color="red">{errorMessage(committing.error, t)}</Alert>}
          <Group justify="flex-end">
            <Button
              size="md"
              rightSection={<IconArrowRight size={16} />}
              disabled={chosen.length === 0}
              loading={committing.isPending}
              onClick={() => committing.mutate()}
              data-testid="handover-commit"
            >
              {t('handover.reassign.commit', { count: chosen.length, name: preview.toRepName })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
