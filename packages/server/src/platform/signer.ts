import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs small tokens the client hands back (list cursors), so the server never trusts forged ones. */
export interface Signer {
  /** `payload.signature`, both base64url. */
  sign(payload: string): string;
  /** The payload when the signature holds, else null. */
  verify(token: string): string | null;
}

/**
 * HMAC-SHA256 under a key derived from the server's secret (BETTER_AUTH_SECRET), so every app
 * instance with the same secret accepts the others' tokens.
 *
 * @example
 * const signer = createSigner(config.authSecret);
 * signer.verify(signer.sign('{"k":[]}')); // '{"k":[]}'
 */
export function createSigner(secret: string): Signer {
  const key = createHmac('sha256', secret).update('kayoi:signer:v1').digest();
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    sign(payload) {
      const data = Buffer.from(payload).toString('base64url');
      return `${data}.${mac(data).toString('base64url')}`;
    },
    verify(token) {
      const dot = token.indexOf('.');
      if (dot <= 0) return null;
      const data = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = mac(data);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return Buffer.from(data, 'base64url').toString('utf8');
    },
  };
}
