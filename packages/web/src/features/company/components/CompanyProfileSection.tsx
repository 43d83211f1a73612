import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { type CompanyProfile, type CompanyProfileBody, companySealUrl } from '../api/company-api.ts';
import { useCompanyProfile } from '../hooks/useCompanyProfile.ts';

type FormValues = {
  legalName: string;
  postalCode: string;
  address: string;
  phone: string;
  contactName: string;
  registrationNumber: string;
  entityType: CompanyProfile['entityType'];
  rounding: CompanyProfile['rounding'];
  dateStyle: CompanyProfile['dateStyle'];
  quoteValidityDays: number | string;
  paymentTerms: string;
};

const toValues = (p: CompanyProfile): FormValues => ({
  legalName: p.legalName,
  postalCode: p.postalCode ?? '',
  address: p.address ?? '',
  phone: p.phone ?? '',
  contactName: p.contactName ?? '',
  registrationNumber: p.registrationNumber ?? '',
  entityType: p.entityType,
  rounding: p.rounding,
  dateStyle: p.dateStyle,
  quoteValidityDays: p.quoteValidityDays,
  paymentTerms: p.paymentTerms,
});

const toBody = (v: FormValues, version: number): CompanyProfileBody => ({
  version,
  legalName: v.legalName,
  postalCode: v.postalCode || null,
  address: v.address || null,
  phone: v.phone || null,
  contactName: v.contactName || null,
  registrationNumber: v.registrationNumber || null,
  entityType: v.entityType,
  rounding: v.rounding,
  dateStyle: v.dateStyle,
  quoteValidityDays: Number(v.quoteValidityDays),
  paymentTerms: v.paymentTerms,
});

