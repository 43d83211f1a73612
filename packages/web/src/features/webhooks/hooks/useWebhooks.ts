import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from '@kayoi/server/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createWebhook,
  deleteWebhook,
  fetchWebhookDeliveries,
  fetchWebhooks,
  retryWebhookDelivery,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
} from '../api/webhooks-api.ts';

export const webhooksQueryOptions = queryOptions({
  queryKey: ['webhooks'],
  queryFn: ({ signal }) => fetchWebhooks(signal),
});

export const webhookDeliveriesQueryOptions = (endpointId: string, before: string | undefined) =>
  queryOptions({
    queryKey: ['webhooks', endpointId, 'deliveries', before ?? null],
    queryFn: ({ signal }) => fetchWebhookDeliveries(endpointId, before, signal),
    // A pending delivery changes on its own (the job sends it): look again now and then.
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'pending') ? 15_000 : false,
  });

/** Web hook writes; each refreshes the list and the deliveries. */
export function useWebhookActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  return {
    create: useMutation({
      mutationFn: (input: CreateWebhookEndpointInput) => createWebhook(input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateWebhookEndpointInput }) =>
        updateWebhook(id, input),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteWebhook(id), onSuccess }),
    rotate: useMutation({ mutationFn: (id: string) => rotateWebhookSecret(id), onSuccess }),
    test: useMutation({ mutationFn: (id: string) => testWebhook(id), onSuccess }),
    retry: useMutation({ mutationFn: (id: string) => retryWebhookDelivery(id), onSuccess }),
  };
}
