import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  WebhookSendResult,
} from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

const base = '/api/webhooks';
const id = (value: string) => encodeURIComponent(value);

export const fetchWebhooks = (signal?: AbortSignal) => apiFetch<WebhookEndpointList>(base, { signal });
export const createWebhook = (body: CreateWebhookEndpointInput) =>
  apiFetch<WebhookEndpointWithSecret>(base, { method: 'POST', body });
export const updateWebhook = (endpointId: string, body: UpdateWebhookEndpointInput) =>
  apiFetch<WebhookEndpoint>(`${base}/${id(endpointId)}`, { method: 'PATCH', body });
export const deleteWebhook = (endpointId: string) =>
  apiFetch<{ id: string }>(`${base}/${id(endpointId)}`, { method: 'DELETE' });
export const rotateWebhookSecret = (endpointId: string) =>
  apiFetch<WebhookEndpointWithSecret>(`${base}/${id(endpointId)}/rotate-secret`, { method: 'POST' });
export const testWebhook = (endpointId: string) =>
  apiFetch<WebhookSendResult>(`${base}/${id(endpointId)}/test`, { method: 'POST' });
export const fetchWebhookDeliveries = (
  endpointId: string,
  before: string | undefined,
  signal?: AbortSignal,
) =>
  apiFetch<WebhookDeliveryList>(`${base}/${id(endpointId)}/deliveries${buildQuery({ limit: 20, before })}`, {
    signal,
  });
export const retryWebhookDelivery = (deliveryId: string) =>
  apiFetch<WebhookSendResult>(`${base}/deliveries/${id(deliveryId)}/retry`, { method: 'POST' });
