import { Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatePlanBody } from '../api/plan-types.ts';
import { nextMonday } from '../utils/plan-dates.ts';

export const HORIZON_CHOICES = [5, 10, 14] as const;
/** The solver's time: quick, standard (the server's default) or thorough. */
export const TIME_LIMIT_CHOICES = [5, 20, 60] as const;

interface OptimizeButtonProps {
  /** An admin chooses all reps or one team; a manager plans their own team. */
  teams: { id: string; reps: string[] }[] | null;
  defaultTeamId?: string;
  running: boolean;
  onStart: (body: CreatePlanBody) => void;
  pending: boolean;
}

/** 最適化: start date (next Monday), 5/10/14 days, the team (admins) and the solver's time. */
export function OptimizeButton({ teams, defaultTeamId, running, onStart, pending }: OptimizeButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [startDate, setStartDate] = useState(() => nextMonday());
  const [days, setDays] = useState('10');
  const [team, setTeam] = useState(defaultTeamId ?? 'all');
  const [timeLimit, setTimeLimit] = useState('20');
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(startDate);

  return (
    <>
      <Button leftSection={<IconSparkles size={16} />} onClick={() => setOpened(true)} disabled={running}>
        {t('plan.optimize.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('plan.optimize.title')} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!validDate) return;
            onStart({
              startDate,
              days: Number(days),
              timeLimitSeconds: Number(timeLimit),
              ...(teams && team !== 'all' ? { teamId: team } : {}),
            });
            setOpened(false);
          }}
        >
          <Stack gap="sm">
            <TextInput
              type="date"
              label={t('plan.optimize.startDate')}
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              error={validDate ? undefined : t('plan.optimize.dateRequired')}
              required
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="plan-days-label">
                {t('plan.optimize.days')}
              </Text>
              <SegmentedControl
                aria-labelledby="plan-days-label"
                value={days}
                onChange={setDays}
                data={HORIZON_CHOICES.map((value) => ({
                  value: String(value),
                  label: t('plan.optimize.dayCount', { count: value }),
                }))}
              />
            </Stack>
            {teams && (
              <Select
                label={t('plan.optimize.team')}
                value={team}
                onChange={(next) => setTeam(next ?? 'all')}
                allowDeselect={false}
                data={[
                  { value: 'all', label: t('plan.scope.all') },
                  ...teams.map((each) => ({ value: each.id, label: each.reps.join('・') })),
                ]}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="plan-time-label">
                {t('plan.optimize.timeLimit')}
              </Text>
              <SegmentedControl
                aria-labelledby="plan-time-label"
                value={timeLimit}
                onChange={setTimeLimit}
                data={TIME_LIMIT_CHOICES.map((value) => ({
                  value: String(value),
                  label: t('plan.optimize.seconds', { count: value }),
                }))}
              />
            </Stack>
            <Text size="xs" c="dimmed">
              {t('plan.optimize.hint')}
            </Text>
            <Button type="submit" loading={pending} disabled={!validDate}>
              {t('plan.optimize.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
