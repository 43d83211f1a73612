import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Seals small secrets (web hook signing secrets) for storage and opens them again. */
export interface SecretBox {
  /** `enc:v1:<base64url iv>.<base64url ciphertext+tag>` (AES-256-GCM). */
  seal(plain: string): string;
  /**
   * The plain secret; a stored value without the `enc:v1:` prefix (written before encryption)
   * as is; null when it cannot be opened (tampered with, or sealed under another app secret).
   */
  open(stored: string): string | null;
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether a stored value is sealed (else it is a plaintext value written before encryption). */
export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/**
 * AES-256-GCM under a key derived with HKDF-SHA256 from the server's secret (BETTER_AUTH_SECRET)
 * and `info`, so every instance with the same secret opens the others' values. Changing the app
 * secret makes sealed values unreadable.
 *
 * @example
 * const box = createSecretBox(config.authSecret, 'kayoi webhook secrets v1');
 * box.open(box.seal('whsec_…')); // 'whsec_…'
 */
export function createSecretBox(appSecret: string, info: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', appSecret, '', info, 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      const [ivText, sealedText, ...rest] = stored.slice(PREFIX.length).split('.');
      if (ivText === undefined || sealedText === undefined || rest.length > 0) return null;
      const iv = Buffer.from(ivText, 'base64url');
      const sealed = Buffer.from(sealedText, 'base64url');
      if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
