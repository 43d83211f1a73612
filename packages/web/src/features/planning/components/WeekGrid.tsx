import { Table, Text, UnstyledButton } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDay, PlanRep, RepDay } from '../api/plan-types.ts';
import { formatClock, formatDay, formatDuration } from '../utils/plan-dates.ts';
import { buildWeekGrid } from '../utils/week-grid.ts';
import classes from './PlanBoard.module.css';

interface WeekGridProps {
  reps: PlanRep[];
  days: PlanDay[];
  dates: string[];
  selected: RepDay | null;
  onSelect: (day: RepDay) => void;
  /** Set while a visit is dragged: cells and rep rows become drop targets. */
  dragging: boolean;
  onDrop: (target: RepDay) => void;
  /** The date a rep-row drop keeps (the dragged visit's). */
  dragDate: string | null;
}

/** Rows = reps, columns = the week's days; each cell its visits, travel and first–last time. */
export function WeekGrid({
  reps,
  days,
  dates,
  selected,
  onSelect,
  dragging,
  onDrop,
  dragDate,
}: WeekGridProps) {
  const { t, i18n } = useTranslation();
  const grid = buildWeekGrid(reps, days, dates);
  const [over, setOver] = useState<string | null>(null);

  const dropProps = (key: string, target: RepDay | null) =>
    dragging && target
      ? {
          onDragOver: (event: DragEvent) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setOver(key);
          },
          onDragLeave: () => setOver((current) => (current === key ? null : current)),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setOver(null);
            onDrop(target);
          },
          'data-drop-over': over === key || undefined,
        }
      : {};

  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table className={classes.grid} withTableBorder withColumnBorders data-testid="plan-week-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.repHead}>{t('plan.grid.rep')}</Table.Th>
            {grid.dates.map((date, index) => (
              <Table.Th key={date} className={classes.dayHead}>
                <Text size="sm" fw={700}>
                  {formatDay(date, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t('plan.grid.dayTotal', {
                    count: grid.columnTotals[index]!.visitCount,
                    travel: formatDuration(grid.columnTotals[index]!.travelSeconds),
                  })}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.rows.map((row) => (
            <Table.Tr key={row.rep.id} data-testid="plan-rep-row">
              <Table.Th
                scope="row"
                className={classes.repHead}
                {...dropProps(`rep:${row.rep.id}`, dragDate ? { repId: row.rep.id, date: dragDate } : null)}
              >
                <Text size="sm" fw={700} className={classes.repName}>
                  {row.rep.name}
                </Text>
                <Text size="xs" c="dimmed" fw={400} data-testid="plan-rep-total">
                  {t('plan.grid.weekTotal', {
                    count: row.visitCount,
                    travel: formatDuration(row.travelSeconds),
                  })}
                </Text>
              </Table.Th>
              {row.cells.map((day, index) => {
                const date = grid.dates[index]!;
                const key = `${row.rep.id}|${date}`;
                const isSelected = selected?.repId === row.rep.id && selected.date === date;
                if (!day) {
                  return (
                    <Table.Td key={key} className={classes.offCell}>
                      <Text size="xs" c="dimmed">
                        {t('plan.grid.off')}
                      </Text>
                    </Table.Td>
                  );
                }
                return (
                  <Table.Td
                    key={key}
                    className={classes.cell}
                    data-selected={isSelected || undefined}
                    {...dropProps(key, { repId: row.rep.id, date })}
                  >
                    <UnstyledButton
                      className={classes.cellButton}
                      aria-pressed={isSelected}
                      aria-label={t('plan.grid.cellLabel', {
                        rep: row.rep.name,
                        day: formatDay(date, i18n.language),
                        count: day.visitCount,
                      })}
                      data-testid="plan-day-cell"
                      data-rep-id={row.rep.id}
                      data-date={date}
                      onClick={() => onSelect({ repId: row.rep.id, date })}
                    >
                      <Text size="sm" fw={700}>
                        {t('plan.visitCount', { count: day.visitCount })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('plan.travel', { time: formatDuration(day.travelSeconds) })}
                      </Text>
                      {day.firstStart && day.lastEnd && (
                        <Text size="xs" c="dimmed" className={classes.times}>
                          {formatClock(day.firstStart)}–{formatClock(day.lastEnd)}
                        </Text>
                      )}
                    </UnstyledButton>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
