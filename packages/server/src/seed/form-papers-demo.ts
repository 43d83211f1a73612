import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { formAttachments } from '../domains/forms/tables.ts';
import type { Tx } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/**
 * A phone photo of a filled-in 申込書, drawn small (240×320 RGB): the paper on a desk, a title
 * bar, ruled fields with handwriting-like strokes, a checkbox grid and the customer's red seal.
 * `variant` moves the strokes so no two papers look the same.
 */
export function formPaperPng(variant: number): Buffer {
  const w = 240;
  const h = 320;
  const px = Buffer.alloc(w * h * 3);
  const set = (x: number, y: number, r: number, g: number, b: number) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const i = (y * w + x) * 3;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, c: [number, number, number]) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, ...c);
  };
  rect(0, 0, w, h, [128, 104, 82]); // the desk
  rect(14, 12, w - 14, h - 10, [247, 246, 240]); // the paper, a little off-white
  rect(14, 12, w - 14, 40, [60, 96, 150]); // title bar
  rect(80, 22, 160, 30, [235, 240, 248]); // the title's letters, as a band
  let seed = variant * 2654435761;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 0xffffffff;
  };
  for (let row = 0; row < 9; row++) {
    const y = 58 + row * 24;
    rect(26, y + 14, w - 26, y + 15, [170, 170, 170]); // the ruled line
    rect(26, y, 70, y + 3, [120, 120, 120]); // the printed field label
    // handwriting: a wobbly stroke of ink over part of the line
    const len = 50 + Math.floor(rnd() * 85);
    let yy = y + 9;
    for (let x = 82; x < 82 + len; x++) {
      yy += rnd() < 0.5 ? -1 : 1;
      yy = Math.min(y + 12, Math.max(y + 5, yy));
      set(x, yy, 30, 36, 70);
      set(x, yy + 1, 30, 36, 70);
    }
  }
  for (let i = 0; i < 4; i++) {
    const x = 30 + i * 44;
    rect(x, 282, x + 10, 283, [90, 90, 90]);
    rect(x, 292, x + 10, 293, [90, 90, 90]);
    rect(x, 282, x + 1, 293, [90, 90, 90]);
    rect(x + 9, 282, x + 10, 293, [90, 90, 90]);
    if (rnd() < 0.5) for (let d = 0; d < 8; d++) set(x + 1 + d, 283 + d, 30, 36, 70);
  }
  // the seal (印): a red ring
  const cx = 196;
  const cy = 284;
  for (let y = cy - 16; y <= cy + 16; y++)
    for (let x = cx - 16; x <= cx + 16; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if ((d > 11 && d < 14) || (d < 8 && Math.abs(x - cx) < 2)) set(x, y, 200, 40, 40);
    }
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) px.copy(raw, y * (w * 3 + 1) + 1, y * w * 3, (y + 1) * w * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page scanned-looking PDF (A4, ruled fields and a form number), valid enough for any viewer. */
export function formPaperPdf(number: string): Buffer {
  const lines = Array.from({ length: 12 }, (_, i) => `60 ${700 - i * 40} m 535 ${700 - i * 40} l S`).join(
    '\n',
  );
  const content = `0.2 0.38 0.6 rg 40 760 515 40 re f\nBT /F1 16 Tf 1 1 1 rg 60 774 Td (Application form ${number}) Tj ET\n0.6 G 0.8 w\n${lines}\n0.8 0.15 0.15 RG 2 w 480 120 m 480 140 l S\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const voidReasons = [
  '別の顧客で登録していた',
  '同じ申込書を二重に記録した',
  'お客様の申込み取り下げ（記入前）',
  '種類の誤り（契約変更で登録し直し）',
];

/**
 * The paper behind the seeded 申込書: about half of the last 90 days' forms carry the rep's phone
 * photo (a PDF scan now and then, uploaded at the desk), and one per rep (a few reps) recorded by
 * mistake is voided with a reason. Multi-row writes in the seed's transaction.
 */
export async function seedFormPapers(tx: Tx, { tenantId, nowMs }: { tenantId: string; nowMs: number }) {
  const since = new Date(nowMs - 90 * 86_400_000).toISOString().slice(0, 10);
  const recent = await queryRows<{ id: string; rep_id: string; collected_on: string; updated_at: string }>(
    tx,
    sql`select id, rep_id, collected_on::text as collected_on, updated_at::text as updated_at from forms
        where tenant_id = ${tenantId} and collected_on >= ${since}::date and voided_at is null
        order by collected_on desc, id`,
  );
  const attachments: (typeof formAttachments.$inferInsert)[] = [];
  recent.forEach((form, i) => {
    if (i % 2 === 1) return;
    const pdf = i % 10 === 4;
    const data = pdf ? formPaperPdf(form.id.slice(-6)) : formPaperPng(i + 1);
    const day = form.collected_on.replaceAll('-', '');
    attachments.push({
      tenantId,
      formId: form.id,
      data,
      contentType: pdf ? 'application/pdf' : 'image/png',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      fileName: pdf ? `scan_${day}.pdf` : `IMG_${day}_${String(1000 + i)}.png`,
      uploadedBy: form.rep_id,
      uploadedAt: new Date(new Date(form.updated_at).getTime() + 5 * 60_000),
    });
  });
  if (attachments.length > 0) await tx.insert(formAttachments).values(attachments);
  // Voided: one form per rep for a few reps (their third most recent without a photo), as a
  // manager would after checking, so each team's list shows one struck through.
  const photographed = new Set(attachments.map((a) => a.formId));
  const seen = new Map<string, number>();
  const toVoid: typeof recent = [];
  for (const form of recent) {
    if (photographed.has(form.id)) continue;
    const n = (seen.get(form.rep_id) ?? 0) + 1;
    seen.set(form.rep_id, n);
    if (n === 3 && toVoid.length < 6) toVoid.push(form);
  }
  for (const [i, form] of toVoid.entries())
    await tx.execute(
      sql`update forms set voided_at = ${new Date(form.updated_at).toISOString()}::timestamptz + interval '1 day',
            voided_by = rep_id, void_reason = ${voidReasons[i % voidReasons.length] as string},
            version = version + 1
          where tenant_id = ${tenantId} and id = ${form.id}`,
    );
  return { attachments: attachments.length, voided: toVoid.length };
}
