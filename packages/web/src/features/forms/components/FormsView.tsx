import { type FormKind, formKinds } from '@kayoi/server/contracts';
import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconFileText, IconPaperclip } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useReps } from '../../customers/hooks/useReferenceData.ts';
import { CustomerPicker } from '../../quotes/components/CustomerPicker.tsx';
import type { AppForm, FormPage } from '../api/forms-api.ts';
import { useFormList } from '../hooks/useForms.ts';
import { type FormFilters, formListQuery } from '../utils/form-filters.ts';
import { FormDrawer } from './FormDrawer.tsx';
import { FormKindBadge } from './FormKindBadge.tsx';

const PAGE = 100;

/** Live forms per kind over all reps (what 申込書回収枚数 counts, split by kind). */
export const countsByKind = (page: FormPage): Record<FormKind, number> => {
  const out = Object.fromEntries(formKinds.map((k) => [k, 0])) as Record<FormKind, number>;
  for (const rep of page.counts.byRep)
    for (const [kind, n] of Object.entries(rep.byKind)) if (kind in out) out[kind as FormKind] += n;
  return out;
};

/** /forms: the 申込書 collected, filtered by rep, customer, kind and period (all in the URL), with counts. */
export function FormsView({ filters }: { filters: FormFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const me = useMe();
  const desktop = useIsDesktop();
  const reps = useReps(me.user.role !== 'rep');
  const [customerName, setCustomerName] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const query = useFormList({ ...formListQuery(filters), limit });
  const setFilters = (patch: Partial<FormFilters>) =>
    void navigate({
      to: '/forms',
      search: (previous: FormFilters) =>
        Object.fromEntries(
          Object.entries({ ...previous, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
        ) as FormFilters,
      replace: true,
    });
  const items = query.data?.items ?? [];
  const pickedName =
    customerName ||
    (filters.customerId ? (items.find((f) => f.customerId === filters.customerId)?.customerName ?? '') : '');
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="sm">
      <PageHeader title={t('forms.title')} subtitle={t('forms.subtitle')} />
      <Group gap="xs" wrap="wrap" align="flex-end">
        {me.user.role !== 'rep' && (
          <Select
            w={desktop ? 180 : '100%'}
            label={t('forms.filter.rep')}
            clearable
            placeholder={t('forms.filter.everyone')}
            value={filters.repId ?? null}
            onChange={(v) => setFilters({ repId: v ?? undefined })}
            data={(reps.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        <div style={{ width: desktop ? 240 : '100%' }}>
          <CustomerPicker
            label={t('forms.filter.customer')}
            required={false}
            value={filters.customerId ?? ''}
            name={pickedName}
            onChange={(id, name) => {
              setCustomerName(name);
              setFilters({ customerId: id || undefined });
            }}
          />
        </div>
        <Select
          w={desktop ? 160 : 'calc(50% - 5px)'}
          label={t('forms.filter.kind')}
          clearable
          placeholder={t('forms.filter.allKinds')}
          value={filters.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as FormKind | null) ?? undefined })}
          data={formKinds.map((k) => ({ value: k, label: t(`forms.kinds.${k}`) }))}
        />
        <Select
          w={desktop ? 130 : 'calc(50% - 5px)'}
          label={t('forms.filter.voided')}
          allowDeselect={false}
          value={filters.voided ?? 'exclude'}
          onChange={(v) => setFilters({ voided: v === 'include' || v === 'only' ? v : undefined })}
          data={[
            { value: 'exclude', label: t('forms.filter.voidedExclude') },
            { value: 'include', label: t('forms.filter.voidedInclude') },
            { value: 'only', label: t('forms.filter.voidedOnly') },
          ]}
        />
        <TextInput
          type="date"
          w={desktop ? 160 : 'calc(50% - 5px)'}
          label={t('forms.filter.from')}
          value={filters.from ?? ''}
          onChange={(e) => setFilters({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          w={desktop ? 160 : 'calc(50% - 5px)'}
          label={t('forms.filter.to')}
          value={filters.to ?? ''}
          onChange={(e) => setFilters({ to: e.currentTarget.value || undefined })}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setCustomerName('');
              void navigate({ to: '/forms', search: {}, replace: true });
            }}
          >
            {t('forms.filter.clear')}
          </Button>
        )}
      </Group>

      {query.isPending && <ListSkeleton />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <FormCounts page={query.data} />
          {items.length === 0 ? (
            <EmptyPanel
              icon={<IconFileText size={28} />}
              title={t('forms.empty')}
              description={t('forms.emptyHint')}
            />
          ) : desktop ? (
            <FormTable items={items} onOpen={setOpenId} />
          ) : (
            <Stack gap={6}>
              {items.map((form) => (
                <FormCard key={form.id} form={form} onOpen={setOpenId} />
              ))}
            </Stack>
          )}
          {query.data.nextCursor && (
            <Button
              variant="subtle"
              onClick={() => setLimit((n) => Math.min(n + PAGE, 200))}
              disabled={limit >= 200}
            >
              {t('forms.more', { count: formatNumber(items.length, lang) })}
            </Button>
          )}
        </>
      )}
      <FormDrawer
        formId={openId}
        shown={items.find((f) => f.id === openId)}
        onClose={() => setOpenId(null)}
      />
    </Stack>
  );
}

function FormCounts({ page }: { page: FormPage }) {
  const { t, i18n } = useTranslation();
  const byKind = countsByKind(page);
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
        <Paper withBorder p="xs" radius="md" data-testid="forms-count-total">
          <Text size="xs" c="dimmed">
            {t('forms.total')}
          </Text>
          <Text fw={700} size="lg" data-testid="forms-count">
            {formatNumber(page.counts.total, i18n.language)}
          </Text>
        </Paper>
        {formKinds.map((kind) => (
          <Paper key={kind} withBorder p="xs" radius="md" data-testid={`forms-count-${kind}`}>
            <Text size="xs" c="dimmed" truncate>
              {t(`forms.kinds.${kind}`)}
            </Text>
            <Text fw={600} size="lg">
              {formatNumber(byKind[kind], i18n.language)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('forms.countsNote')}
      </Text>
    </Stack>
  );
}

function AttachmentMark({ form }: { form: AppForm }) {
  const { t } = useTranslation();
  return form.attachment ? (
    <Tooltip label={t('forms.hasAttachment')}>
      <IconPaperclip size={16} aria-label={t('forms.hasAttachment')} data-testid="form-has-attachment" />
    </Tooltip>
  ) : null;
}

function FormTable({ items, onOpen }: { items: AppForm[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('forms.columns.collectedOn')}</Table.Th>
            <Table.Th>{t('forms.columns.customer')}</Table.Th>
            <Table.Th w={130}>{t('forms.columns.kind')}</Table.Th>
            <Table.Th w={130}>{t('forms.columns.rep')}</Table.Th>
            <Table.Th>{t('forms.columns.note')}</Table.Th>
            <Table.Th w={50} aria-label={t('forms.columns.attachment')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((form) => {
            const voided = form.voidedAt !== null;
            const strike = voided ? ('line-through' as const) : undefined;
            return (
              <Table.Tr
                key={form.id}
                data-testid="form-row"
                data-voided={voided || undefined}
                style={{ cursor: 'pointer', opacity: voided ? 0.6 : 1 }}
                onClick={() => onOpen(form.id)}
              >
                <Table.Td td={strike}>{formatDate(form.collectedOn, i18n.language)}</Table.Td>
                <Table.Td td={strike}>
                  <UnstyledButton
                    onClick={() => onOpen(form.id)}
                    aria-label={t('forms.open', { customer: form.customerName })}
                    style={{ textDecoration: strike }}
                  >
                    <Text size="sm" fw={500}>
                      {form.customerName}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <FormKindBadge kind={form.kind} voided={voided} />
                    {voided && (
                      <Text size="xs" c="dimmed">
                        {t('forms.voidedBadge')}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td td={strike}>{form.repName ?? '—'}</Table.Td>
                <Table.Td td={strike}>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {voided ? form.voidReason : form.note}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AttachmentMark form={form} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FormCard({ form, onOpen }: { form: AppForm; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const voided = form.voidedAt !== null;
  const strike = voided ? ('line-through' as const) : undefined;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="button"
      type="button"
      data-testid="form-row"
      data-voided={voided || undefined}
      aria-label={t('forms.open', { customer: form.customerName })}
      onClick={() => onOpen(form.id)}
      style={{ textAlign: 'left', width: '100%', cursor: 'pointer', opacity: voided ? 0.6 : 1 }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm" td={strike} truncate>
          {form.customerName}
        </Text>
        <Group gap={4} wrap="nowrap">
          <AttachmentMark form={form} />
          <FormKindBadge kind={form.kind} voided={voided} />
        </Group>
      </Group>
      <Group gap="xs" mt={2}>
        <Text size="xs" c="dimmed" td={strike}>
          {formatDate(form.collectedOn, i18n.language)} ・ {form.repName ?? '—'}
        </Text>
        {voided && (
          <Text size="xs" c="dimmed">
            {t('forms.voidedBadge')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
