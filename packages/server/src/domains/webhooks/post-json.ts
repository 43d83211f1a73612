import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './webhook-url.ts';

/** The address check at connection time: a name resolving (now) to a private address is refused. */
export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private address`), {
          code: 'EPRIVATE',
        });
        return callback(refused, '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };

/**
 * POSTs a body and answers the status and the first bytes of the answer. The connection's own
 * name lookup refuses private addresses (unless allowed), so a name cannot switch to one between
 * the check and the request. Follows no redirect; aborts after `timeoutMs`.
 */
export function postJson(
  url: string,
  {
    body,
    headers,
    timeoutMs,
    allowPrivate,
  }: { body: string; headers: Record<string, string>; timeoutMs: number; allowPrivate: boolean },
): Promise<{ status: number; start: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let start = '';
        response.once('data', (chunk: Buffer) => {
          start = chunk.subarray(0, 200).toString('utf8');
          response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, start });
        response.once('end', done);
        response.once('close', done);
        response.once('error', done);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}
