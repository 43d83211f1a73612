import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useBlocker } from '@tanstack/react-router';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { normalizeKana } from '../../../lib/kana.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { type GeoPrecision, RANKS, STATUSES } from '../api/customer-types.ts';
import { useAreas, useReps } from '../hooks/useReferenceData.ts';
import { type CustomerFormValues, emptyContact } from '../utils/customer-form-values.ts';
import classes from './CustomerForm.module.css';
import { FormPositionPicker } from './FormPositionPicker.tsx';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The server's length limits on the long text fields (customer-fields.ts). */
const MAX_LENGTH = { name: 200, address: 300, preferences: 2000, cautions: 2000, notes: 4000 } as const;
type LimitedField = keyof typeof MAX_LENGTH;
/** A counter appears from this share of the limit on. */
const COUNTER_FROM = 0.8;

/**
 * Scrolls the first invalid field to the middle of the screen (clear of the sticky header and the
 * save bar) and focuses it.
 */
export function focusFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    // (jsdom has no scrollIntoView.)
    field.scrollIntoView?.({ block: 'center', behavior: 'instant' });
    field.focus({ preventScroll: true });
  });
}

/** "1,850 / 2,000文字" once a field nears its limit, red beyond it. */
function LengthCounter({ length, max }: { length: number; max: number }) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'ja-JP');
  return (
    <Text span size="xs" c={length > max ? 'red' : 'dimmed'} className="tabular" data-testid="length-counter">
      {t('customerForm.lengthCounter', { count: format(length), max: format(max) })}
    </Text>
  );
}
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'];

interface CustomerFormProps {
  initialValues: CustomerFormValues;
  /** Saves the values; a rejected ApiError with `fields` is shown next to the fields. */
  onSubmit: (values: CustomerFormValues) => Promise<unknown>;
  onCancel: () => void;
  submitting: boolean;
  /** The last save error, if any (conflicts are shown with a reload action). */
  error: unknown;
  onReloadLatest?: () => void;
  reloading?: boolean;
  /** A rep may only assign customers to themselves. */
  lockRep?: { id: string; name: string };
  /** How the stored position was reached (edit only). */
  geoPrecision?: GeoPrecision;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="md" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Create and edit form for a customer, with client checks and the server's per-field errors. */
export function CustomerForm({
  initialValues,
  onSubmit,
  onCancel,
  submitting,
  error,
  onReloadLatest,
  reloading,
  lockRep,
  geoPrecision,
}: CustomerFormProps) {
  const { t } = useTranslation();
  const areas = useAreas();
  const reps = useReps(!lockRep);

  const required = (value: unknown) =>
    value == null || (typeof value === 'string' && value.trim() === '') ? t('customerForm.required') : null;
  const positive = (value: number | '') => (value === '' || value < 1 ? t('customerForm.positive') : null);

  const form = useForm<CustomerFormValues>({
    mode: 'uncontrolled',
    initialValues,
    validate: {
      name: required,
      address: required,
      repId: required,
      cadenceDays: positive,
      visitDurationMinutes: positive,
      cadenceToleranceDays: (value, values) => {
        if (value === '' || value < 0) return t('customerForm.positive');
        const cadence = values.cadenceDays;
        return cadence !== '' && cadence >= 1 && value > cadence
          ? t('customerForm.toleranceOverCadence', { max: cadence })
          : null;
      },
      timeWindows: {
        end: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const start = values.timeWindows[index]?.start ?? '';
          return value && start && value <= start ? t('customerForm.timeOrder') : null;
        },
      },
      contacts: {
        email: (value) =>
          value.trim() && !EMAIL_PATTERN.test(value.trim()) ? t('customerForm.emailInvalid') : null,
      },
    },
  });

