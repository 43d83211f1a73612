import { ActionIcon, Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconArrowsMove,
  IconCoffee,
  IconFlag,
  IconHome,
  IconLock,
  IconPin,
  IconPinFilled,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PlanDay, PlannedVisit } from '../api/plan-types.ts';
import { formatClock, formatDuration } from '../utils/plan-dates.ts';
import { buildTimeline } from '../utils/timeline.ts';
import classes from './PlanBoard.module.css';

interface DayTimelineProps {
  day: PlanDay | null;
  visits: PlannedVisit[];
  /** Visits may be dragged onto the week grid (desks). */
  draggable?: boolean;
  onDragVisit?: (visit: PlannedVisit | null) => void;
  onTogglePin: (visit: PlannedVisit) => void;
  onMove: (visit: PlannedVisit) => void;
  pinningId?: string | null;
}

/**
 * A rep-day in time order: the start place, each stop (arrival, visit, departure, travel before),
 * the lunch break where it falls, and the end place.
 */
export function DayTimeline({
  day,
  visits,
  draggable,
  onDragVisit,
  onTogglePin,
  onMove,
  pinningId,
}: DayTimelineProps) {
  const { t } = useTranslation();
  const entries = buildTimeline(visits, day?.lunch ?? null);
  const numbers = new Map(
    entries
      .filter((entry) => entry.kind === 'visit')
      .map((entry, index) => [entry.kind === 'visit' ? entry.visit.id : '', index + 1]),
  );

  return (
    <ol className={classes.timeline} aria-label={t('plan.timeline.label')} data-testid="plan-timeline">
      {day?.startPlace && (
        <li className={classes.place}>
          <IconHome size={16} aria-hidden />
          <Text size="sm">
            <Text span fw={600}>
              {formatClock(day.firstStart)} {t('plan.timeline.leave')}
            </Text>{' '}
            <Text span c="dimmed">
              {day.startPlace.label}
            </Text>
          </Text>
        </li>
      )}
      {entries.map((entry) => {
        if (entry.kind === 'lunch') {
          return (
            <li key="lunch" className={classes.lunch} data-testid="timeline-lunch">
              <IconCoffee size={16} aria-hidden />
              <Text size="sm" fw={600}>
                {t('plan.timeline.lunch', { start: formatClock(entry.start), end: formatClock(entry.end) })}
              </Text>
            </li>
          );
        }
        const { visit } = entry;
        const number = numbers.get(visit.id) ?? 0;
        return (
          <li
            key={visit.id}
            className={classes.stopItem}
            data-testid="timeline-visit"
            draggable={draggable}
            onDragStart={(event) => {
              event.dataTransfer.setData('text/plain', visit.id);
              event.dataTransfer.effectAllowed = 'move';
              onDragVisit?.(visit);
            }}
            onDragEnd={() => onDragVisit?.(null)}
          >
            <Paper withBorder radius="md" p="xs" className={classes.stopCard}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Box
                  className={visit.pinned ? `${classes.number} ${classes.numberPinned}` : classes.number}
                  data-testid="timeline-number"
                >
                  {number}
                </Box>
                <Stack gap={2} className={classes.stopInfo}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={700} className={classes.times}>
                      {formatClock(visit.plannedStart)}–{formatClock(visit.plannedDeparture)}
                    </Text>
                    {visit.plannedArrival !== visit.plannedStart && (
                      <Text size="xs" c="dimmed">
                        {t('plan.timeline.arrive', { time: formatClock(visit.plannedArrival) })}
                      </Text>
                    )}
                    {visit.fixed && (
                      <Badge size="sm" color="grape" variant="light" leftSection={<IconLock size={11} />}>
                        {t('plan.timeline.fixed')}
                      </Badge>
                    )}
                  </Group>
                  <Anchor
                    renderRoot={(props) => (
                      <Link
                        to="/customers/$customerId"
                        params={{ customerId: visit.customerId }}
                        {...props}
                      />
                    )}
                    fw={600}
                    size="sm"
                    className={classes.customerName}
                  >
                    {visit.customerName}
                  </Anchor>
                  <Text size="xs" c="dimmed" className={classes.address}>
                    {visit.address}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('plan.timeline.travelBefore', { time: formatDuration(visit.travelSecondsBefore) })}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap" className={classes.stopActions}>
                  <Tooltip label={visit.pinned ? t('plan.pin.unpin') : t('plan.pin.pin')}>
                    <ActionIcon
                      variant={visit.pinned ? 'filled' : 'subtle'}
                      color={visit.pinned ? 'orange' : 'gray'}
                      size="lg"
                      aria-pressed={visit.pinned}
                      aria-label={`${visit.pinned ? t('plan.pin.unpin') : t('plan.pin.pin')}: ${visit.customerName}`}
                      loading={pinningId === visit.id}
                      onClick={() => onTogglePin(visit)}
                    >
                      {visit.pinned ? <IconPinFilled size={18} /> : <IconPin size={18} />}
                    </ActionIcon>
                  </Tooltip>
                  <Button
                    variant="light"
                    size="compact-sm"
                    leftSection={<IconArrowsMove size={14} />}
                    aria-label={`${t('plan.move.action')}: ${visit.customerName}`}
                    onClick={() => onMove(visit)}
                  >
                    {t('plan.move.action')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          </li>
        );
      })}
      {day?.endPlace && (
        <li className={classes.place}>
          <IconFlag size={16} aria-hidden />
          <Text size="sm">
            <Text span fw={600}>
              {formatClock(day.lastEnd)} {t('plan.timeline.arriveEnd')}
            </Text>{' '}
            <Text span c="dimmed">
              {day.endPlace.label}
            </Text>
          </Text>
        </li>
      )}
    </ol>
  );
}
