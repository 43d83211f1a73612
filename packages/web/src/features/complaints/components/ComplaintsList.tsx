import type {
  ComplaintCategory,
  ComplaintKind,
  ComplaintListQuery,
  ComplaintSeverity,
  ComplaintStatus,
} from '@kayoi/server/contracts';
import {
  complaintCategories,
  complaintCategoryLabels,
  complaintKinds,
  complaintSeverities,
  complaintStatuses,
  complaintStatusLabels,
} from '@kayoi/server/contracts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { submitOrThrow } from '../../offline/sync-engine.ts';
import { complaintKeys, listComplaints } from '../api/complaints-api.ts';

export const statusColor: Record<ComplaintStatus, string> = {
  open: 'red',
  in_progress: 'orange',
  resolved: 'blue',
  confirmed: 'green',
};
export const label = (labels: { ja: string; en: string }, language: string) =>
  language === 'en' ? labels.en : labels.ja;

/** 不満・問い合わせ: the list with status and overdue filters, and a new one by hand. */
export function ComplaintsList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string>('active');
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const query: ComplaintListQuery = {
    status: status as ComplaintListQuery['status'],
    ...(overdue ? { overdue: 'true' } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: complaintKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listComplaints({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Chip.Group value={status} onChange={(v) => setStatus(String(v))}>
          {['active', ...complaintStatuses].map((s) => (
            <Chip key={s} value={s} size="sm">
              {s === 'active'
                ? t('complaints.active')
                : label(complaintStatusLabels[s as ComplaintStatus], i18n.language)}
            </Chip>
          ))}
        </Chip.Group>
        <Chip checked={overdue} onChange={setOverdue} color="red" size="sm">
          {t('complaints.overdueOnly')}
        </Chip>
      </Group>
      <Button leftSection={<IconPlus size={16} />} h={44} variant="light" onClick={() => setCreating(true)}>
        {t('complaints.new')}
      </Button>
      {list.isPending && <ListSkeleton />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('complaints.empty')}</Text>}
      {items.map((c) => (
        <Card key={c.id} withBorder p="sm" radius="md" data-testid="complaint-row">
          <Group gap={6} wrap="wrap">
            <Badge color={statusColor[c.status]}>
              {label(complaintStatusLabels[c.status], i18n.language)}
            </Badge>
            {c.overdue && (
              <Badge color="red" variant="filled">
                {t('complaints.overdue')}
              </Badge>
            )}
            <Badge variant="outline">{t(`complaints.severity.${c.severity}`)}</Badge>
            <Text size="xs" c="dimmed">
              {t('complaints.due', { date: formatDate(`${c.dueDate}T03:00:00Z`, i18n.language) })}
            </Text>
          </Group>
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/complaints/$complaintId" params={{ complaintId: c.id }} />
            )}
            fw={600}
            mt={4}
          >
            {c.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {c.customerName} · {t(`complaints.kind.${c.kind}`)} ·{' '}
            {label(complaintCategoryLabels[c.category], i18n.language)}
          </Text>
        </Card>
      ))}
      {list.hasNextPage && (
        <Button
          variant="subtle"
          h={44}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          data-testid="complaints-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
      <CreateComplaintModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

export function CreateComplaintModal({
  opened,
  onClose,
  customer,
  visitId,
}: {
  opened: boolean;
  onClose: () => void;
  customer?: { id: string; name: string };
  visitId?: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [customerId, setCustomerId] = useState<string | null>(customer?.id ?? null);
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const search = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: { id: string; name: string }[] }>(`/api/customers${buildQuery({ q, limit: 20 })}`, {
        signal,
      }),
    enabled: opened && !customer && q.trim().length > 0,
  });
  const mutation = useMutation({
    // Through the outbox: with no signal the complaint waits on the phone (未送信) under its
    // client-made id and is registered once when the network returns.
    mutationFn: async () => {
      const id = crypto.randomUUID();
      const outcome = await submitOrThrow({
        id,
        kind: 'complaint',
        method: 'POST',
        path: '/api/complaints',
        body: {
          id,
          customerId: customerId ?? '',
          source: visitId ? 'visit' : 'phone',
          ...(visitId ? { visitId } : {}),
          kind,
          category,
          severity,
          title: title.trim(),
          ...(detail.trim() ? { detail: detail.trim() } : {}),
        },
        label: customer?.name ?? title.trim(),
        customerId,
      });
      return { id, sent: outcome.state === 'sent' };
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      onClose();
      if (created.sent)
        void navigate({ to: '/complaints/$complaintId', params: { complaintId: created.id } });
      else notifications.show({ id: 'complaint-queued', color: 'orange', message: t('offline.queued') });
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('complaints.new')}>
      <Stack gap="xs">
        {customer ? (
          <Text fw={600}>{customer.name}</Text>
        ) : (
          <Select
            label={t('complaints.customer')}
            searchable
            searchValue={q}
            onSearchChange={setQ}
            value={customerId}
            onChange={setCustomerId}
            data={(search.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            filter={({ options }) => options}
          />
        )}
        <Select
          label={t('complaints.kindLabel')}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as ComplaintKind)}
          data={complaintKinds.map((k) => ({ value: k, label: t(`complaints.kind.${k}`) }))}
        />
        <Select
          label={t('complaints.category')}
          value={category}
          allowDeselect={false}
          onChange={(v) => v && setCategory(v as ComplaintCategory)}
          data={complaintCategories.map((c) => ({
            value: c,
            label: label(complaintCategoryLabels[c], i18n.language),
          }))}
        />
        <Select
          label={t('complaints.severityLabel')}
          value={severity}
          allowDeselect={false}
          onChange={(v) => v && setSeverity(v as ComplaintSeverity)}
          data={complaintSeverities.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))}
        />
        <TextInput
          label={t('complaints.titleLabel')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label={t('complaints.detail')}
          maxLength={4000}
          value={detail}
          onChange={(e) => setDetail(e.currentTarget.value)}
        />
        {mutation.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(mutation.error, t)}
          </Text>
        )}
        <Button
          h={48}
          disabled={!customerId || !title.trim()}
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {t('complaints.create')}
        </Button>
      </Stack>
    </Modal>
  );
}