/** Settings (admins): the company profile printed on 見積書 and 注文請書, and the seal image. */
export function CompanyProfileSection() {
  const { t } = useTranslation();
  const { query, save, upload, remove } = useCompanyProfile();
  return (
    <Paper withBorder p="lg" data-testid="company-profile">
      <Title order={2} fz="md" mb={4}>
        {t('company.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('company.help')}
      </Text>
      {query.isPending && <Skeleton height={320} />}
      {query.isError && (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between">
            <span>{errorMessage(query.error, t)}</span>
            <Button size="xs" variant="light" onClick={() => query.refetch()}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {query.data && (
        <Stack gap="lg">
          <CompanyProfileForm
            key={query.data.version}
            profile={query.data}
            save={save}
            reload={() => {
              save.reset();
              query.refetch();
            }}
          />
          <SealField profile={query.data} upload={upload} remove={remove} />
        </Stack>
      )}
    </Paper>
  );
}

type Hooks = ReturnType<typeof useCompanyProfile>;

function CompanyProfileForm({
  profile,
  save,
  reload,
}: {
  profile: CompanyProfile;
  save: Hooks['save'];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    mode: 'uncontrolled',
    initialValues: toValues(profile),
    validate: {
      legalName: (v) => (v.trim() ? null : t('company.required')),
    },
  });
  const error = save.error;
  const fields = error instanceof ApiError ? error.fields : {};
  const conflict = error instanceof ApiError && error.isConflict;
  const input = (name: keyof FormValues) => {
    const props = form.getInputProps(name);
    return { ...props, error: props.error ?? fields[name] };
  };
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(toBody(values, profile.version)))}>
      <Stack gap="sm">
        {save.isSuccess && !form.isDirty() && (
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />}>
            {t('company.saved')}
          </Alert>
        )}
        {conflict && (
          <Alert color="orange" variant="light" role="alert">
            <Group justify="space-between" gap="xs">
              <span>{t('company.conflict')}</span>
              <Button size="xs" variant="light" color="orange" onClick={reload}>
                {t('common.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        {error && !conflict && !Object.keys(fields).length && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error, t)}
          </Alert>
        )}
        <TextInput
          label={t('company.legalName')}
          required
          maxLength={200}
          key={form.key('legalName')}
          {...input('legalName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('company.registrationNumber')}
            description={t('company.registrationNumberHelp')}
            placeholder="T1234567890123"
            maxLength={40}
            key={form.key('registrationNumber')}
            {...input('registrationNumber')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="company-entity-type">
              {t('company.entityType')}
            </Text>
            <SegmentedControl
              aria-labelledby="company-entity-type"
              data={[
                { value: 'corporation', label: t('company.entityTypes.corporation') },
                { value: 'sole_proprietor', label: t('company.entityTypes.sole_proprietor') },
              ]}
              key={form.key('entityType')}
              {...input('entityType')}
            />
            {fields.entityType && (
              <Text size="xs" c="red">
                {fields.entityType}
              </Text>
            )}
          </Stack>
          <TextInput
            label={t('company.postalCode')}
            placeholder="550-0004"
            maxLength={10}
            key={form.key('postalCode')}
            {...input('postalCode')}
          />
          <TextInput
            label={t('company.phone')}
            placeholder="06-6441-2026"
            maxLength={20}
            key={form.key('phone')}
            {...input('phone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('company.address')}
          maxLength={200}
          key={form.key('address')}
          {...input('address')}
        />
        <TextInput
          label={t('company.contactName')}
          maxLength={100}
          key={form.key('contactName')}
          {...input('contactName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('company.rounding')}
            allowDeselect={false}
            data={(['floor', 'ceil', 'half_up'] as const).map((value) => ({
              value,
              label: t(`company.roundings.${value}`),
            }))}
            key={form.key('rounding')}
            {...input('rounding')}
          />
          <Select
            label={t('company.dateStyle')}
            allowDeselect={false}
            data={(['western', 'japanese'] as const).map((value) => ({
              value,
              label: t(`company.dateStyles.${value}`),
            }))}
            key={form.key('dateStyle')}
            {...input('dateStyle')}
          />
          <NumberInput
            label={t('company.quoteValidityDays')}
            suffix={t('company.daysSuffix')}
            min={1}
            max={365}
            allowDecimal={false}
            key={form.key('quoteValidityDays')}
            {...input('quoteValidityDays')}
          />
        </SimpleGrid>
        <Textarea
          label={t('company.paymentTerms')}
          placeholder={t('company.paymentTermsPlaceholder')}
          autosize
          minRows={2}
          maxLength={500}
          key={form.key('paymentTerms')}
          {...input('paymentTerms')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SealField({
  profile,
  upload,
  remove,
}: {
  profile: CompanyProfile;
  upload: Hooks['upload'];
  remove: Hooks['remove'];
}) {
  const { t } = useTranslation();
  const error = upload.error ?? remove.error;
  const message = error instanceof ApiError ? (error.fields.file ?? errorMessage(error, t)) : null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('company.seal')}
      </Text>
      <Group align="center" gap="md">
        {profile.seal ? (
          <Image
            src={companySealUrl(profile.seal.updatedAt)}
            alt={t('company.sealPreview')}
            w={72}
            h={72}
            fit="contain"
            radius="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', background: '#fff' }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('company.noSeal')}
          </Text>
        )}
        <FileButton
          accept="image/png,image/jpeg"
          onChange={(file) => {
            if (file) {
              remove.reset();
              upload.mutate(file);
            }
          }}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconUpload size={16} />}
              loading={upload.isPending}
            >
              {profile.seal ? t('company.replaceSeal') : t('company.uploadSeal')}
            </Button>
          )}
        </FileButton>
        {profile.seal && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            loading={remove.isPending}
            onClick={() => {
              upload.reset();
              remove.mutate();
            }}
          >
            {t('company.removeSeal')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('company.sealHelp')}
      </Text>
      {message && (
        <Text size="sm" c="red" role="alert">
          {message}
        </Text>
      )}
    </Stack>
  );
}
