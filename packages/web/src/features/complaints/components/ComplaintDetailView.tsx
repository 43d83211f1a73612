import type { ComplaintActionType, ComplaintDetail } from '@kayoi/server/contracts';
import { complaintCategoryLabels, complaintStatusLabels } from '@kayoi/server/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { actOnComplaint, complaintKeys, getComplaint } from '../api/complaints-api.ts';
import { label, statusColor } from './ComplaintsList.tsx';

/** The actions each status offers (the server refuses others with 409 invalid_transition). */
export const actionsFor = (status: ComplaintDetail['status']): ComplaintActionType[] => {
  switch (status) {
    case 'open':
      return ['start', 'resolve', 'note'];
    case 'in_progress':
      return ['resolve', 'note'];
    case 'resolved':
      return ['confirm', 'reopen', 'note'];
    default:
      return ['reopen', 'note'];
  }
};
const needsNote = (type: ComplaintActionType) => type === 'resolve' || type === 'reopen' || type === 'note';

export function ComplaintDetailView({ complaintId }: { complaintId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: complaintKeys.one(complaintId),
    queryFn: ({ signal }) => getComplaint(complaintId, signal),
  });
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: ({ type, version }: { type: ComplaintActionType; version: number }) =>
      actOnComplaint(
        complaintId,
        { id: crypto.randomUUID(), type, version, ...(note.trim() ? { note: note.trim() } : {}) },
        newIdempotencyKey(),
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.one(complaintId), detail);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.field });
      setNote('');
    },
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Stack gap="sm">
      <Group gap={6}>
        <Badge color={statusColor[c.status]} size="lg" data-testid="complaint-status">
          {label(complaintStatusLabels[c.status], lang)}
        </Badge>
        {c.overdue && (
          <Badge color="red" variant="filled">
            {t('complaints.overdue')}
          </Badge>
        )}
        <Badge variant="outline">{t(`complaints.severity.${c.severity}`)}</Badge>
      </Group>
      <Title order={1} fz={20}>
        {c.title}
      </Title>
      <Text size="sm">
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/customers/$customerId" params={{ customerId: c.customerId }} />
          )}
        >
          {c.customerName}
        </Anchor>
        {' · '}
        {t(`complaints.kind.${c.kind}`)} · {label(complaintCategoryLabels[c.category], lang)} ·{' '}
        {t('complaints.due', { date: formatDate(`${c.dueDate}T03:00:00Z`, lang) })}
        {c.ownerName ? ` · ${t('complaints.owner', { name: c.ownerName })}` : ''}
      </Text>
      {c.detail && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.detail}
        </Text>
      )}
      {c.status === 'resolved' && <Alert color="violet">{t('complaints.confirmHint')}</Alert>}
      <Card withBorder p="sm">
        <Stack gap="xs">
          <Textarea
            label={t('complaints.note')}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group gap="xs" grow>
            {actionsFor(c.status).map((type) => (
              <Button
                key={type}
                h={48}
                variant={type === 'note' ? 'default' : 'filled'}
                disabled={needsNote(type) && !note.trim()}
                loading={mutation.isPending && mutation.variables?.type === type}
                onClick={() => mutation.mutate({ type, version: c.version })}
              >
                {t(`complaints.action.${type}`)}
              </Button>
            ))}
          </Group>
          {mutation.isError && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(mutation.error, t)}
            </Text>
          )}
        </Stack>
      </Card>
      <Title order={2} fz={16}>
        {t('complaints.history')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={c.actions.length}>
        {[...c.actions].reverse().map((a) => (
          <Timeline.Item key={a.id} title={t(`complaints.history_${a.type}`)} data-testid="complaint-action">
            <Text size="xs" c="dimmed">
              {formatDateTime(a.at, lang)} · {a.actorName} · {label(complaintStatusLabels[a.toStatus], lang)}
            </Text>
            {a.note && <Text size="sm">{a.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