  // Lengths of the limited fields, for the counters (the form is uncontrolled).
  const [lengths, setLengths] = useState<Record<LimitedField, number>>(() => ({
    name: initialValues.name.length,
    address: initialValues.address.length,
    preferences: initialValues.preferences.length,
    cautions: initialValues.cautions.length,
    notes: initialValues.notes.length,
  }));
  const track =
    (field: LimitedField) =>
    ({ value }: { value: unknown }) =>
      setLengths((current) => ({ ...current, [field]: String(value ?? '').length }));
  form.watch('name', track('name'));
  form.watch('address', track('address'));
  form.watch('preferences', track('preferences'));
  form.watch('cautions', track('cautions'));
  form.watch('notes', track('notes'));
  // The map follows 緯度/経度 as typed, and writes them when the pin is dragged.
  const [position, setPosition] = useState({ lat: initialValues.lat, lng: initialValues.lng });
  form.watch('lat', ({ value }) => setPosition((p) => ({ ...p, lat: value as number | '' })));
  form.watch('lng', ({ value }) => setPosition((p) => ({ ...p, lng: value as number | '' })));
  const counter = (field: LimitedField) =>
    lengths[field] >= MAX_LENGTH[field] * COUNTER_FROM ? (
      <LengthCounter length={lengths[field]} max={MAX_LENGTH[field]} />
    ) : undefined;

