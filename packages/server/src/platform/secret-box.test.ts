import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed } from './secret-box.ts';

const INFO = 'kayoi webhook secrets v1';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwAbCdEfGhIjK=';

describe('createSecretBox', () => {
  const box = createSecretBox('a-secret-of-at-least-thirty-two-characters', INFO);

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = box.seal(SECRET);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('whsec_');
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(isSealed(sealed)).toBe(true);
    expect(box.open(sealed)).toBe(SECRET);
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(box.seal(SECRET)).not.toBe(box.seal(SECRET));
  });

  it('refuses a sealed value that was changed', () => {
    const sealed = box.seal(SECRET);
    const [iv, body] = sealed.slice('enc:v1:'.length).split('.') as [string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(box.open(`enc:v1:${iv}.${bytes.toString('base64url')}`)).toBeNull();
    const tag = Buffer.from(body, 'base64url');
    tag[tag.length - 1] = (tag[tag.length - 1] ?? 0) ^ 1;
    expect(box.open(`enc:v1:${iv}.${tag.toString('base64url')}`)).toBeNull();
    expect(box.open(`enc:v1:${box.seal('x').slice(7).split('.')[0]}.${body}`)).toBeNull();
    expect(box.open('enc:v1:garbage')).toBeNull();
    expect(box.open('enc:v1:')).toBeNull();
  });

  it('cannot be opened under another app secret, nor under another purpose', () => {
    const sealed = box.seal(SECRET);
    expect(createSecretBox('another-secret-of-thirty-two-characters!', INFO).open(sealed)).toBeNull();
    expect(
      createSecretBox('a-secret-of-at-least-thirty-two-characters', 'kayoi other v1').open(sealed),
    ).toBeNull();
    expect(createSecretBox('a-secret-of-at-least-thirty-two-characters', INFO).open(sealed)).toBe(SECRET);
  });

  it('reads a plaintext value written before encryption as is', () => {
    expect(isSealed(SECRET)).toBe(false);
    expect(box.open(SECRET)).toBe(SECRET);
  });
});
