import { describe, expect, it } from 'vitest';
import { createSigner } from './signer.ts';

describe('createSigner', () => {
  const signer = createSigner('a-secret-of-at-least-thirty-two-characters');

  it('gives back what it signed', () => {
    expect(signer.verify(signer.sign('{"t":12}'))).toBe('{"t":12}');
  });

  it('refuses a token whose payload was changed', () => {
    const [, signature] = signer.sign('{"t":12}').split('.');
    const forged = `${Buffer.from('{"t":999999}').toString('base64url')}.${signature}`;
    expect(signer.verify(forged)).toBeNull();
  });

  it('refuses tokens signed with another secret, and garbage', () => {
    const other = createSigner('another-secret-of-thirty-two-characters!');
    expect(signer.verify(other.sign('x'))).toBeNull();
    expect(signer.verify('not-a-token')).toBeNull();
    expect(signer.verify('')).toBeNull();
  });
});
