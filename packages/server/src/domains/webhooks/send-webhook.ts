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
  fetch?: typeof fetch;
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

/** The first bytes of an answer (for the error shown), never more than a few KB read. */
async function answerStart(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  try {
    const { value } = await reader.read();
    return value ? new TextDecoder().decode(value.slice(0, 200)).replace(/\s+/g, ' ').trim() : '';
  } catch {
    return '';
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * POSTs one delivery, signed per Standard Webhooks with each secret, refusing private addresses
 * (unless allowed) after resolving the host, following no redirect, waiting at most `timeoutMs`.
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
    const res = await (transport.fetch ?? fetch)(url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kayoi-Webhooks/1.0',
        ...signWebhook({ id: payload.id, body, at: new Date(), secrets }),
      },
    });
    const ok = res.status >= 200 && res.status < 300;
    const start = await answerStart(res);
    return {
      ok,
      statusCode: res.status,
      error: ok ? null : bounded(`HTTP ${res.status}${start ? `: ${start}` : ''}`),
      durationMs: took(),
    };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError'
        ? `timeout after ${Math.round(timeoutMs / 1000)} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message ?? 'request failed');
    return { ok: false, statusCode: null, error: bounded(reason), durationMs: took() };
  }
}
