import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { tokyoDateKey } from '../../../lib/format.ts';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { prefillLines, type SkippedProduct } from '../api/quote-prefill-api.ts';
import type { QuoteBody } from '../api/quote-types.ts';
import {
  createQuote,
  getCustomerName,
  getQuote,
  getQuoteDefaults,
  getVisitNeeds,
  quoteKeys,
} from '../api/quotes-api.ts';
import { emptyQuoteForm, type QuoteFormValues, toFormValues } from '../utils/quote-form.ts';
import { prefillItems } from '../utils/quote-prefill.ts';
import { QuoteEditor } from './QuoteEditor.tsx';
import { SkippedProductsNotice } from './SkippedProductsNotice.tsx';

export interface NewQuoteSearch {
  customerId?: string;
  visitId?: string;
  /** 複製: start from this quote's fields and lines. */
  sourceQuoteId?: string;
  /** Products to start with (comma-separated ids or codes, at most 20), priced for the customer. */
  products?: string;
  /** Their quantities, in the same order (1 where missing). */
  qty?: string;
}

interface QuoteStart {
  values: QuoteFormValues;
  rounding: QuoteDefaults['rounding'];
  lockCustomer: boolean;
  /** Products the link named that could not be added. */
  skipped: SkippedProduct[];
}

/** Adds the linked products (見積に追加 on a signal card) as lines, after any copied ones (in place of the blank one). */
const withProducts = async (
  start: Omit<QuoteStart, 'skipped'>,
  search: NewQuoteSearch,
  signal: AbortSignal,
  t: TFunction,
): Promise<QuoteStart> => {
  const items = prefillItems(search.products, search.qty);
  if (items.length === 0) return { ...start, skipped: [] };
  const { lines, skipped } = await prefillLines(items, start.values.customerId, signal);
  return {
    ...start,
    values: {
      ...start.values,
      // A subject to start from (件名 is required), for the rep to keep or change.
      subject:
        start.values.subject ||
        (lines[0]
          ? t('signals.prefill.subject', {
              count: lines.length,
              name: lines[0].name,
              others: lines.length - 1,
            }).slice(0, 200)
          : ''),
      lines:
        lines.length > 0
          ? [...start.values.lines.filter((line) => line.productId || line.name), ...lines]
          : start.values.lines,
    },
    skipped,
  };
};

const loadStart = async (search: NewQuoteSearch, signal: AbortSignal, t: TFunction): Promise<QuoteStart> =>
  withProducts(await loadFields(search, signal), search, signal, t);

const loadFields = async (
  search: NewQuoteSearch,
  signal: AbortSignal,
): Promise<Omit<QuoteStart, 'skipped'>> => {
  const defaults = await getQuoteDefaults(signal);
  if (search.sourceQuoteId) {
    const source = await getQuote(search.sourceQuoteId, signal);
    return { values: toFormValues(source, { copy: true }), rounding: defaults.rounding, lockCustomer: false };
  }
  const base = emptyQuoteForm({
    paymentTerms: defaults.paymentTerms,
    validUntil:
      defaults.validityDays !== null ? addDays(tokyoDateKey(new Date()), defaults.validityDays) : '',
  });
  if (search.visitId) {
    const visit = await getVisitNeeds(search.visitId, signal);
    return {
      values: {
        ...base,
        customerId: visit.customerId,
        customerName: visit.customerName,
        visitId: search.visitId,
        remarks: visit.needs,
      },
      rounding: defaults.rounding,
      lockCustomer: true,
    };
  }
  if (search.customerId) {
    const name = await getCustomerName(search.customerId, signal);
    return {
      values: { ...base, customerId: search.customerId, customerName: name },
      rounding: defaults.rounding,
      lockCustomer: true,
    };
  }
  return { values: base, rounding: defaults.rounding, lockCustomer: false };
};

type QuoteDefaults = Awaited<ReturnType<typeof getQuoteDefaults>>;

/** A civil date plus whole days: `addDays('2026-12-02', 30)` → `'2027-01-01'`. */
const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/** 見積作成: blank, for a customer, from a visit (its 要望 in 備考) or from a previous quote (複製). */
export function CreateQuote({ search }: { search: NewQuoteSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useQuery({
    queryKey: ['quotes', 'new', search],
    queryFn: ({ signal }) => loadStart(search, signal, t),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const save = useMemo(() => createIdempotentAction((body: QuoteBody, key) => createQuote(body, key)), []);
  if (start.isPending) return <ListSkeleton />;
  if (start.isError) return <ErrorState error={start.error} onRetry={() => void start.refetch()} />;
  return (
    <QuoteEditor
      header={
        <>
          <PageHeader
            title={search.sourceQuoteId ? t('quotes.copyTitle') : t('quotes.newTitle')}
            subtitle={search.visitId ? t('quotes.fromVisit') : undefined}
          />
          <SkippedProductsNotice skipped={start.data.skipped} />
        </>
      }
      initialValues={start.data.values}
      rounding={start.data.rounding}
      lockCustomer={start.data.lockCustomer}
      onCancel={() => window.history.back()}
      onSave={async ({ body }) => {
        const quote = await save(body);
        queryClient.setQueryData(quoteKeys.one(quote.id), quote);
        void queryClient.invalidateQueries({ queryKey: quoteKeys.lists });
        notifications.show({ color: 'teal', message: t('quotes.saved') });
        await navigate({ to: '/quotes/$quoteId', params: { quoteId: quote.id } });
      }}
    />
  );
}
