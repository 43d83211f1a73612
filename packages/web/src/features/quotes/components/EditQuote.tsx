import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import type { Quote, QuoteBody } from '../api/quote-types.ts';
import { getQuote, quoteKeys, updateQuote } from '../api/quotes-api.ts';
import { toFormValues } from '../utils/quote-form.ts';
import { QuoteEditor } from './QuoteEditor.tsx';

/** Editing a draft (下書き); an issued quote is changed by 改訂 on its page. */
export function EditQuote({ quoteId }: { quoteId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: quoteKeys.one(quoteId),
    queryFn: ({ signal }) => getQuote(quoteId, signal),
  });
  const save = useMemo(
    () =>
      createIdempotentAction((input: { body: QuoteBody; version: number }, key) =>
        updateQuote(quoteId, { ...input.body, version: input.version }, key),
      ),
    [quoteId],
  );
  // The form and the version it saves against are the quote as first read: a refetch must neither
  // reset what is being typed nor make a stale edit look current (a stale save gets 409).
  const [first, setFirst] = useState<Quote | null>(null);
  if (query.data && first?.id !== query.data.id) setFirst(query.data);
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const quote = first ?? query.data;
  const header = (
    <PageHeader title={t('quotes.editTitle', { no: quote.quoteNo, revision: quote.revision })} />
  );
  if (quote.status !== 'draft') {
    return (
      <>
        {header}
        <Alert color="yellow">{t('quotes.notDraft')}</Alert>
      </>
    );
  }
  return (
    <QuoteEditor
      key={quote.id}
      header={header}
      initialValues={toFormValues(quote)}
      rounding={quote.rounding}
      lockCustomer
      onCancel={() => void navigate({ to: '/quotes/$quoteId', params: { quoteId } })}
      onSave={async ({ body }) => {
        const { customerId: _customer, visitId: _visit, sourceQuoteId: _source, ...fields } = body;
        const saved = await save({ body: fields as QuoteBody, version: quote.version });
        queryClient.setQueryData(quoteKeys.one(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: quoteKeys.lists });
        notifications.show({ color: 'teal', message: t('quotes.saved') });
        await navigate({ to: '/quotes/$quoteId', params: { quoteId: saved.id } });
      }}
    />
  );
}
