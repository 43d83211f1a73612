import { describe, expect, it } from 'vitest';
import { guardedLookup } from './post-json.ts';
import { checkWebhookUrl, isPrivateAddress } from './webhook-url.ts';

describe('where a web hook may point', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.5',
      '172.20.1.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd12::1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['203.0.113.10', '8.8.8.8', '172.32.0.1', '2001:db8::1', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('takes https to public hosts; http and local hosts only when private addresses are allowed', () => {
    const strict = { allowPrivate: false };
    const open = { allowPrivate: true };
    expect(checkWebhookUrl('https://hooks.example.jp/kayoi', strict)).toBeNull();
    expect(checkWebhookUrl('http://hooks.example.jp/kayoi', strict)).toBe('url_not_https');
    expect(checkWebhookUrl('http://hooks.example.jp/kayoi', open)).toBe('url_not_https');
    expect(checkWebhookUrl('https://192.168.0.2/x', strict)).toBe('url_private');
    expect(checkWebhookUrl('https://intranet.local/x', strict)).toBe('url_private');
    expect(checkWebhookUrl('https://[::1]:8443/x', strict)).toBe('url_private');
    expect(checkWebhookUrl('http://127.0.0.1:4000/x', open)).toBeNull();
    expect(checkWebhookUrl('ftp://hooks.example.jp', strict)).toBe('url_invalid');
    expect(checkWebhookUrl('https://me:secret@hooks.example.jp', strict)).toBe('url_invalid');
    expect(checkWebhookUrl('not a url', strict)).toBe('url_invalid');
  });

  it('refuses, at connection time, a name that resolves to a private address', async () => {
    const lookup = (allowPrivate: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
        guardedLookup(allowPrivate)('localhost', { all: true }, (error, address) =>
          resolve({ error, address }),
        ),
      );
    expect((await lookup(false)).error?.code).toBe('EPRIVATE');
    const allowed = await lookup(true);
    expect(allowed.error).toBeNull();
    expect(allowed.address).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    );
  });
});
