import type { SkipReason, Stop } from '@kayoi/server/contracts';
import { skipReasons } from '@kayoi/server/contracts';
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCalendarOff, IconCheck, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, tokyoDateKey } from '../../../lib/format.ts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { OutboxList } from '../../offline/components/OutboxList.tsx';
import { submitOrThrow } from '../../offline/sync-engine.ts';
import { useSyncStatus } from '../../offline/use-sync-status.ts';
import { getToday, visitKeys } from '../../visits/api/visits-api.ts';
import { type LogTarget, VisitLogSheet } from '../../visits/components/VisitLogSheet.tsx';
import { orderAlerts } from '../alerts.ts';
import { currentPosition } from '../geo.ts';
import { StopCard } from './StopCard.tsx';
import { TodayMap } from './TodayMap.tsx';

/** Alerts shown before 「すべて表示」, so the stops stay near the top of a phone screen. */
const ALERTS_SHOWN = 2;

const tomorrowKey = () => tokyoDateKey(new Date(Date.now() + 86_400_000));

/** 今日: alerts on top, the day's stops in order; 明日 one tab (or one swipe) away. */
export function TodayView() {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState<'today' | 'tomorrow'>('today');
  // On a desk the map stands beside the list, tall; on a phone it is a strip above it.
  const desk = useMediaQuery('(min-width: 62em)') ?? false;
  const date = day === 'today' ? null : tomorrowKey();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: visitKeys.today(date),
    queryFn: ({ signal }) => getToday(date, signal),
  });
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [logTarget, setLogTarget] = useState<LogTarget | null>(null);
  const [skipping, setSkipping] = useState<Stop | null>(null);
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [allAlerts, setAllAlerts] = useState(false);
  const touchX = useRef<number | null>(null);
  // Writes still on the phone (未送信): made offline, or refused by the server and kept to correct.
  const { entries: unsent } = useSyncStatus();
  const unsentIds = new Set(
    unsent.map((entry) => /^\/api\/visits\/([^/]+)\//.exec(entry.path)?.[1]).filter(Boolean),
  );

  const refresh = () => queryClient.invalidateQueries({ queryKey: visitKeys.allToday });

  const checkInMutation = useMutation({
    mutationFn: async (stop: Stop) => {
      const id = crypto.randomUUID();
      return submitOrThrow({
        id,
        kind: 'check-in',
        method: 'POST',
        path: '/api/visits',
        body: {
          id,
          customerId: stop.customer.id,
          ...(stop.plannedVisitId ? { plannedVisitId: stop.plannedVisitId } : {}),
          at: new Date().toISOString(),
          ...(await currentPosition().then((position) => (position ? { position } : {}))),
        },
        label: stop.customer.name,
        customerId: stop.customer.id,
      });
    },
    onSuccess: () => refresh(),
    onError: setActionError,
  });
  const checkOutMutation = useMutation({
    mutationFn: async (stop: Stop) => {
      const position = await currentPosition();
      return submitOrThrow({
        kind: 'check-out',
        method: 'POST',
        path: `/api/visits/${encodeURIComponent(stop.visitId ?? '')}/check-out`,
        body: { at: new Date().toISOString(), ...(position ? { position } : {}) },
        label: stop.customer.name,
        customerId: stop.customer.id,
      });
    },
    onSuccess: () => refresh(),
    onError: setActionError,
  });
  const doneMutation = useMutation({
    mutationFn: (f: {
      id: string;
      version: number;
      customerId: string;
      customerName: string;
      title: string;
    }) =>
      submitOrThrow({
        kind: 'followup-done',
        method: 'POST',
        path: `/api/followups/${encodeURIComponent(f.id)}/done`,
        body: { version: f.version },
        label: `${f.customerName}: ${f.title}`,
        customerId: f.customerId,
      }),
    onSuccess: () => refresh(),
    onError: setActionError,
  });

  const onTouchEnd = (x: number) => {
    if (touchX.current === null) return;
    const dx = x - touchX.current;
    touchX.current = null;
    if (dx < -80) setDay('tomorrow');
    if (dx > 80) setDay('today');
  };

  return (
    <Stack
      gap="sm"
      onTouchStart={(e) => {
        touchX.current = e.touches[0]?.clientX ?? null;
      }}
      onTouchEnd={(e) => onTouchEnd(e.changedTouches[0]?.clientX ?? 0)}
    >
      <SegmentedControl
        fullWidth
        value={day}
        onChange={(v) => setDay(v as 'today' | 'tomorrow')}
        data={[
          { value: 'today', label: t('today.tabToday') },
          { value: 'tomorrow', label: t('today.tabTomorrow') },
        ]}
      />
      {unsent.length > 0 && (
        <Alert
          color="orange"
          p="xs"
          data-testid="unsent-drafts"
          title={t('offline.unsentTitle', { count: unsent.length })}
        >
          <OutboxList
            entries={unsent}
            onEditLog={(entry) => {
              const visitId = /^\/api\/visits\/([^/]+)\/log$/.exec(entry.path)?.[1];
              if (visitId)
                setLogTarget({
                  visitId: decodeURIComponent(visitId),
                  customerName: entry.label,
                  version: null,
                  draft: entry.body as LogTarget['draft'],
                });
            }}
          />
        </Alert>
      )}
      {actionError !== null && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setActionError(null)}>
          {errorMessage(actionError, t)}
        </Alert>
      )}
      {query.isPending && <ListSkeleton />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Text size="sm" c="dimmed">
            {formatDate(`${query.data.date}T03:00:00Z`, i18n.language)} ·{' '}
            {t('today.count', { count: query.data.stops.length })}
          </Text>
          <Stack gap={6} data-testid="today-alerts">
            {orderAlerts(query.data.alerts)
              .slice(0, allAlerts ? undefined : ALERTS_SHOWN)
              .map((alert) =>
                alert.kind === 'promise' ? (
                  <Alert
                    key={alert.key}
                    color="red"
                    p="xs"
                    icon={<IconAlertTriangle size={18} />}
                    data-testid="alert-promise"
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600}>
                          {t('today.overduePromise', {
                            date: formatDate(`${alert.followup.dueDate}T03:00:00Z`, i18n.language),
                          })}
                        </Text>
                        <Text size="sm" truncate>
                          {alert.followup.customerName}: {alert.followup.title}
                        </Text>
                      </Stack>
                      <Button
                        size="compact-md"
                        h={44}
                        color="green"
                        variant="light"
                        leftSection={<IconCheck size={16} />}
                        loading={doneMutation.isPending && doneMutation.variables?.id === alert.followup.id}
                        onClick={() => doneMutation.mutate(alert.followup)}
                      >
                        {t('today.promiseDone')}
                      </Button>
                    </Group>
                  </Alert>
                ) : (
                  <Alert
                    key={alert.key}
                    color="orange"
                    p="xs"
                    icon={<IconAlertTriangle size={18} />}
                    data-testid="alert-complaint"
                  >
                    <Anchor
                      renderRoot={(props) => (
                        <Link
                          {...props}
                          to="/complaints/$complaintId"
                          params={{ complaintId: alert.complaint.id }}
                        />
                      )}
                      size="sm"
                    >
                      {t('today.openComplaint')}: {alert.complaint.customerName} — {alert.complaint.title}
                    </Anchor>
                  </Alert>
                ),
              )}
            {orderAlerts(query.data.alerts).length > ALERTS_SHOWN && (
              <Button variant="subtle" size="compact-sm" onClick={() => setAllAlerts(!allAlerts)}>
                {allAlerts
                  ? t('today.fewerAlerts')
                  : t('today.moreAlerts', {
                      count: orderAlerts(query.data.alerts).length - ALERTS_SHOWN,
                    })}
              </Button>
            )}
          </Stack>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
              <div style={{ position: 'sticky', top: 72 }}>
                <TodayMap stops={query.data.stops} height={desk ? 560 : 200} />
              </div>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
              <Stack gap="sm">
                {query.data.stops.length === 0 && (
                  <EmptyPanel
                    icon={<IconCalendarOff size={28} />}
                    title={t('today.empty')}
                    description={t('today.emptyHint')}
                  />
                )}
                {query.data.stops.map((stop, index) => (
                  <StopCard
                    key={stop.key}
                    stop={stop}
                    index={index}
                    open={openKey === stop.key}
                    onToggle={() => setOpenKey(openKey === stop.key ? null : stop.key)}
                    busy={
                      (checkInMutation.isPending && checkInMutation.variables?.key === stop.key) ||
                      (checkOutMutation.isPending && checkOutMutation.variables?.key === stop.key)
                    }
                    unsent={stop.visitId !== null && unsentIds.has(stop.visitId)}
                    readOnly={day === 'tomorrow'}
                    onCheckIn={() => checkInMutation.mutate(stop)}
                    onCheckOut={() => checkOutMutation.mutate(stop)}
                    onLog={() =>
                      stop.visitId &&
                      setLogTarget({
                        visitId: stop.visitId,
                        customerName: stop.customer.name,
                        version: stop.log ? stop.visitVersion : null,
                      })
                    }
                    onSkip={() => setSkipping(stop)}
                  />
                ))}
                {day === 'today' && (
                  <Button
                    variant="light"
                    h={48}
                    leftSection={<IconPlus size={18} />}
                    onClick={() => setAdding(true)}
                  >
                    {t('today.addUnplanned')}
                  </Button>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
      <VisitLogSheet target={logTarget} onClose={() => setLogTarget(null)} />
      <SkipModal stop={skipping} onClose={() => setSkipping(null)} onDone={() => void refresh()} />
      <UnplannedModal opened={adding} onClose={() => setAdding(false)} onDone={() => void refresh()} />
    </Stack>
  );
}

