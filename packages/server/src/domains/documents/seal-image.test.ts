import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderQuotePdf } from './quote-document.ts';
import { buildSampleIssuer, buildSampleQuote } from './sample-documents.ts';
import { isEmbeddableImage } from './seal-image.ts';

const seal = new Uint8Array(readFileSync(new URL('../../seed/assets/naniwa-seal.png', import.meta.url)));

/** A PNG from chunks, with right CRCs (what a forged file would carry). */
function png(chunks: [string, Uint8Array][]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    parts.push(head, Buffer.from(data), crc);
  }
  return new Uint8Array(Buffer.concat(parts));
}
const ihdr = (width: number, height: number, colour = 6, interlace = 0) => {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(width, 0);
  b.writeUInt32BE(height, 4);
  b[8] = 8;
  b[9] = colour;
  b[12] = interlace;
  return b;
};
/** Rows of RGBA pixels, each led by filter type `filter`. */
const rgbaRows = (width: number, height: number, filter = 0) =>
  deflateSync(
    Buffer.concat(
      Array.from({ length: height }, () => Buffer.from([filter, ...new Array(width * 4).fill(200)])),
    ),
  );

describe('seal images', () => {
  it('accepts the demo seal and a well-formed RGBA PNG', () => {
    expect(isEmbeddableImage(seal, 'image/png')).toBe(true);
    const ok = png([
      ['IHDR', ihdr(3, 2)],
      ['IDAT', rgbaRows(3, 2)],
      ['IEND', new Uint8Array()],
    ]);
    expect(isEmbeddableImage(ok, 'image/png')).toBe(true);
  });

  it('refuses PNGs pdfkit would fail on later: a bad stream, a bad filter, too few rows, a cut file', () => {
    const garbage = png([
      ['IHDR', ihdr(3, 2)],
      ['IDAT', new Uint8Array([0x78, 0x9c, 1, 2, 3, 4, 5])],
      ['IEND', new Uint8Array()],
    ]);
    expect(isEmbeddableImage(garbage, 'image/png')).toBe(false);
    const filter = png([
      ['IHDR', ihdr(3, 2)],
      ['IDAT', rgbaRows(3, 2, 9)],
      ['IEND', new Uint8Array()],
    ]);
    expect(isEmbeddableImage(filter, 'image/png')).toBe(false);
    const short = png([
      ['IHDR', ihdr(3, 5)],
      ['IDAT', rgbaRows(3, 2)],
      ['IEND', new Uint8Array()],
    ]);
    expect(isEmbeddableImage(short, 'image/png')).toBe(false);
    expect(isEmbeddableImage(seal.slice(0, 4000), 'image/png')).toBe(false);
    const huge = png([
      ['IHDR', ihdr(20_000, 1)],
      ['IDAT', rgbaRows(1, 1)],
      ['IEND', new Uint8Array()],
    ]);
    expect(isEmbeddableImage(huge, 'image/png')).toBe(false);
  });

  it('accepts a JPEG with a frame and refuses one without', () => {
    const jpeg = new Uint8Array(readFileSync(new URL('./test-images/quote-thumbnail.jpg', import.meta.url)));
    expect(isEmbeddableImage(jpeg, 'image/jpeg')).toBe(true);
    expect(
      isEmbeddableImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0xff, 0xd9]), 'image/jpeg'),
    ).toBe(false);
  });

  it('finishes the document without the seal when a stored PNG does not decode', async () => {
    const forged = png([
      ['IHDR', ihdr(3, 2)],
      ['IDAT', new Uint8Array([0x78, 0x9c, 1, 2, 3, 4, 5])],
      ['IEND', new Uint8Array()],
    ]);
    const pdf = await renderQuotePdf(
      buildSampleQuote(),
      buildSampleIssuer({ seal: { data: forged, mimeType: 'image/png' } }),
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
