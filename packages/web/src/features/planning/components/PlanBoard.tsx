import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarWeek, IconChevronLeft, IconChevronRight, IconSun } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { tokyoDateKey } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import type { CreatePlanBody, DayChangeResult, PlannedVisit, PlanScope, RepDay } from '../api/plan-types.ts';
import { planKeys } from '../hooks/plan-keys.ts';
import { useCancelPlan, useMoveVisit, useOptimize, usePinVisit } from '../hooks/usePlanMutations.ts';
import {
  useDayVisits,
  useLatestPlan,
  usePlanDays,
  usePlanJob,
  usePlanTeams,
  useUnplanned,
} from '../hooks/usePlanQueries.ts';
import {
  addDays,
  formatClock,
  formatDay,
  formatDayLong,
  formatDuration,
  formatHours,
  horizonDates,
  horizonWeeks,
} from '../utils/plan-dates.ts';
import { visibleWeekDates } from '../utils/week-grid.ts';
import { DayTimeline } from './DayTimeline.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { OptimizeButton } from './OptimizeButton.tsx';
import { OptimizeProgress } from './OptimizeProgress.tsx';
import { PhoneDayPicker } from './PhoneDayPicker.tsx';
import classes from './PlanBoard.module.css';
import { UnplannedList } from './UnplannedList.tsx';
import { WeekGrid } from './WeekGrid.tsx';

const RouteMap = lazy(() => import('./RouteMap.tsx'));

const sameScope = (a: PlanScope, teamId: string | null) =>
  a.kind === 'all' ? teamId === null : a.teamId === teamId;

/** 計画: the plan board for managers and admins; a rep is pointed to their own visits on 今日. */
export function PlanScreen() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.user.role !== 'rep') return <PlanBoard />;
  return (
    <>
      <PageHeader title={t('plan.title')} />
      <EmptyPanel
        icon={<IconCalendarWeek size={28} />}
        title={t('plan.repOnly.title')}
        description={t('plan.repOnly.body')}
        actions={
          <Button component={Link} to="/" variant="light" leftSection={<IconSun size={16} />}>
            {t('plan.repOnly.action')}
          </Button>
        }
      />
    </>
  );
}

