import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDiscount, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatYen } from '../../../lib/format.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import type { RoundingMode } from '../api/quote-types.ts';
import {
  emptyLine,
  type LineValues,
  liveTotals,
  type QuoteBodyResult,
  type QuoteFormValues,
  splitFieldErrors,
  toQuoteBody,
} from '../utils/quote-form.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { QuoteLineRow } from './QuoteLineRow.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';

export interface QuoteEditorProps {
  initialValues: QuoteFormValues;
  /** The document's rounding (the quote's, or the company's for a new one). */
  rounding: RoundingMode;
  /** Fixed customer (from a visit, a カルテ or an existing quote): no picker. */
  lockCustomer?: boolean;
  /** Saves; a rejection keeps everything typed and shows the server's field errors on the fields. */
  onSave: (request: QuoteBodyResult) => Promise<unknown>;
  onCancel?: () => void;
  header?: ReactNode;
}

/** The 見積書 editor, on a phone and a desk: header fields, lines, and live totals from the server's own module. */
export function QuoteEditor({
  initialValues,
  rounding,
  lockCustomer,
  onSave,
  onCancel,
  header,
}: QuoteEditorProps) {
  const { t, i18n } = useTranslation();
  const isDesktop = useIsDesktop();
  const [values, setValues] = useState<QuoteFormValues>(initialValues);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; lineKeys: string[] } | null>(null);
  const totals = useMemo(() => liveTotals(values.lines, rounding), [values.lines, rounding]);
  const errors = useMemo(() => {
    if (!(failure?.error instanceof ApiError))
      return { form: {}, lines: {} } as ReturnType<typeof splitFieldErrors>;
    return splitFieldErrors(failure.error.fields, failure.lineKeys);
  }, [failure]);

  const set = <K extends keyof QuoteFormValues>(key: K, value: QuoteFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setLine = (key: string, patch: Partial<LineValues>, whileProduct?: string) =>
    setValues((current) => ({
      ...current,
      lines: current.lines.map((line) =>
        line.key !== key ||
        (whileProduct !== undefined && (line.productId !== whileProduct || line.priceSource !== 'catalog'))
          ? line
          : { ...line, ...patch },
      ),
    }));
  const addLine = (kind: LineValues['kind']) =>
    setValues((current) => {
      const last = current.lines.at(-1);
      return {
        ...current,
        lines: [
          ...current.lines,
          emptyLine(
            kind === 'discount'
              ? { kind, name: t('quotes.line.discountDefault'), taxRate: last?.taxRate ?? 10 }
              : {},
          ),
        ],
      };
    });
  const removeLine = (key: string) =>
    setValues((current) => ({ ...current, lines: current.lines.filter((line) => line.key !== key) }));

  const submit = async () => {
    const request = toQuoteBody(values);
    setSaving(true);
    setFailure(null);
    try {
      await onSave(request);
    } catch (error) {
      setFailure({ error, lineKeys: request.lineKeys });
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (name: string) => (errors.form as Record<string, string>)[name];
  const otherErrors = Object.entries(errors.form).filter(
    ([name]) =>
      ![
        'customerId',
        'subject',
        'deliveryDate',
        'deliveryPlace',
        'paymentTerms',
        'validUntil',
        'remarks',
      ].includes(name),
  );

  const actions = (
    <Group grow gap="xs">
      {onCancel && (
        <Button variant="default" h={48} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" h={48} loading={saving}>
        {t('quotes.saveDraft')}
      </Button>
    </Group>
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {header}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {lockCustomer ? (
              <TextInput
                label={t('quotes.field.customer')}
                value={values.customerName}
                readOnly
                variant="filled"
              />
            ) : (
              <CustomerPicker
                value={values.customerId}
                name={values.customerName}
                error={fieldError('customerId')}
                onChange={(id, name) =>
                  setValues((current) => ({ ...current, customerId: id, customerName: name }))
                }
              />
            )}
            <TextInput
              label={t('quotes.field.subject')}
              withAsterisk
              maxLength={200}
              value={values.subject}
              onChange={(e) => set('subject', e.currentTarget.value)}
              error={fieldError('subject')}
            />
            <TextInput
              type="date"
              label={t('quotes.field.deliveryDate')}
              value={values.deliveryDate}
              onChange={(e) => set('deliveryDate', e.currentTarget.value)}
              error={fieldError('deliveryDate')}
            />
            <TextInput
              label={t('quotes.field.deliveryPlace')}
              maxLength={200}
              value={values.deliveryPlace}
              onChange={(e) => set('deliveryPlace', e.currentTarget.value)}
              error={fieldError('deliveryPlace')}
            />
            <TextInput
              label={t('quotes.field.paymentTerms')}
              maxLength={200}
              placeholder={t('quotes.field.paymentTermsPlaceholder')}
              value={values.paymentTerms}
              onChange={(e) => set('paymentTerms', e.currentTarget.value)}
              error={fieldError('paymentTerms')}
            />
            <TextInput
              type="date"
              label={t('quotes.field.validUntil')}
              description={values.validUntil ? undefined : t('quotes.field.validUntilDefault')}
              value={values.validUntil}
              onChange={(e) => set('validUntil', e.currentTarget.value)}
              error={fieldError('validUntil')}
            />
          </SimpleGrid>
        </Paper>

        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="xs">
              <Title order={2} fz={16}>
                {t('quotes.lines')}
              </Title>
              {values.lines.map((line, index) => (
                <QuoteLineRow
                  key={line.key}
                  index={index}
                  line={line}
                  rounding={rounding}
                  errors={errors.lines[line.key]}
                  customerId={values.customerId}
                  onChange={(patch, whileProduct) => setLine(line.key, patch, whileProduct)}
                  onRemove={() => removeLine(line.key)}
                />
              ))}
              {fieldError('lines') && (
                <Text size="sm" c="red">
                  {fieldError('lines')}
                </Text>
              )}
              <Group gap="xs">
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => addLine('item')}>
                  {t('quotes.addLine')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconDiscount size={16} />}
                  onClick={() => addLine('discount')}
                >
                  {t('quotes.addDiscount')}
                </Button>
              </Group>
              <Textarea
                label={t('quotes.field.remarks')}
                autosize
                minRows={2}
                maxLength={2000}
                value={values.remarks}
                onChange={(e) => set('remarks', e.currentTarget.value)}
                error={fieldError('remarks')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 72 }}>
            <Stack gap="sm">
              <QuoteTotals {...totals} />
              {failure && (
                <Alert color="red" role="alert" data-testid="quote-save-error">
                  {failure.error instanceof ApiError && failure.error.isConflict
                    ? t('quotes.conflict')
                    : errorMessage(failure.error, t)}
                  {otherErrors.map(([name, message]) => (
                    <Text key={name} size="xs">
                      {message}
                    </Text>
                  ))}
                </Alert>
              )}
              {isDesktop && actions}
            </Stack>
          </Grid.Col>
        </Grid>
        {!isDesktop && (
          // On a phone the total and 保存 stay in reach above the tab bar while the lines scroll.
          <Paper
            withBorder
            shadow="sm"
            p="xs"
            style={{
              position: 'sticky',
              bottom: 'calc(var(--app-shell-footer-offset, 0rem) + 4px)',
              zIndex: 5,
            }}
            data-testid="quote-save-bar"
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('quotes.totals.total')}
                </Text>
                <Text fw={700} ff="monospace">
                  {formatYen(totals.total, i18n.language)}
                </Text>
              </Stack>
              <Button type="submit" h={44} loading={saving}>
                {t('quotes.saveDraft')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </form>
  );
}
