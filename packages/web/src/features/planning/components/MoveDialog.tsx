import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import type { PlannedVisit, PlanRep } from '../api/plan-types.ts';
import { formatDay } from '../utils/plan-dates.ts';

interface MoveDialogProps {
  visit: PlannedVisit | null;
  dates: string[];
  reps: PlanRep[];
  onClose: () => void;
  onSubmit: (target: { date: string; repId: string }) => void;
  pending: boolean;
  error: unknown;
}

/** The 移動 menu of a stop (for phones and keyboards): choose a day and a rep, then move. */
export function MoveDialog({ visit, dates, reps, onClose, onSubmit, pending, error }: MoveDialogProps) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const [repId, setRepId] = useState<string | null>(null);
  useEffect(() => {
    setDate(visit?.date ?? null);
    setRepId(visit?.repId ?? null);
  }, [visit]);
  const unchanged = !visit || (date === visit.date && repId === visit.repId);

  return (
    <Modal opened={visit !== null} onClose={onClose} title={t('plan.move.title')} centered>
      {visit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (date && repId && !unchanged) onSubmit({ date, repId });
          }}
        >
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {visit.customerName}
            </Text>
            <NativeSelect
              label={t('plan.move.day')}
              data={dates.map((value) => ({ value, label: formatDay(value, i18n.language) }))}
              value={date ?? ''}
              onChange={(event) => setDate(event.currentTarget.value)}
            />
            <NativeSelect
              label={t('plan.move.rep')}
              data={reps.map((rep) => ({ value: rep.id, label: rep.name }))}
              value={repId ?? ''}
              onChange={(event) => setRepId(event.currentTarget.value)}
            />
            {error !== null && error !== undefined && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(error, t)}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={unchanged} loading={pending}>
                {t('plan.move.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
