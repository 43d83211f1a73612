import type { HandoverSheet } from '@kayoi/server/contracts';
import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconCalendarEvent } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { acceptIntroVisit, handoverKeys } from '../api/handover-api.ts';

const dateLabel = (date: string, lang: string) => formatDate(`${date}T03:00:00Z`, lang);

/**
 * 同行訪問: the suggested introduction visit, and for the new rep (or their manager) the form that
 * puts it in the plan as an agreed appointment (day, time window, note). Once accepted it shows
 * the appointment and whether a plan holds it yet.
 */
export function IntroVisitCard({ sheet }: { sheet: HandoverSheet }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const queryClient = useQueryClient();
  const defaultNote = sheet.fromRepName ? t('handover.intro.defaultNote', { name: sheet.fromRepName }) : '';
  const [date, setDate] = useState(sheet.introDate ?? '');
  const [startTime, setStartTime] = useState('10:00');
  const [endTime, setEndTime] = useState('10:30');
  const [note, setNote] = useState(defaultNote);
  const [key] = useState(() => crypto.randomUUID());
  const accept = useMutation({
    mutationFn: () => acceptIntroVisit(sheet.id, { date, startTime, endTime, note: note.trim() }, key),
    onSuccess: (updated) => {
      queryClient.setQueryData(handoverKeys.sheet(sheet.id), updated);
      void queryClient.invalidateQueries({ queryKey: handoverKeys.all });
      notifications.show({ color: 'teal', message: t('handover.intro.accepted') });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && Object.keys(error.fields).length > 0))
        notifications.show({ color: 'red', message: errorMessage(error, t) });
    },
  });
  const fields = accept.error instanceof ApiError ? accept.error.fields : {};
  const canAccept = me.user.role !== 'rep' || me.user.id === sheet.toRepId;
  const a = sheet.introAppointment;

  if (a)
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCalendarCheck size={18} />}
        title={t('handover.intro.acceptedTitle')}
        data-testid="handover-sheet-intro"
      >
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={700} data-testid="intro-appointment">
              {t('handover.intro.when', {
                date: dateLabel(a.date, lang),
                start: a.startTime,
                end: a.endTime,
              })}
            </Text>
            <Badge color={a.planId ? 'teal' : 'gray'} variant="light">
              {a.planId ? t('handover.intro.inPlan') : t('handover.intro.waiting')}
            </Badge>
          </Group>
          {a.note && <Text size="sm">{a.note}</Text>}
          <Text size="xs" c="dimmed">
            {a.planId ? t('handover.intro.inPlanHelp') : t('handover.intro.waitingHelp')}
          </Text>
          <Followups sheet={sheet} />
        </Stack>
      </Alert>
    );

  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconCalendarEvent size={18} />}
      title={t('handover.sheet.intro')}
      data-testid="handover-sheet-intro"
    >
      <Stack gap="xs">
        <Text size="sm">
          {sheet.introDate
            ? t('handover.sheet.introText', {
                date: dateLabel(sheet.introDate, lang),
                from: sheet.fromRepName ?? '—',
              })
            : t('handover.sheet.noIntro')}
        </Text>
        {canAccept && (
          <form
            className="no-print"
            onSubmit={(e) => {
              e.preventDefault();
              accept.mutate();
            }}
          >
            <Stack gap="xs">
              <Group gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('handover.intro.date')}
                  value={date}
                  onChange={(e) => setDate(e.currentTarget.value)}
                  error={fields.date}
                  required
                  w={170}
                />
                <TextInput
                  type="time"
                  label={t('handover.intro.start')}
                  value={startTime}
                  onChange={(e) => setStartTime(e.currentTarget.value)}
                  error={fields.startTime}
                  required
                  w={150}
                />
                <TextInput
                  type="time"
                  label={t('handover.intro.end')}
                  value={endTime}
                  onChange={(e) => setEndTime(e.currentTarget.value)}
                  error={fields.endTime}
                  required
                  w={150}
                />
              </Group>
              <TextInput
                label={t('handover.intro.note')}
                value={note}
                maxLength={200}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={fields.note}
              />
              <Group>
                <Button
                  type="submit"
                  loading={accept.isPending}
                  leftSection={<IconCalendarCheck size={16} />}
                >
                  {t('handover.intro.accept')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Followups sheet={sheet} />
      </Stack>
    </Alert>
  );
}

/** What else moved to the new rep with the customer: open promises and complaints. */
function Followups({ sheet }: { sheet: HandoverSheet }) {
  const { t } = useTranslation();
  return (
    <>
      {sheet.followupsMoved > 0 && (
        <Text size="sm">{t('handover.sheet.promisesMoved', { count: sheet.followupsMoved })}</Text>
      )}
      {sheet.complaintsMoved > 0 && (
        <Text size="sm" data-testid="complaints-moved">
          {t('handover.intro.complaintsMoved', { count: sheet.complaintsMoved })}
        </Text>
      )}
    </>
  );
}
