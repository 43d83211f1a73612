import { crc32, inflateSync } from 'node:zlib';

/**
 * Whether pdfkit can embed an image without failing: a PNG is decoded here, synchronously, the
 * way pdfkit would later decode it in a zlib callback (PNGs with alpha, a transparent palette or
 * interlacing), where a corrupt stream would throw outside any caller and leave the document
 * unfinished. A JPEG needs a frame header with a size. Checked on upload and again before
 * drawing a seal.
 *
 * @example
 * isEmbeddableImage(bytes, 'image/png') // false for a PNG whose IDAT does not inflate
 */
export function isEmbeddableImage(bytes: Uint8Array, mimeType: 'image/png' | 'image/jpeg'): boolean {
  try {
    return mimeType === 'image/png' ? isDecodablePng(bytes) : hasJpegFrame(bytes);
  } catch {
    return false;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel by colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;
const MAX_SIDE = 4096;

function isDecodablePng(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null =
    null;
  let palette = false;
  let ended = false;
  const data: Uint8Array[] = [];
  while (pos + 12 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (pos + 12 + length > bytes.length) return false;
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) return false;
    if (header === null && type !== 'IHDR') return false;
    if (type === 'IHDR') {
      if (length !== 13) return false;
      const v = new DataView(body.buffer, body.byteOffset, 13);
      header = {
        width: v.getUint32(0),
        height: v.getUint32(4),
        depth: body[8]!,
        colour: body[9]!,
        interlace: body[12]!,
      };
      if (body[10] !== 0 || body[11] !== 0 || header.interlace > 1) return false;
    } else if (type === 'PLTE') palette = length > 0 && length % 3 === 0;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos += 12 + length;
  }
  if (!header || !ended || data.length === 0) return false;
  const { width, height, depth, colour, interlace } = header;
  const channels = CHANNELS[colour];
  if (!channels || !BIT_DEPTHS[colour]?.includes(depth)) return false;
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return false;
  if (colour === 3 && !palette) return false;
  const pixels = inflateSync(Buffer.concat(data));
  const passes = interlace === 1 ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rowBytes = Math.ceil((w * channels * depth) / 8);
    for (let row = 0; row < h; row++) {
      if (offset >= pixels.length || pixels[offset]! > 4) return false; // filter type 0–4
      offset += 1 + rowBytes;
    }
  }
  return offset <= pixels.length;
}

/** Start-of-frame markers (baseline, extended, progressive, lossless …), not DHT/JPG/DAC. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function hasJpegFrame(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return false;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    const length = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    if (length < 2 || pos + 2 + length > bytes.length) return false;
    if (SOF.has(marker)) {
      if (length < 8) return false;
      const height = (bytes[pos + 5]! << 8) | bytes[pos + 6]!;
      const width = (bytes[pos + 7]! << 8) | bytes[pos + 8]!;
      return (
        width > 0 &&
        height > 0 &&
        width <= MAX_SIDE &&
        height <= MAX_SIDE &&
        [1, 3, 4].includes(bytes[pos + 9]!)
      );
    }
    if (marker === 0xda || marker === 0xd9) return false; // scan data or end before any frame
    pos += 2 + length;
  }
  return false;
}
