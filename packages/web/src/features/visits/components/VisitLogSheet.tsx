import type {
  ComplaintCategory,
  ComplaintSeverity,
  FollowupOwner,
  VisitLogBody,
  VisitOutcome,
  VisitTemplate,
} from '@kayoi/server/contracts';
import {
  complaintCategories,
  complaintCategoryLabels,
  complaintSeverities,
  type FormKind,
  followupOwners,
  formKinds,
  visitOutcomes,
} from '@kayoi/server/contracts';
import {
  Alert,
  Badge,
  Button,
  Chip,
  Drawer,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokyoDateKey } from '../../../lib/format.ts';
import { apiFetch } from '../../../lib/http.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { VisitFormsAttach } from '../../forms/components/VisitFormsAttach.tsx';
import { submitOrThrow } from '../../offline/sync-engine.ts';
import { getVisitTemplates, visitKeys } from '../api/visits-api.ts';
import { type LogDraft, readDraft, removeDraft, writeDraft } from '../log-drafts.ts';

export interface LogTarget {
  visitId: string;
  customerName: string;
  /** The visit's version when a log is already saved (an edit). */
  version: number | null;
  /** A log kept on the phone (the outbox's refused draft) to reopen for correcting. */
  draft?: VisitLogBody;
}

interface PromiseRow {
  id: string;
  title: string;
  dueDate: string;
  owner: FollowupOwner;
}

/** The 不満 heard, registered as a complaint to carry to closure when `on`. */
interface ComplaintChoice {
  id: string;
  on: boolean;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
}

interface FormState {
  outcome: VisitOutcome | null;
  notes: string;
  needs: string;
  complaintHeard: string;
  complaint: ComplaintChoice;
  satisfaction: number | null;
  forms: { key: string; kind: string; count: number }[];
  promises: PromiseRow[];
  nextDate: string;
  nextNote: string;
  templateId: string | null;
}

const inDays = (days: number): string => tokyoDateKey(new Date(Date.now() + days * 86_400_000));
const emptyPromise = (): PromiseRow => ({
  id: crypto.randomUUID(),
  title: '',
  dueDate: inDays(7),
  owner: 'us',
});

const noComplaint = (): ComplaintChoice => ({
  id: crypto.randomUUID(),
  on: false,
  category: 'service',
  severity: 'medium',
});

const emptyForm = (): FormState => ({
  outcome: null,
  notes: '',
  needs: '',
  complaintHeard: '',
  complaint: noComplaint(),
  satisfaction: null,
  forms: [],
  promises: [emptyPromise()],
  nextDate: '',
  nextNote: '',
  templateId: null,
});

/** A kind code, or the code an older draft's free text (「定期便申込書」) reads as. */
const formKindOf = (text: string): FormKind => {
  if ((formKinds as readonly string[]).includes(text)) return text as FormKind;
  if (text.includes('解約')) return 'cancellation';
  if (text.includes('更新')) return 'renewal';
  if (text.includes('変更') || text.includes('振替')) return 'contract_change';
  if (text.includes('申込')) return 'new_service';
  return 'other';
};

const fromDraft = (draft: LogDraft): FormState => ({
  outcome: draft.body.outcome,
  notes: draft.body.notes ?? '',
  needs: draft.body.needs ?? '',
  complaintHeard: draft.body.complaintHeard ?? '',
  complaint: draft.body.complaint
    ? {
        id: draft.body.complaint.id,
        on: true,
        category: draft.body.complaint.category,
        severity: draft.body.complaint.severity,
      }
    : noComplaint(),
  satisfaction: draft.body.satisfaction ?? null,
  forms: (draft.body.forms ?? []).map((f) => ({
    ...f,
    kind: formKindOf(f.kind),
    count: f.count ?? 1,
    key: crypto.randomUUID(),
  })),
  promises: [...(draft.body.promises ?? []).map((p) => ({ ...p })), emptyPromise()],
  nextDate: draft.body.nextVisitWish?.date ?? '',
  nextNote: draft.body.nextVisitWish?.note ?? '',
  templateId: draft.body.templateId ?? null,
});

/** The body PUT /api/visits/:id/log takes; blank promise and form rows are left out. */
export const toLogBody = (
  form: FormState & { outcome: VisitOutcome },
  version: number | null,
): VisitLogBody => ({
  outcome: form.outcome,
  notes: form.notes.trim(),
  needs: form.needs.trim(),
  complaintHeard: form.complaintHeard.trim(),
  ...(form.complaint.on && form.complaintHeard.trim()
    ? {
        complaint: {
          id: form.complaint.id,
          category: form.complaint.category,
          severity: form.complaint.severity,
        },
      }
    : {}),
  satisfaction: form.satisfaction,
  forms: form.forms
    .filter((f) => f.kind.trim() && f.count > 0)
    .map((f) => ({ kind: f.kind.trim(), count: f.count })),
  promises: form.promises
    .filter((p) => p.title.trim())
    .map((p) => ({ id: p.id, title: p.title.trim(), dueDate: p.dueDate, owner: p.owner })),
  nextVisitWish:
    form.nextDate || form.nextNote.trim()
      ? { date: form.nextDate || null, note: form.nextNote.trim() }
      : null,
  ...(form.templateId ? { templateId: form.templateId } : {}),
  checkOut: true,
  ...(version ? { version } : {}),
});

