import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { createSecretBox, type SecretBox } from '../../platform/secret-box.ts';

/** A new signing secret: `whsec_` and 32 random bytes in base64 (Standard Webhooks). */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** What the list shows of a secret: its prefix and last four characters. */
export const secretHint = (secret: string) => `whsec_…${secret.slice(-4)}`;

/**
 * How the signing secrets are kept at rest: AES-256-GCM under a key derived from the app's
 * secret (BETTER_AUTH_SECRET). Rotating the app secret makes stored ones unreadable: rotate them.
 *
 * @example
 * const box = webhookSecretBox(config.authSecret);
 * insert({ secret: box.seal(secret) }); signWebhook({ …, secrets: [box.open(row.secret)] });
 */
export const webhookSecretBox = (appSecret: string): SecretBox =>
  createSecretBox(appSecret, 'kayoi webhook secrets v1');

/** The hint of a stored (sealed) secret; `whsec_…????` when it cannot be opened any more. */
export const storedSecretHint = (box: SecretBox, stored: string) => {
  const plain = box.open(stored);
  return plain === null ? 'whsec_…????' : secretHint(plain);
};

/**
 * The three Standard Webhooks headers for one attempt: `webhook-id` (the event, the same on every
 * attempt), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per secret, space-separated: after a
 * rotation the previous secret signs too for a day).
 *
 * @example
 * signWebhook({ id: 'evt_1', body: '{"type":"ping"}', at: new Date(), secrets: [secret] })
 */
export function signWebhook({
  id,
  body,
  at,
  secrets,
}: {
  id: string;
  body: string;
  at: Date;
  secrets: readonly string[];
}): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}
