/**
 * The 見積書 PDF's render time and size: renders the sample mixed 8%/10% quote of the demo
 * company (with its seal) `--samples` times and prints p50/p95/max and the bytes of a one-page
 * and of a 40-line (three-page) document. Prints figures; asserts nothing.
 *
 *   npm run bench:pdf -w packages/server [-- --samples 50 --out DIR]
 *
 * --out writes quote.pdf, long.pdf and order-confirmation.pdf there (to look at them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderQuotePdf } from '../src/domains/documents/quote-document.ts';
import {
  buildLongQuote,
  buildSampleIssuer,
  buildSampleQuote,
} from '../src/domains/documents/sample-documents.ts';

const { values } = parseArgs({
  options: { samples: { type: 'string', default: '50' }, out: { type: 'string' } },
});
const samples = Number(values.samples);
const seal = {
  data: new Uint8Array(readFileSync(new URL('../src/seed/assets/naniwa-seal.png', import.meta.url))),
  mimeType: 'image/png' as const,
};
const issuer = buildSampleIssuer({ seal });
const quote = buildSampleQuote();

const firstStart = performance.now();
const first = await renderQuotePdf(quote, issuer);
const firstMs = performance.now() - firstStart;

const times: number[] = [];
for (let i = 0; i < samples; i++) {
  const start = performance.now();
  await renderQuotePdf(quote, issuer);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
const long = await renderQuotePdf(buildLongQuote(40), issuer);
const order = await renderQuotePdf(
  buildSampleQuote({ kind: 'order_confirmation', number: 'O-2026-0031' }),
  issuer,
);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first render (fonts read and parsed): ${firstMs.toFixed(0)} ms`);
console.log(
  `${samples} renders: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms`,
);
console.log(`one-page 見積書 (6 lines, seal): ${kb(first.length)}`);
const pages = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0;
console.log(`40-line 見積書 (${pages(long)} pages): ${kb(long.length)}`);
console.log(`注文請書: ${kb(order.length)}`);
if (values.out) {
  writeFileSync(join(values.out, 'quote.pdf'), first);
  writeFileSync(join(values.out, 'long.pdf'), long);
  writeFileSync(join(values.out, 'order-confirmation.pdf'), order);
  console.log(`written to ${values.out}`);
}
