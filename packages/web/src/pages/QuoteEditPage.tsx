import { CreateQuote, type NewQuoteSearch } from '../features/quotes/components/CreateQuote.tsx';
import { EditQuote } from '../features/quotes/components/EditQuote.tsx';

/** /quotes/new (blank, for a customer, from a visit or a copy) and /quotes/:id/edit (a draft). */
export function QuoteEditPage({ quoteId, search = {} }: { quoteId?: string; search?: NewQuoteSearch }) {
  return quoteId ? <EditQuote quoteId={quoteId} /> : <CreateQuote search={search} />;
}
