import type { AbsenceKind, WorkingProfile } from '@kayoi/server/contracts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useWorkingProfileActions } from '../hooks/useOrganization.ts';

const KINDS: AbsenceKind[] = ['vacation', 'training', 'other'];
const kindColor: Record<AbsenceKind, string> = { vacation: 'teal', training: 'indigo', other: 'gray' };

/** A person's absences (the planner plans no visits on them): the list, add and remove. */
export function AbsenceList({ profile, canEdit }: { profile: WorkingProfile; canEdit: boolean }) {
  const { t } = useTranslation();
  const actions = useWorkingProfileActions(profile.userId);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [kind, setKind] = useState<AbsenceKind>('vacation');
  const [note, setNote] = useState('');
  const fields = actions.addAbsence.error instanceof ApiError ? actions.addAbsence.error.fields : {};
  const add = () =>
    actions.addAbsence.mutate(
      { startDate, ...(endDate ? { endDate } : {}), kind, note: note.trim() },
      {
        onSuccess: () => {
          setStartDate('');
          setEndDate('');
          setNote('');
          notifications.show({ color: 'teal', message: t('organization.absences.added') });
        },
      },
    );
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="md">
            {t('organization.absences.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('organization.absences.help')}
          </Text>
        </Stack>
        <Stack gap="xs" data-testid="absence-list">
          {profile.absences.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('organization.absences.empty')}
            </Text>
          )}
          {profile.absences.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" data-testid="absence-row">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge color={kindColor[a.kind]} variant="light" w={64}>
                  {t(`organization.absences.kinds.${a.kind}`)}
                </Badge>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {a.startDate === a.endDate ? a.startDate : `${a.startDate} 〜 ${a.endDate}`}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {a.note}
                </Text>
              </Group>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('organization.absences.remove', { date: a.startDate })}
                  onClick={() =>
                    actions.removeAbsence.mutate(a.id, {
                      onError: (error) =>
                        notifications.show({ color: 'red', message: errorMessage(error, t) }),
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        {canEdit && (
          <Stack gap="xs">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={t('organization.absences.startDate')}
                value={startDate}
                onChange={(e) => setStartDate(e.currentTarget.value)}
                error={fields.startDate}
                w={170}
              />
              <TextInput
                type="date"
                label={t('organization.absences.endDate')}
                description={t('organization.absences.endDateHelp')}
                value={endDate}
                onChange={(e) => setEndDate(e.currentTarget.value)}
                error={fields.endDate}
                w={170}
              />
              <Select
                label={t('organization.absences.kind')}
                data={KINDS.map((k) => ({ value: k, label: t(`organization.absences.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => v && setKind(v as AbsenceKind)}
                allowDeselect={false}
                w={130}
              />
              <TextInput
                label={t('organization.absences.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={fields.note}
                maxLength={500}
                style={{ flex: '1 1 12rem' }}
              />
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={add}
                disabled={!startDate}
                loading={actions.addAbsence.isPending}
              >
                {t('organization.absences.add')}
              </Button>
            </Group>
            {actions.addAbsence.error && !Object.keys(fields).length && (
              <Alert color="red" variant="light">
                {errorMessage(actions.addAbsence.error, t)}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
