import { postJson } from './post-json.ts';
import type { WebhookPayload } from './tables.ts';
import { urlProblemText } from './webhook-errors.ts';
import { signWebhook } from './webhook-signing.ts';
import { checkResolvedAddresses } from './webhook-url.ts';

/** How deliveries reach the network: the configuration's part, injectable in tests. */
export interface WebhookTransport {
  /** WEBHOOKS_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** BASE_URL: `data.link` is sent as an absolute URL under it. */
  publicUrl?: string | undefined;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** Why it failed, at most 500 characters. */
  error: string | null;
  durationMs: number;
}

const MAX_ERROR = 500;
const bounded = (text: string) => (text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text);

/** The body as sent: the stored payload with `data.link` made absolute. */
export function webhookBody(payload: WebhookPayload, publicUrl: string | undefined): string {
  const link = payload.data.link;
  const absolute =
    typeof link === 'string' && link.startsWith('/') && publicUrl
      ? { ...payload, data: { ...payload.data, link: `${publicUrl.replace(/\/+$/, '')}${link}` } }
      : payload;
  return JSON.stringify(absolute);
}

/**
 * POSTs one delivery, signed per Standard Webhooks with each secret, refusing private addresses
 * (unless allowed) after resolving the host and again on connecting, following no redirect,
 * waiting at most `timeoutMs`.
 * 2xx is success; anything else (3xx included) is a failure with its reason.
 */
export async function sendWebhook({
  url,
  payload,
  secrets,
  transport,
}: {
  url: string;
  payload: WebhookPayload;
  secrets: readonly string[];
  transport: WebhookTransport;
}): Promise<SendResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const problem = await checkResolvedAddresses(url, { allowPrivate: transport.allowPrivate });
    if (problem)
      return { ok: false, statusCode: null, error: urlProblemText(problem).en, durationMs: took() };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'lookup failed';
    return { ok: false, statusCode: null, error: bounded(`DNS: ${code}`), durationMs: took() };
  }
  const body = webhookBody(payload, transport.publicUrl);
  const timeoutMs = transport.timeoutMs ?? 10_000;
  try {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Kayoi-Webhooks/1.0',
      ...signWebhook({ id: payload.id, body, at: new Date(), secrets }),
    };
    const { status, start } = await postJson(url, {
      body,
      headers,
      timeoutMs,
      allowPrivate: transport.allowPrivate,
    });
    const ok = status >= 200 && status < 300;
    const text = start.replace(/\s+/g, ' ').trim();
    return {
      ok,
      statusCode: status,
      error: ok ? null : bounded(`HTTP ${status}${text ? `: ${text}` : ''}`),
      durationMs: took(),
    };
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    const reason =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `timeout after ${timeoutMs / 1000} s`
        : e.code === 'EPRIVATE'
          ? urlProblemText('url_private').en
          : (e.code ?? e.message ?? 'request failed');
    return { ok: false, statusCode: null, error: bounded(reason), durationMs: took() };
  }
}