interface VisitLogSheetProps {
  target: LogTarget | null;
  onClose: () => void;
  onSaved?: () => void;
}

/** The visit log as a bottom sheet: templates first (one tap fills the routine case), then 保存. */
export function VisitLogSheet({ target, onClose, onSaved }: VisitLogSheetProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="bottom"
      size="92%"
      title={target ? t('visit.log.title', { name: target.customerName }) : ''}
      padding="md"
    >
      {target && <VisitLogForm key={target.visitId} target={target} onDone={onSaved ?? onClose} />}
    </Drawer>
  );
}

/** What PUT /api/visits/:id/log answers, as far as the form photos need it. */
interface SavedVisit {
  log?: {
    outcome: VisitOutcome;
    notes: string;
    needs: string;
    complaintHeard: string;
    satisfaction: number | null;
    forms: { id: string; kind: string }[];
    nextVisitWish: { date: string | null; note: string } | null;
    templateId: string | null;
  } | null;
}

export function VisitLogForm({ target, onDone }: { target: LogTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: visitKeys.templates,
    queryFn: ({ signal }) => getVisitTemplates(signal),
  });
  const [form, setForm] = useState<FormState>(() => {
    const draft = readDraft(target.visitId);
    if (draft) return fromDraft(draft);
    if (target.draft)
      return fromDraft({
        visitId: target.visitId,
        customerName: target.customerName,
        body: target.draft,
        idempotencyKey: '',
        savedAt: '',
        failed: true,
      });
    return emptyForm();
  });
  // Editing a saved log: what it says is loaded in (fields still blank here), its 申込書 by kind
  // and count; until they are loaded (no signal) a save leaves the forms out, so none is voided.
  const [formsToLoad, setFormsToLoad] = useState(
    () => target.version !== null && !target.draft && readDraft(target.visitId) === null,
  );
  const savedVisit = useQuery({
    queryKey: ['visits', 'one', target.visitId],
    queryFn: ({ signal }) =>
      apiFetch<SavedVisit>(`/api/visits/${encodeURIComponent(target.visitId)}`, { signal }),
    enabled: formsToLoad,
  });
  useEffect(() => {
    if (!formsToLoad || !savedVisit.data) return;
    const counts = new Map<string, number>();
    for (const f of savedVisit.data.log?.forms ?? []) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    const log = savedVisit.data.log;
    setForm((current) => ({
      ...current,
      outcome: current.outcome ?? log?.outcome ?? null,
      notes: current.notes || (log?.notes ?? ''),
      needs: current.needs || (log?.needs ?? ''),
      complaintHeard: current.complaintHeard || (log?.complaintHeard ?? ''),
      satisfaction: current.satisfaction ?? log?.satisfaction ?? null,
      nextDate: current.nextDate || (log?.nextVisitWish?.date ?? ''),
      nextNote: current.nextNote || (log?.nextVisitWish?.note ?? ''),
      templateId: current.templateId ?? log?.templateId ?? null,
      forms:
        current.forms.length > 0
          ? current.forms
          : [...counts].map(([kind, count]) => ({
              key: crypto.randomUUID(),
              kind: formKindOf(kind),
              count,
            })),
    }));
    setFormsToLoad(false);
  }, [formsToLoad, savedVisit.data]);
  const [unsent, setUnsent] = useState(() => readDraft(target.visitId) !== null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** After a log with 申込書 is saved: its forms, to photograph one by one (null: not yet saved). */
  const [savedForms, setSavedForms] = useState<{ ids: string[]; queued: boolean } | null>(null);
  const set = (patch: Partial<FormState>) => setForm((current) => ({ ...current, ...patch }));

  const applyTemplate = (template: VisitTemplate) =>
    set({
      outcome: template.outcome,
      notes: template.notes,
      satisfaction: template.satisfaction,
      templateId: template.id,
    });

  const save = async () => {
    if (!form.outcome) {
      setError(new Error('outcome'));
      return;
    }
    const full = toLogBody({ ...form, outcome: form.outcome }, target.version);
    const { forms: _notLoaded, ...withoutForms } = full;
    const body: VisitLogBody = formsToLoad && form.forms.length === 0 ? withoutForms : full;
    // The draft is on the phone before the request leaves: a lost answer or a closed tab keeps it.
    const draft = writeDraft({
      visitId: target.visitId,
      customerName: target.customerName,
      body,
      failed: false,
    });
    setSaving(true);
    setError(null);
    try {
      // Through the outbox: sent now when there is signal, else kept on the phone (未送信) and
      // sent in order when it returns, with the same Idempotency-Key.
      const outcome = await submitOrThrow({
        kind: 'visit-log',
        method: 'PUT',
        path: `/api/visits/${encodeURIComponent(target.visitId)}/log`,
        body,
        label: target.customerName,
        idempotencyKey: draft.idempotencyKey,
        replaces: `visit-log:${target.visitId}`,
      });
      removeDraft(target.visitId);
      setUnsent(false);
      if (outcome.state === 'queued')
        notifications.show({ id: 'log-queued', color: 'orange', message: t('offline.queued') });
      await queryClient.invalidateQueries({ queryKey: visitKeys.allToday });
      void queryClient.invalidateQueries({ queryKey: ['briefing'] });
      void queryClient.invalidateQueries({ queryKey: ['forms'] });
      if ((body.forms ?? []).length > 0) {
        const result = outcome.state === 'sent' ? (outcome.result as SavedVisit | null) : null;
        setSavedForms({ ids: result?.log?.forms.map((f) => f.id) ?? [], queued: outcome.state === 'queued' });
        return;
      }
      onDone();
    } catch (caught) {
      writeDraft({ ...draft, failed: true });
      setUnsent(true);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const updatePromise = (index: number, patch: Partial<PromiseRow>) =>
    set({ promises: form.promises.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  if (savedForms)
    return (
      <VisitFormsAttach
        formIds={savedForms.ids}
        queued={savedForms.queued}
        customerName={target.customerName}
        onDone={onDone}
      />
    );

  return (
    <Stack gap="md" data-testid="visit-log-form">
      {unsent && (
        <Badge
          color="orange"
          variant="light"
          leftSection={<IconCloudOff size={14} />}
          data-testid="log-unsent"
        >
          {t('visit.log.unsent')}
        </Badge>
      )}
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('visit.log.templates')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {(templates.data?.templates ?? []).map((template) => (
            <Button
              key={template.id}
              size="lg"
              h={56}
              variant={form.templateId === template.id ? 'filled' : 'light'}
              onClick={() => applyTemplate(template)}
              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
            >
              {template.name}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap={6}>
        <Text fw={600} size="sm" id="log-outcome">
          {t('visit.log.outcome')}
        </Text>
        <SegmentedControl
          aria-labelledby="log-outcome"
          fullWidth
          size="md"
          value={form.outcome ?? ''}
          onChange={(value) => set({ outcome: value as VisitOutcome })}
          data={visitOutcomes.map((o) => ({ value: o, label: t(`visit.outcome.${o}`) }))}
        />
      </Stack>
      <Textarea
        label={t('visit.log.notes')}
        autosize
        minRows={2}
        maxLength={4000}
        value={form.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('visit.log.satisfaction')}
        </Text>
        <Chip.Group
          value={form.satisfaction ? String(form.satisfaction) : null}
          onChange={(value) => set({ satisfaction: value ? Number(value) : null })}
        >
          <SimpleGrid cols={5} spacing={6}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Chip
                key={n}
                value={String(n)}
                size="lg"
                radius="md"
                styles={{ root: { width: '100%' }, label: { width: '100%', justifyContent: 'center' } }}
              >
                {n}
              </Chip>
            ))}
          </SimpleGrid>
        </Chip.Group>
      </Stack>
      <Textarea
        label={t('visit.log.needs')}
        autosize
        minRows={1}
        maxLength={2000}
        value={form.needs}
        onChange={(e) => set({ needs: e.currentTarget.value })}
      />
      <Textarea
        label={t('visit.log.complaintHeard')}
        autosize
        minRows={1}
        maxLength={2000}
        value={form.complaintHeard}
        onChange={(e) => set({ complaintHeard: e.currentTarget.value })}
      />
      {form.complaintHeard.trim() !== '' && (
        <Stack gap="xs" data-testid="log-complaint">
          <Switch
            size="md"
            checked={form.complaint.on}
            onChange={(e) => set({ complaint: { ...form.complaint, on: e.currentTarget.checked } })}
            label={t('visit.log.registerComplaint')}
            description={t('visit.log.registerComplaintHelp')}
          />
          {form.complaint.on && (
            <Group gap="xs" grow align="flex-end">
              <Select
                label={t('complaints.category')}
                allowDeselect={false}
                value={form.complaint.category}
                onChange={(value) =>
                  value && set({ complaint: { ...form.complaint, category: value as ComplaintCategory } })
                }
                data={complaintCategories.map((c) => ({
                  value: c,
                  label: complaintCategoryLabels[c][language],
                }))}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="log-complaint-severity">
                  {t('complaints.severityLabel')}
                </Text>
                <SegmentedControl
                  aria-labelledby="log-complaint-severity"
                  value={form.complaint.severity}
                  onChange={(value) =>
                    set({ complaint: { ...form.complaint, severity: value as ComplaintSeverity } })
                  }
                  data={complaintSeverities.map((v) => ({ value: v, label: t(`complaints.severity.${v}`) }))}
                />
              </Stack>
            </Group>
          )}
        </Stack>
      )}
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('visit.log.promises')}
        </Text>
        {form.promises.map((promise, index) => (
          <Stack
            key={promise.id}
            gap={4}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <TextInput
              aria-label={t('visit.log.promiseTitle', { n: index + 1 })}
              placeholder={t('visit.log.promisePlaceholder')}
              maxLength={200}
              value={promise.title}
              onChange={(e) => updatePromise(index, { title: e.currentTarget.value })}
            />
            <Group gap="xs" wrap="nowrap">
              <TextInput
                type="date"
                aria-label={t('visit.log.promiseDue')}
                value={promise.dueDate}
                onChange={(e) => updatePromise(index, { dueDate: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <SegmentedControl
                aria-label={t('visit.log.promiseOwner')}
                value={promise.owner}
                onChange={(value) => updatePromise(index, { owner: value as FollowupOwner })}
                data={followupOwners.map((o) => ({ value: o, label: t(`visit.owner.${o}`) }))}
              />
            </Group>
          </Stack>
        ))}
        {form.promises.length < 10 && (
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => set({ promises: [...form.promises, emptyPromise()] })}
          >
            {t('visit.log.addPromise')}
          </Button>
        )}
      </Stack>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('visit.log.forms')}
        </Text>
        {form.forms.map((row, index) => (
          <Group key={row.key} gap="xs" wrap="nowrap">
            <Select
              aria-label={t('visit.log.formKind')}
              data={formKinds.map((k) => ({ value: k, label: t(`forms.kinds.${k}`) }))}
              allowDeselect={false}
              value={row.kind}
              style={{ flex: 1 }}
              onChange={(value) =>
                value &&
                set({
                  forms: form.forms.map((f, i) => (i === index ? { ...f, kind: value } : f)),
                })
              }
            />
            <NumberInput
              aria-label={t('visit.log.formCount')}
              min={1}
              max={99}
              w={80}
              value={row.count}
              onChange={(value) =>
                set({
                  forms: form.forms.map((f, i) => (i === index ? { ...f, count: Number(value) || 1 } : f)),
                })
              }
            />
            <Button
              variant="subtle"
              color="gray"
              aria-label={t('visit.log.removeForm')}
              onClick={() => set({ forms: form.forms.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} />
            </Button>
          </Group>
        ))}
        {formsToLoad
          ? // The saved 申込書 are not read yet, or could not be (no signal): a save lists every
            // form, so a new line now would void the saved ones. New ones wait for a signal.
            (savedVisit.isError || savedVisit.fetchStatus === 'paused') && (
              <Text size="sm" c="dimmed" data-testid="forms-not-loaded">
                {t('visit.log.formsNotLoaded')}
              </Text>
            )
          : form.forms.length < 10 && (
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} />}
                onClick={() =>
                  set({ forms: [...form.forms, { key: crypto.randomUUID(), kind: 'new_service', count: 1 }] })
                }
              >
                {t('visit.log.addForm')}
              </Button>
            )}
      </Stack>
      <Group grow gap="xs">
        <TextInput
          type="date"
          label={t('visit.log.nextDate')}
          value={form.nextDate}
          onChange={(e) => set({ nextDate: e.currentTarget.value })}
        />
        <TextInput
          label={t('visit.log.nextNote')}
          maxLength={500}
          value={form.nextNote}
          onChange={(e) => set({ nextNote: e.currentTarget.value })}
        />
      </Group>
      {error !== null && (
        <Alert color="red" role="alert" data-testid="log-error">
          {error instanceof Error && error.message === 'outcome'
            ? t('visit.log.outcomeRequired')
            : errorMessage(error, t)}
          {unsent && <Text size="sm">{t('visit.log.keptOnPhone')}</Text>}
        </Alert>
      )}
      <Button
        size="lg"
        h={56}
        onClick={() => void save()}
        loading={saving}
        style={{
          position: 'sticky',
          bottom: 0,
          // Above the segmented controls' indicators (they are positioned), so nothing shows through.
          zIndex: 5,
          boxShadow: '0 -8px 12px var(--mantine-color-body)',
        }}
      >
        {t('visit.log.save')}
      </Button>
    </Stack>
  );
}
