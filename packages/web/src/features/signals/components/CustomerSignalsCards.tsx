import { SimpleGrid, Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getCustomerSignals, signalsKeys } from '../api/signals-api.ts';
import { fromSignal } from '../utils/reorder-items.ts';
import { CrossSellCard } from './CrossSellCard.tsx';
import { ReorderCard } from './ReorderCard.tsx';

/** The カルテ's 発注予定 and おすすめ, side by side on a desk, from GET /api/customers/:id/signals. */
export function CustomerSignalsCards({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: signalsKeys.customer(customerId),
    queryFn: ({ signal }) => getCustomerSignals(customerId, signal),
    retry: false,
  });
  if (query.isPending) return <Skeleton h={96} radius="md" />;
  // Signals help; their absence (offline, an error) never blocks the カルテ.
  if (query.isError) return null;
  const s = query.data;
  if (s.reorders.length === 0 && s.crossSell.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="customer-signals">
      <ReorderCard customerId={customerId} items={s.reorders.map(fromSignal)} today={s.today} />
      <CrossSellCard customerId={customerId} items={s.crossSell} />
    </SimpleGrid>
  );
}