  // Show the server's field errors where they belong (keys such as `name` or `contacts.0.email`).
  useEffect(() => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      form.setErrors(error.fields);
      focusFirstError();
    }
  }, [error, form.setErrors]);

  // Replace the values when the caller loads a newer version (after a conflict).
  useEffect(() => {
    form.setValues(initialValues);
    form.resetDirty(initialValues);
  }, [initialValues, form.setValues, form.resetDirty]);

  // Leaving with unsaved edits asks first; a successful save navigates away without asking.
  const saving = useRef(false);
  useBlocker({
    shouldBlockFn: () =>
      !saving.current && form.isDirty() && !window.confirm(t('customerForm.unsavedChanges')),
    enableBeforeUnload: () => !saving.current && form.isDirty(),
  });

  const conflict = error instanceof ApiError && error.isConflict;
  const fieldErrors = error instanceof ApiError && Object.keys(error.fields).length > 0;

  const repOptions = lockRep
    ? [{ value: lockRep.id, label: lockRep.name }]
    : (reps.data ?? []).map((rep) => ({ value: rep.id, label: rep.name }));

  const contacts = form.getValues().contacts;
  // Contact fields repeat per person: their accessible names say which contact they belong to.
  const contactLabel = (index: number, field: string) =>
    `${t('customerForm.sections.contacts')} ${index + 1} ${field}`;
  const timeWindows = form.getValues().timeWindows;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          saving.current = true;
          void onSubmit(values).catch(() => {
            saving.current = false;
          });
        },
        () => focusFirstError(),
      )}
    >
      <Stack gap="md">
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle size={20} />}
            title={t('customerForm.conflictTitle')}
            role="alert"
            data-testid="conflict-alert"
          >
            <Text size="sm">{t('customerForm.conflictBody')}</Text>
            {onReloadLatest && (
              <Button
                mt="sm"
                size="xs"
                color="orange"
                leftSection={<IconRefresh size={14} />}
                onClick={onReloadLatest}
                loading={reloading}
              >
                {t('customerForm.conflictReload')}
              </Button>
            )}
          </Alert>
        )}
        {!conflict && error != null && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={20} />} role="alert">
            {fieldErrors ? t('customerForm.fixErrors') : errorMessage(error, t)}
          </Alert>
        )}

        <Section title={t('customerForm.sections.basic')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('customerForm.fields.name')}
              required
              autoComplete="organization"
              description={counter('name')}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('customerForm.fields.nameKana')}
              description={t('customerForm.fields.nameKanaHelp')}
              key={form.key('nameKana')}
              {...form.getInputProps('nameKana')}
              onBlur={(event) => form.setFieldValue('nameKana', normalizeKana(event.currentTarget.value))}
            />
            <Select
              label={t('customerForm.fields.honorific')}
              data={[
                { value: 'onchu', label: t('customers.honorific.onchu') },
                { value: 'sama', label: t('customers.honorific.sama') },
              ]}
              allowDeselect={false}
              key={form.key('honorific')}
              {...form.getInputProps('honorific')}
            />
            <TextInput
              label={t('customerForm.fields.code')}
              description={t('customerForm.fields.codeHelp')}
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('customerForm.fields.postalCode')}
              inputMode="numeric"
              autoComplete="postal-code"
              placeholder="100-0001"
              key={form.key('postalCode')}
              {...form.getInputProps('postalCode')}
            />
            <TextInput
              label={t('customerForm.fields.phone')}
              type="tel"
              autoComplete="tel"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('customerForm.fields.address')}
              required
              autoComplete="street-address"
              description={counter('address')}
              className={classes.span2}
              key={form.key('address')}
              {...form.getInputProps('address')}
            />
            <NumberInput
              label={t('customerForm.fields.lat')}
              decimalScale={6}
              min={-90}
              max={90}
              hideControls
              key={form.key('lat')}
              {...form.getInputProps('lat')}
            />
            <NumberInput
              label={t('customerForm.fields.lng')}
              decimalScale={6}
              min={-180}
              max={180}
              hideControls
              key={form.key('lng')}
              {...form.getInputProps('lng')}
            />
            <div className={classes.span2}>
              <FormPositionPicker
                lat={position.lat}
                lng={position.lng}
                precision={geoPrecision}
                moved={position.lat !== initialValues.lat || position.lng !== initialValues.lng}
                onMove={({ lat, lng }) => form.setValues({ lat, lng })}
              />
            </div>
          </SimpleGrid>
        </Section>

        <Section title={t('customerForm.sections.assignment')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Select
              label={t('customerForm.fields.repId')}
              required
              data={repOptions}
              disabled={Boolean(lockRep)}
              searchable
              nothingFoundMessage={t('common.none')}
              key={form.key('repId')}
              {...form.getInputProps('repId')}
            />
            <Select
              label={t('customerForm.fields.areaId')}
              clearable
              data={(areas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
              searchable
              nothingFoundMessage={t('common.none')}
              key={form.key('areaId')}
              {...form.getInputProps('areaId')}
            />
            <Select
              label={t('customerForm.fields.rank')}
              data={RANKS.map((rank) => ({ value: rank, label: t('customers.rankLabel', { rank }) }))}
              allowDeselect={false}
              key={form.key('rank')}
              {...form.getInputProps('rank')}
            />
            <Select
              label={t('customerForm.fields.status')}
              data={STATUSES.map((status) => ({
                value: status,
                label: t(`customers.statusValues.${status}`),
              }))}
              allowDeselect={false}
              key={form.key('status')}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('customerForm.sections.visit')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <NumberInput
                label={t('customerForm.fields.cadenceDays')}
                required
                min={1}
                max={365}
                allowDecimal={false}
                // Not clamped: a typed 0 stays 0 and gets its error here, instead of silently becoming 1.
                clampBehavior="none"
                key={form.key('cadenceDays')}
                {...form.getInputProps('cadenceDays')}
              />
              <NumberInput
                label={t('customerForm.fields.cadenceToleranceDays')}
                min={0}
                max={365}
                allowDecimal={false}
                clampBehavior="none"
                key={form.key('cadenceToleranceDays')}
                {...form.getInputProps('cadenceToleranceDays')}
              />
              <NumberInput
                label={t('customerForm.fields.visitDurationMinutes')}
                required
                min={1}
                max={600}
                step={5}
                allowDecimal={false}
                clampBehavior="none"
                key={form.key('visitDurationMinutes')}
                {...form.getInputProps('visitDurationMinutes')}
              />
            </SimpleGrid>
            <Stack gap={6}>
              <Text size="sm" fw={500} id="weekdays-label">
                {t('customerForm.fields.preferredWeekdays')}
              </Text>
              <Chip.Group
                multiple
                key={form.key('preferredWeekdays')}
                {...form.getInputProps('preferredWeekdays')}
              >
                <Group gap={6} role="group" aria-labelledby="weekdays-label">
                  {WEEKDAYS.map((day) => (
                    <Chip key={day} value={day} size="sm" radius="sm">
                      {t(`weekdays.${day}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {form.errors.preferredWeekdays && (
                <Text size="xs" c="red">
                  {form.errors.preferredWeekdays}
                </Text>
              )}
            </Stack>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('customerForm.fields.timeWindows')}
              </Text>
              {timeWindows.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: form list items are addressed by index
                <Stack key={index} gap={2}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <TextInput
                      type="time"
                      aria-label={`${t('customerForm.fields.start')} ${index + 1}`}
                      key={form.key(`timeWindows.${index}.start`)}
                      {...form.getInputProps(`timeWindows.${index}.start`)}
                      style={{ flex: '1 1 0', maxWidth: 200 }}
                    />
                    <Text pt={6}>〜</Text>
                    <TextInput
                      type="time"
                      aria-label={`${t('customerForm.fields.end')} ${index + 1}`}
                      key={form.key(`timeWindows.${index}.end`)}
                      {...form.getInputProps(`timeWindows.${index}.end`)}
                      style={{ flex: '1 1 0', maxWidth: 200 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      aria-label={t('customerForm.removeTimeWindow')}
                      onClick={() => form.removeListItem('timeWindows', index)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                  {form.errors[`timeWindows.${index}`] && (
                    <Text size="xs" c="red">
                      {form.errors[`timeWindows.${index}`]}
                    </Text>
                  )}
                </Stack>
              ))}
              {typeof form.errors.timeWindows === 'string' && (
                <Text size="xs" c="red">
                  {form.errors.timeWindows}
                </Text>
              )}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('timeWindows', { start: '09:00', end: '12:00' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('customerForm.addTimeWindow')}
              </Button>
            </Stack>
          </Stack>
        </Section>

        <Section title={t('customerForm.sections.karte')}>
          <Stack gap="sm">
            <Textarea
              label={t('customerForm.fields.cautions')}
              description={counter('cautions')}
              autosize
              minRows={2}
              maxRows={8}
              key={form.key('cautions')}
              {...form.getInputProps('cautions')}
            />
            <Textarea
              label={t('customerForm.fields.preferences')}
              description={counter('preferences')}
              autosize
              minRows={2}
              maxRows={8}
              key={form.key('preferences')}
              {...form.getInputProps('preferences')}
            />
            <Textarea
              label={t('customerForm.fields.notes')}
              description={counter('notes')}
              autosize
              minRows={3}
              maxRows={12}
              key={form.key('notes')}
              {...form.getInputProps('notes')}
            />
          </Stack>
        </Section>

        <Section title={t('customerForm.sections.contacts')}>
          <Stack gap="sm">
            {form.errors.contacts && (
              <Text size="sm" c="red" role="alert">
                {form.errors.contacts}
              </Text>
            )}
            {contacts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('customerForm.noContacts')}
              </Text>
            )}
            {contacts.map((contact, index) => (
              <Paper
                key={contact.id ?? `new-${index}`}
                withBorder
                p="sm"
                bg="var(--mantine-color-gray-light)"
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <TextInput
                    label={t('customerForm.fields.contactName')}
                    aria-label={contactLabel(index, t('customerForm.fields.contactName'))}
                    key={form.key(`contacts.${index}.name`)}
                    {...form.getInputProps(`contacts.${index}.name`)}
                  />
                  <TextInput
                    label={t('customerForm.fields.contactKana')}
                    aria-label={contactLabel(index, t('customerForm.fields.contactKana'))}
                    key={form.key(`contacts.${index}.nameKana`)}
                    {...form.getInputProps(`contacts.${index}.nameKana`)}
                  />
                  <TextInput
                    label={t('customerForm.fields.contactTitle')}
                    aria-label={contactLabel(index, t('customerForm.fields.contactTitle'))}
                    key={form.key(`contacts.${index}.title`)}
                    {...form.getInputProps(`contacts.${index}.title`)}
                  />
                  <TextInput
                    label={t('customerForm.fields.contactPhone')}
                    aria-label={contactLabel(index, t('customerForm.fields.contactPhone'))}
                    type="tel"
                    key={form.key(`contacts.${index}.phone`)}
                    {...form.getInputProps(`contacts.${index}.phone`)}
                  />
                  <TextInput
                    label={t('customerForm.fields.contactEmail')}
                    aria-label={contactLabel(index, t('customerForm.fields.contactEmail'))}
                    type="email"
                    key={form.key(`contacts.${index}.email`)}
                    {...form.getInputProps(`contacts.${index}.email`)}
                  />
                  <Group justify="space-between" align="flex-end">
                    <Checkbox
                      label={t('customerForm.fields.isPrimary')}
                      aria-label={contactLabel(index, t('customerForm.fields.isPrimary'))}
                      key={form.key(`contacts.${index}.isPrimary`)}
                      {...form.getInputProps(`contacts.${index}.isPrimary`, { type: 'checkbox' })}
                      mb={8}
                    />
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => form.removeListItem('contacts', index)}
                    >
                      {t('customerForm.removeContact')}
                    </Button>
                  </Group>
                </SimpleGrid>
              </Paper>
            ))}
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('contacts', emptyContact(contacts.length === 0))}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('customerForm.addContact')}
            </Button>
          </Stack>
        </Section>

        <Paper withBorder p="sm" className={classes.actions}>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} disabled={conflict} miw={120}>
              {t('common.save')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
