import { QuoteView } from '../features/quotes/components/QuoteView.tsx';

export function QuotePage({ quoteId }: { quoteId: string }) {
  return <QuoteView quoteId={quoteId} />;
}
