import { Group, ScrollArea, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDay, PlanRep, RepDay } from '../api/plan-types.ts';
import { formatDay } from '../utils/plan-dates.ts';
import classes from './PlanBoard.module.css';

interface PhoneDayPickerProps {
  reps: PlanRep[];
  days: PlanDay[];
  dates: string[];
  selected: RepDay | null;
  onSelect: (day: RepDay) => void;
}

/** On a phone: a rep picker and one chip per day of the week (with its visit count). */
export function PhoneDayPicker({ reps, days, dates, selected, onSelect }: PhoneDayPickerProps) {
  const { t, i18n } = useTranslation();
  const repId = selected?.repId ?? reps[0]?.id ?? null;
  const byDate = new Map(days.filter((day) => day.repId === repId).map((day) => [day.date, day]));
  return (
    <Stack gap="xs" data-testid="plan-phone-picker">
      <Select
        label={t('plan.grid.rep')}
        data={reps.map((rep) => ({ value: rep.id, label: rep.name }))}
        value={repId}
        allowDeselect={false}
        onChange={(next) => {
          if (!next) return;
          const date =
            selected?.date && days.some((day) => day.repId === next && day.date === selected.date)
              ? selected.date
              : (days.find((day) => day.repId === next && dates.includes(day.date))?.date ?? dates[0]!);
          onSelect({ repId: next, date });
        }}
      />
      <ScrollArea type="auto" offsetScrollbars>
        <Group gap={6} wrap="nowrap" role="group" aria-label={t('plan.grid.days')}>
          {dates.map((date) => {
            const day = byDate.get(date);
            const active = selected?.date === date && selected.repId === repId;
            return (
              <UnstyledButton
                key={date}
                className={classes.dayChip}
                data-active={active || undefined}
                aria-pressed={active}
                disabled={!day || !repId}
                data-testid="plan-day-chip"
                data-date={date}
                onClick={() => repId && onSelect({ repId, date })}
              >
                <Text size="sm" fw={700} lh={1.2}>
                  {formatDay(date, i18n.language)}
                </Text>
                <Text size="xs" lh={1.2} c={active ? undefined : 'dimmed'}>
                  {day ? t('plan.visitCount', { count: day.visitCount }) : t('plan.grid.off')}
                </Text>
              </UnstyledButton>
            );
          })}
        </Group>
      </ScrollArea>
    </Stack>
  );
}