/** The manager's plan board (計画): optimise, the week by rep and day, one day's route, moves. */
export function PlanBoard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isAdmin = me.user.role === 'admin';
  const phone = useMediaQuery('(max-width: 37.5em)', false, { getInitialValueInEffect: false });
  const queryClient = useQueryClient();

  // A manager's default scope is their team (the API's default); an admin's, every rep.
  const [scope, setScope] = useState<PlanScope>({ kind: 'all' });
  const teams = usePlanTeams(isAdmin);
  const latest = useLatestPlan(scope);
  const plan = latest.data?.plan ?? null;
  const daysQuery = usePlanDays(plan?.id);
  const unplanned = useUnplanned(plan?.id);

  const [jobPlanId, setJobPlanId] = useState<string | null>(null);
  const job = usePlanJob(jobPlanId);
  const optimize = useOptimize();
  const cancel = useCancelPlan();

  const jobStatus = job.data?.status;
  const jobTeamId = job.data?.teamId ?? null;
  const shownJob = useRef<string | null>(null);
  useEffect(() => {
    if (jobStatus !== 'ready' || !jobPlanId || shownJob.current === jobPlanId) return;
    // Once per finished job, the board reloads on the new plan (an admin's scope follows it).
    shownJob.current = jobPlanId;
    if (isAdmin && !sameScope(scope, jobTeamId))
      setScope(jobTeamId ? { kind: 'team', teamId: jobTeamId } : { kind: 'all' });
    void queryClient.invalidateQueries({ queryKey: [...planKeys.all, 'latest'] });
  }, [jobStatus, jobPlanId, jobTeamId, isAdmin, scope, queryClient]);

  const startOptimize = (body: CreatePlanBody) =>
    optimize.mutate(body, {
      onSuccess: (result) => {
        queryClient.setQueryData(planKeys.plan(result.plan.id), result.plan);
        setJobPlanId(result.plan.id);
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('plan.optimize.failed'),
          message: errorMessage(error, t),
        }),
    });

  // Weeks of the horizon; the one holding today first when the plan covers it.
  const weeks = useMemo(() => (plan ? horizonWeeks(plan.startDate, plan.days) : []), [plan]);
  const [weekState, setWeekState] = useState<{ planId: string; index: number } | null>(null);
  const today = tokyoDateKey(new Date());
  const defaultWeek = Math.max(
    0,
    weeks.findIndex((week) => week.includes(today)),
  );
  const weekIndex = weekState && weekState.planId === plan?.id ? weekState.index : defaultWeek;
  const week = weeks[weekIndex] ?? [];
  const reps = daysQuery.data?.reps ?? [];
  const allDays = daysQuery.data?.days ?? [];
  const dates = visibleWeekDates(week, allDays);

  const [selectedState, setSelected] = useState<RepDay | null>(null);
  const selected = useMemo<RepDay | null>(() => {
    if (
      selectedState &&
      dates.includes(selectedState.date) &&
      reps.some((rep) => rep.id === selectedState.repId)
    )
      return selectedState;
    const first =
      allDays.find((day) => dates.includes(day.date) && day.visitCount > 0) ??
      allDays.find((day) => dates.includes(day.date));
    return first ? { repId: first.repId, date: first.date } : null;
  }, [selectedState, dates, reps, allDays]);
  // Keep the day shown once chosen, even when a move changes which days have visits.
  useEffect(() => {
    if (selected && (selected.repId !== selectedState?.repId || selected.date !== selectedState.date))
      setSelected(selected);
  }, [selected, selectedState]);
  const selectedDay = selected
    ? (allDays.find((day) => day.repId === selected.repId && day.date === selected.date) ?? null)
    : null;
  const visitsQuery = useDayVisits(plan?.id, selected?.repId, selected?.date);
  const visits = visitsQuery.data ?? [];

  const pin = usePinVisit(plan?.id ?? '');
  const move = useMoveVisit(plan?.id ?? '');
  const [moving, setMoving] = useState<PlannedVisit | null>(null);
  const [dragging, setDragging] = useState<PlannedVisit | null>(null);

  const reloadDay = (visit: PlannedVisit) => {
    void queryClient.invalidateQueries({
      queryKey: planKeys.dayVisits(plan?.id ?? '', visit.repId, visit.date),
    });
    void queryClient.invalidateQueries({ queryKey: planKeys.days(plan?.id ?? '') });
  };

  const togglePin = (visit: PlannedVisit) =>
    pin.mutate(
      { visit, pinned: !visit.pinned },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'blue',
            message: saved.pinned
              ? t('plan.pin.pinned', { name: saved.customerName })
              : t('plan.pin.unpinned', { name: saved.customerName }),
          }),
        onError: (error) => {
          const conflict = error instanceof ApiError && error.status === 409;
          if (conflict) reloadDay(visit);
          notifications.show({
            color: conflict ? 'yellow' : 'red',
            message: conflict ? t('plan.pin.conflict') : errorMessage(error, t),
          });
        },
      },
    );

  const announceMove = (result: DayChangeResult) =>
    notifications.show({
      color: 'green',
      message: t('plan.move.done', {
        before: formatDuration(result.change.travelSecondsBefore),
        after: formatDuration(result.change.travelSecondsAfter),
        count: result.change.resequenced,
      }),
    });

  const moveTo = (visit: PlannedVisit, target: RepDay, fromDialog: boolean) => {
    if (visit.repId === target.repId && visit.date === target.date) return;
    move.mutate(
      { visit, ...target },
      {
        onSuccess: (result) => {
          setMoving(null);
          announceMove(result);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) reloadDay(visit);
          if (!fromDialog)
            notifications.show({
              color: 'red',
              title: t('plan.move.failed'),
              message: errorMessage(error, t),
            });
        },
      },
    );
  };

  const optimizeButton = (
    <OptimizeButton
      teams={isAdmin ? (teams.data ?? []) : null}
      defaultTeamId={scope.kind === 'team' ? scope.teamId : undefined}
      running={jobStatus === 'queued' || jobStatus === 'running'}
      pending={optimize.isPending}
      onStart={startOptimize}
    />
  );
  const totalVisits = allDays.reduce((sum, day) => sum + day.visitCount, 0);
  const totalTravel = allDays.reduce((sum, day) => sum + day.travelSeconds, 0);
  const horizonEnd = plan ? addDays(plan.startDate, plan.days - 1) : null;
  const horizon = plan ? horizonDates(plan.startDate, plan.days) : [];
  const selectedRep = reps.find((rep) => rep.id === selected?.repId);

  const stops = buildStops(visits);

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        subtitle={
          plan && horizonEnd
            ? t('plan.horizon', {
                start: formatDay(plan.startDate, i18n.language),
                end: formatDay(horizonEnd, i18n.language),
                count: plan.days,
              })
            : t('plan.subtitle')
        }
        actions={
          <>
            {isAdmin && (
              <Select
                aria-label={t('plan.scope.label')}
                value={scope.kind === 'all' ? 'all' : scope.teamId}
                onChange={(next) =>
                  setScope(!next || next === 'all' ? { kind: 'all' } : { kind: 'team', teamId: next })
                }
                allowDeselect={false}
                w={220}
                data={[
                  { value: 'all', label: t('plan.scope.all') },
                  ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.reps.join('・') })),
                ]}
              />
            )}
            {optimizeButton}
          </>
        }
      />

      {job.data && (
        <OptimizeProgress
          plan={job.data}
          cancelling={cancel.isPending}
          onCancel={() =>
            jobPlanId &&
            cancel.mutate(jobPlanId, {
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
            })
          }
          onDismiss={() => setJobPlanId(null)}
        />
      )}

      {latest.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={60} radius="md" />
          <Skeleton height={220} radius="md" />
        </Stack>
      ) : latest.isError ? (
        <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
      ) : !plan ? (
        <EmptyPanel
          icon={<IconCalendarWeek size={28} />}
          title={t('plan.empty.title')}
          description={t('plan.empty.body')}
        />
      ) : (
        <Stack gap="md">
          <Group gap="sm" wrap="wrap" data-testid="plan-totals" data-plan-id={plan.id}>
            <Badge size="lg" variant="light" color={plan.status === 'ready' ? 'green' : 'gray'}>
              {t(`plan.status.${plan.status}`)}
            </Badge>
            <Stat label={t('plan.totals.visits')} value={t('plan.visitCount', { count: totalVisits })} />
            <Stat
              label={t('plan.totals.travel')}
              value={t('plan.totals.hours', { hours: formatHours(totalTravel) })}
            />
            <Stat
              label={t('plan.totals.unplanned')}
              value={t('plan.visitCount', { count: unplanned.data?.length ?? plan.summary?.unplanned ?? 0 })}
            />
          </Group>

          <Paper withBorder radius="md" p={{ base: 'xs', sm: 'sm' }}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('plan.week.previous')}
                disabled={weekIndex <= 0}
                onClick={() => plan && setWeekState({ planId: plan.id, index: weekIndex - 1 })}
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
              <Text fw={700} size="sm" ta="center" data-testid="plan-week-label">
                {dates.length > 0 &&
                  t('plan.week.label', {
                    start: formatDay(dates[0]!, i18n.language),
                    end: formatDay(dates.at(-1)!, i18n.language),
                  })}
              </Text>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('plan.week.next')}
                disabled={weekIndex >= weeks.length - 1}
                onClick={() => plan && setWeekState({ planId: plan.id, index: weekIndex + 1 })}
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </Group>
            {daysQuery.isPending ? (
              <Skeleton height={180} radius="md" />
            ) : daysQuery.isError ? (
              <ErrorState error={daysQuery.error} onRetry={() => void daysQuery.refetch()} />
            ) : phone ? (
              <PhoneDayPicker
                reps={reps}
                days={allDays}
                dates={dates}
                selected={selected}
                onSelect={setSelected}
              />
            ) : (
              <WeekGrid
                reps={reps}
                days={allDays}
                dates={dates}
                selected={selected}
                onSelect={setSelected}
                dragging={dragging !== null}
                dragDate={dragging?.date ?? null}
                onDrop={(target) => {
                  if (dragging) moveTo(dragging, target, false);
                  setDragging(null);
                }}
              />
            )}
          </Paper>

          {selected && (
            <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} data-testid="plan-day">
              <Stack gap={2} mb="sm">
                <Title order={2} fz="md">
                  {t('plan.day.title', {
                    rep: selectedRep?.name ?? '',
                    day: formatDayLong(selected.date, i18n.language),
                  })}
                </Title>
                {selectedDay && (
                  <Text size="sm" c="dimmed" data-testid="plan-day-summary">
                    {[
                      t('plan.visitCount', { count: selectedDay.visitCount }),
                      t('plan.travel', { time: formatDuration(selectedDay.travelSeconds) }),
                      selectedDay.firstStart && selectedDay.lastEnd
                        ? `${formatClockPair(selectedDay.firstStart, selectedDay.lastEnd)}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
              </Stack>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <div className={classes.mapBox} data-testid="plan-map">
                    <Suspense fallback={<Skeleton height="100%" />}>
                      <RouteMap
                        stops={stops}
                        start={selectedDay?.startPlace ?? null}
                        end={selectedDay?.endPlace ?? null}
                        label={t('plan.map.label')}
                        startLabel={t('plan.map.start')}
                        endLabel={t('plan.map.end')}
                        sameLabel={t('plan.map.startEnd')}
                        tilesFailedLabel={t('plan.map.offline')}
                      />
                    </Suspense>
                  </div>
                  {visits.length > stops.length && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('plan.map.missing', { count: visits.length - stops.length })}
                    </Text>
                  )}
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  {visitsQuery.isPending ? (
                    <Skeleton height={240} radius="md" />
                  ) : visitsQuery.isError ? (
                    <ErrorState error={visitsQuery.error} onRetry={() => void visitsQuery.refetch()} />
                  ) : visits.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('plan.day.empty')}
                    </Text>
                  ) : (
                    <DayTimeline
                      day={selectedDay}
                      visits={visits}
                      draggable={!phone}
                      onDragVisit={setDragging}
                      onTogglePin={togglePin}
                      onMove={(visit) => {
                        move.reset();
                        setMoving(visit);
                      }}
                      pinningId={pin.isPending ? (pin.variables?.visit.id ?? null) : null}
                    />
                  )}
                </Grid.Col>
              </Grid>
            </Paper>
          )}

          {unplanned.data && <UnplannedList items={unplanned.data} />}

          <MoveDialog
            visit={moving}
            dates={horizon}
            reps={reps}
            pending={move.isPending}
            error={move.error}
            onClose={() => setMoving(null)}
            onSubmit={(target) => moving && moveTo(moving, target, true)}
          />
        </Stack>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} className={classes.stat}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

const formatClockPair = (start: string, end: string) => `${formatClock(start)}–${formatClock(end)}`;

/** The numbered stops of a day with a known position (numbers follow the day's order). */
const buildStops = (visits: PlannedVisit[]) =>
  [...visits]
    .sort((a, b) => a.seq - b.seq)
    .map((visit, index) => ({ visit, number: index + 1 }))
    .filter(({ visit }) => visit.lat !== null && visit.lng !== null)
    .map(({ visit, number }) => ({
      id: visit.id,
      number,
      lat: visit.lat!,
      lng: visit.lng!,
      label: visit.customerName,
      pinned: visit.pinned,
    }));
