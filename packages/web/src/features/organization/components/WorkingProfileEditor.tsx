import type { WorkingProfile } from '@kayoi/server/contracts';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconDeviceFloppy, IconHome, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { getCompanyProfile } from '../../company/api/company-api.ts';
import { companyProfileKey } from '../../company/hooks/useCompanyProfile.ts';
import { useWorkingProfileActions } from '../hooks/useOrganization.ts';

const PlacePickerMap = lazy(() => import('./PlacePickerMap.tsx'));

type Place = WorkingProfile['start'];
const OSAKA = { lat: 34.6937, lng: 135.5023 };
/** Monday first, as a Japanese week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function PlaceField({
  kind,
  value,
  onChange,
  officeAddress,
  canEdit,
  error,
}: {
  kind: 'start' | 'end';
  value: Place;
  onChange: (place: Place) => void;
  officeAddress: string | null;
  canEdit: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const position = value.lat !== null && value.lng !== null ? { lat: value.lat, lng: value.lng } : null;
  return (
    <Stack gap={6}>
      <TextInput
        label={t(`organization.profile.${kind}Address`)}
        placeholder={t('organization.profile.addressPlaceholder')}
        value={value.address ?? ''}
        // A typed address is geocoded on save: the old map position no longer applies.
        onChange={(e) => onChange({ address: e.currentTarget.value, lat: null, lng: null })}
        disabled={!canEdit}
        error={error}
        maxLength={200}
      />
      <Group gap="xs">
        {canEdit && officeAddress && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconBuilding size={14} />}
            onClick={() => onChange({ address: officeAddress, lat: null, lng: null })}
          >
            {t('organization.profile.office')}
          </Button>
        )}
        {canEdit && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconHome size={14} />}
            onClick={() => onChange({ address: '', lat: null, lng: null })}
          >
            {t('organization.profile.home')}
          </Button>
        )}
        {canEdit && (
          <Button
            size="compact-sm"
            variant={picking ? 'filled' : 'light'}
            leftSection={<IconMapPin size={14} />}
            onClick={() => setPicking((p) => !p)}
            aria-pressed={picking}
          >
            {t('organization.profile.pickOnMap')}
          </Button>
        )}
        <Text size="xs" c={position ? 'teal' : 'dimmed'} data-testid={`${kind}-position`}>
          {position
            ? t('organization.profile.located', {
                lat: position.lat.toFixed(5),
                lng: position.lng.toFixed(5),
              })
            : value.address
              ? t('organization.profile.geocodeOnSave')
              : t('organization.profile.noPlace')}
        </Text>
      </Group>
      {picking && (
        <Box h={240} pos="relative">
          <Suspense fallback={null}>
            <PlacePickerMap
              value={position}
              fallback={position ?? OSAKA}
              onPick={(at) => onChange({ address: value.address, ...at })}
              label={t('organization.profile.mapLabel')}
              tilesFailedLabel={t('organization.areas.tilesFailed')}
            />
          </Suspense>
        </Box>
      )}
    </Stack>
  );
}

/** The working profile form: start/end place, working days, hours, lunch, most visits a day. */
export function WorkingProfileEditor({ profile, canEdit }: { profile: WorkingProfile; canEdit: boolean }) {
  const { t } = useTranslation();
  const { save } = useWorkingProfileActions(profile.userId);
  const company = useQuery({
    queryKey: companyProfileKey,
    queryFn: ({ signal }) => getCompanyProfile(signal),
  });
  const [start, setStart] = useState<Place>(profile.start);
  const [end, setEnd] = useState<Place>(profile.end);
  const [sameEnd, setSameEnd] = useState(profile.end.address === null && profile.end.lat === null);
  const [weekdays, setWeekdays] = useState<string[]>(profile.workingWeekdays.map(String));
  const [hours, setHours] = useState({
    workStart: profile.workStart,
    workEnd: profile.workEnd,
    lunchStart: profile.lunchStart,
    lunchEnd: profile.lunchEnd,
  });
  const [lunchMinutes, setLunchMinutes] = useState<number | string>(profile.lunchDurationMinutes);
  const [maxVisits, setMaxVisits] = useState<number | string>(profile.maxVisitsPerDay ?? '');
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const officeAddress = company.data?.address ?? null;

  // mutateAsync, not mutate's onSuccess: the saved profile's new version remounts this editor
  // (the page keys it by version), and a mutate callback of an unmounted editor never runs.
  const submit = () =>
    save
      .mutateAsync({
        version: profile.version,
        start: { address: start.address?.trim() || null, lat: start.lat, lng: start.lng },
        end: sameEnd
          ? { address: null, lat: null, lng: null }
          : { address: end.address?.trim() || null, lat: end.lat, lng: end.lng },
        workingWeekdays: weekdays.map(Number),
        ...hours,
        lunchDurationMinutes: Number(lunchMinutes) || 0,
        maxVisitsPerDay: maxVisits === '' ? null : Number(maxVisits),
      })
      .then(
        () => notifications.show({ color: 'teal', message: t('organization.saved') }),
        () => undefined, // shown by the fields and the alert below (save.error)
      );
  const time = (key: keyof typeof hours) => (
    <TextInput
      type="time"
      label={t(`organization.profile.${key}`)}
      value={hours[key]}
      onChange={(e) => setHours((h) => ({ ...h, [key]: e.currentTarget.value }))}
      error={fields[key]}
      disabled={!canEdit}
      step={300}
    />
  );

  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Stack gap="sm">
          <Title order={2} fz="md">
            {t('organization.profile.places')}
          </Title>
          <PlaceField
            kind="start"
            value={start}
            onChange={setStart}
            officeAddress={officeAddress}
            canEdit={canEdit}
            error={fields['start.address']}
          />
          <Checkbox
            label={t('organization.profile.sameEnd')}
            checked={sameEnd}
            onChange={(e) => setSameEnd(e.currentTarget.checked)}
            disabled={!canEdit}
          />
          {!sameEnd && (
            <PlaceField
              kind="end"
              value={end}
              onChange={setEnd}
              officeAddress={officeAddress}
              canEdit={canEdit}
              error={fields['end.address']}
            />
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={2} fz="md" id="weekdays-label">
            {t('organization.profile.weekdays')}
          </Title>
          <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
            <Group gap={6} role="group" aria-labelledby="weekdays-label">
              {WEEK.map((d) => (
                <Chip key={d} value={String(d)} disabled={!canEdit} size="sm">
                  {t(`organization.weekdays.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {time('workStart')}
          {time('workEnd')}
          {time('lunchStart')}
          {time('lunchEnd')}
          <NumberInput
            label={t('organization.profile.lunchDuration')}
            value={lunchMinutes}
            onChange={setLunchMinutes}
            min={0}
            max={180}
            step={5}
            suffix={t('organization.profile.minutesSuffix')}
            error={fields.lunchDurationMinutes}
            disabled={!canEdit}
          />
          <NumberInput
            label={t('organization.profile.maxVisits')}
            description={t('organization.profile.maxVisitsHelp')}
            value={maxVisits}
            onChange={setMaxVisits}
            min={1}
            max={50}
            allowDecimal={false}
            error={fields.maxVisitsPerDay}
            disabled={!canEdit}
          />
        </SimpleGrid>
        {save.error && !Object.keys(fields).length && (
          <Alert color="red" variant="light">
            {errorMessage(save.error, t)}
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={submit} loading={save.isPending}>
              {t('organization.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