function SkipModal({
  stop,
  onClose,
  onDone,
}: {
  stop: Stop | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState<SkipReason>('customer_closed');
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      submitOrThrow({
        kind: 'skip',
        method: 'POST',
        path: '/api/visits/skip',
        body: {
          plannedVisitId: stop?.plannedVisitId ?? '',
          reason: { code, ...(note.trim() ? { note: note.trim() } : {}) },
        },
        label: stop?.customer.name ?? '',
        customerId: stop?.customer.id ?? null,
      }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal
      opened={stop !== null}
      onClose={onClose}
      title={t('today.skipTitle', { name: stop?.customer.name ?? '' })}
    >
      <Stack gap="sm">
        <Select
          label={t('today.skipReasonLabel')}
          value={code}
          allowDeselect={false}
          onChange={(v) => v && setCode(v as SkipReason)}
          data={skipReasons.map((r) => ({ value: r, label: t(`today.skipReason.${r}`) }))}
        />
        <Textarea
          label={t('today.skipNote')}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          {t('today.skipHint')}
        </Text>
        {mutation.isError && <Alert color="red">{errorMessage(mutation.error, t)}</Alert>}
        <Button h={48} color="orange" loading={mutation.isPending} onClick={() => mutation.mutate()}>
          {t('today.skipConfirm')}
        </Button>
      </Stack>
    </Modal>
  );
}

interface CustomerHit {
  id: string;
  name: string;
  address?: string;
}

function UnplannedModal({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CustomerHit[] }>(`/api/customers${buildQuery({ q, limit: 20 })}`, { signal }),
    enabled: opened && q.trim().length > 0,
  });
  const mutation = useMutation({
    mutationFn: async (customer: CustomerHit) => {
      const position = await currentPosition();
      const id = crypto.randomUUID();
      return submitOrThrow({
        id,
        kind: 'check-in',
        method: 'POST',
        path: '/api/visits',
        body: {
          id,
          customerId: customer.id,
          at: new Date().toISOString(),
          ...(position ? { position } : {}),
        },
        label: customer.name,
        customerId: customer.id,
      });
    },
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('today.addUnplanned')}>
      <Stack gap="xs">
        <TextInput
          label={t('today.searchCustomer')}
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
        />
        {mutation.isError && <Alert color="red">{errorMessage(mutation.error, t)}</Alert>}
        {(search.data?.items ?? []).map((c) => (
          <Button
            key={c.id}
            variant="default"
            h={48}
            justify="flex-start"
            loading={mutation.isPending && mutation.variables?.id === c.id}
            onClick={() => mutation.mutate(c)}
          >
            {c.name}
          </Button>
        ))}
        <Text size="xs" c="dimmed">
          {t('today.unplannedHint')}
        </Text>
      </Stack>
    </Modal>
  );
}
