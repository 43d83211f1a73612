import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, FormPage, Visit } from '../../../src/contracts.ts';
import { formAttachments, forms } from '../../../src/domains/forms/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const today = todayIn();
const read = async <T>(res: Response) => (await res.json()) as T;
interface Refusal {
  error: { code: string; message: string; fields: Record<string, string>; current?: Form };
}

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 4 });
  as = await callersOf(t, tenant);
});

type Key = 'admin' | 'manager' | 'rep1' | 'rep2' | 'rep3';
const record = async (key: Key, body: Record<string, unknown>) => {
  const res = await as(key).send('POST', '/api/forms', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return read<Form>(res);
};
const list = async (key: Key, query = '') => read<FormPage>(await as(key).get(`/api/forms?${query}`));

/** The file upload as a browser sends it: multipart with `file`, any claimed type. */
async function upload(
  key: Key,
  id: string,
  bytes: Uint8Array,
  name: string,
  type: string,
  locale?: 'ja' | 'en',
) {
  const cookie = await tenant.signIn(key);
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return request(t.app, 'PUT', `/api/forms/${id}/attachment`, {
    cookie,
    body: form,
    ...(locale && { locale }),
    headers: { 'idempotency-key': randomUUID() },
  });
}

/** A real 1×1 PNG. */
const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('recording and listing 申込書', () => {
  it('a rep records forms of their customers; the list filters them and counts them per rep and kind', async () => {
    const [k1, k2] = tenant.customersOf('rep1');
    const mine = await record('rep1', {
      customerId: k1!.id,
      kind: 'new_service',
      note: 'ウォーターサーバー申込書',
    });
    expect(mine).toMatchObject({
      customerId: k1!.id,
      kind: 'new_service',
      repId: tenant.users.rep1.id,
      collectedOn: today,
      visitId: null,
      voidedAt: null,
      attachment: null,
      version: 1,
    });
    await record('rep1', { customerId: k2!.id, kind: 'renewal', collectedOn: addDays(today, -40) });
    const theirs = await record('rep2', { customerId: tenant.customersOf('rep2')[0]!.id, kind: 'renewal' });

    const period = `from=${addDays(today, -7)}&to=${addDays(today, 1)}`;
    const page = await list('admin', period);
    const ids = page.items.map((f) => f.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(theirs.id);
    expect(page.items.every((f) => f.collectedOn >= addDays(today, -7))).toBe(true);
    const rep1 = page.counts.byRep.find((r) => r.repId === tenant.users.rep1.id);
    expect(rep1).toMatchObject({ count: 1, byKind: { new_service: 1 } });

    const renewals = await list('admin', `kind=renewal&repId=${tenant.users.rep1.id}`);
    expect(renewals.items.map((f) => f.customerId)).toEqual([k2!.id]);
    expect(renewals.counts.total).toBe(1);
  });

  it('a voided form stays, with who and why, and counts no more', async () => {
    const customer = tenant.customersOf('rep1')[2]!;
    const form = await record('rep1', { customerId: customer.id, kind: 'contract_change' });
    const before = await list('rep1', `customerId=${customer.id}`);
    expect(before.counts.total).toBe(1);
    const voided = await as('rep1').send('POST', `/api/forms/${form.id}/void`, {
      version: form.version,
      reason: '別の顧客で登録していた',
    });
    expect(voided.status).toBe(200);
    expect(await read<Form>(voided)).toMatchObject({ voidReason: '別の顧客で登録していた', version: 2 });
    const after = await list('rep1', `customerId=${customer.id}`);
    expect(after.items).toEqual([]);
    expect(after.counts.total).toBe(0);
    const withVoided = await list('rep1', `customerId=${customer.id}&voided=only`);
    expect(withVoided.items.map((f) => f.id)).toEqual([form.id]);
    expect(withVoided.counts.total).toBe(0);
    // A voided form cannot be edited or voided again.
    const edit = await as('rep1').send('PATCH', `/api/forms/${form.id}`, { version: 2, note: 'x' });
    expect(edit.status).toBe(409);
    expect((await read<Refusal>(edit)).error.code).toBe('form_voided');
    const [row] = await t.database.admin.select().from(forms).where(eq(forms.id, form.id));
    expect(row).toMatchObject({ voidedBy: tenant.users.rep1.id, note: '' });
  });

  it('a stale version gets 409 with the server’s copy and changes nothing', async () => {
    const form = await record('rep1', { customerId: tenant.customersOf('rep1')[3]!.id, kind: 'other' });
    const first = await as('rep1').send('PATCH', `/api/forms/${form.id}`, {
      version: 1,
      kind: 'renewal',
      note: '2年更新',
    });
    expect(first.status).toBe(200);
    expect(await read<Form>(first)).toMatchObject({ kind: 'renewal', note: '2年更新', version: 2 });
    const stale = await as('manager').send('PATCH', `/api/forms/${form.id}`, {
      version: 1,
      kind: 'cancellation',
    });
    expect(stale.status).toBe(409);
    const body = await read<Refusal>(stale);
    expect(body.error.code).toBe('version_conflict');
    expect(body.error.current).toMatchObject({ kind: 'renewal', version: 2 });
    expect((await read<Form>(await as('rep1').get(`/api/forms/${form.id}`))).kind).toBe('renewal');
  });

  it('refuses a future day, another rep as collector and an unknown customer, naming the field in ja and en', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const cases: [Key, Record<string, unknown>, string][] = [
      ['rep1', { customerId: customer.id, kind: 'renewal', collectedOn: addDays(today, 1) }, 'collectedOn'],
      ['rep1', { customerId: customer.id, kind: 'renewal', repId: tenant.users.rep2.id }, 'repId'],
      ['manager', { customerId: customer.id, kind: 'renewal', repId: tenant.users.rep3.id }, 'repId'],
      ['rep2', { customerId: customer.id, kind: 'renewal' }, 'customerId'],
      ['rep1', { customerId: customer.id, kind: 'jumbo' }, 'kind'],
    ];
    for (const [key, body, field] of cases) {
      const ja = await as(key).send('POST', '/api/forms', body, { locale: 'ja' });
      expect(ja.status, field).toBe(422);
      const jaText = (await read<Refusal>(ja)).error.fields[field];
      const en = await as(key).send('POST', '/api/forms', body, { locale: 'en' });
      const enText = (await read<Refusal>(en)).error.fields[field];
      expect(jaText, field).toBeTruthy();
      expect(enText, field).toBeTruthy();
      expect(jaText).not.toBe(enText);
    }
    const stored = await t.database.admin.select().from(forms).where(eq(forms.customerId, customer.id));
    expect(stored.every((f) => f.collectedOn <= today && f.repId === tenant.users.rep1.id)).toBe(true);
  });
});

describe('who sees which forms', () => {
  it('a rep sees only their own customers’ forms; a manager their team’s; an admin all', async () => {
    const rep1Form = await record('rep1', {
      customerId: tenant.customersOf('rep1')[1]!.id,
      kind: 'new_service',
    });
    const rep3Form = await record('rep3', {
      customerId: tenant.customersOf('rep3')[0]!.id,
      kind: 'cancellation',
    });
    expect((await as('rep2').get(`/api/forms/${rep1Form.id}`)).status).toBe(404);
    expect((await list('rep2')).items.map((f) => f.id)).not.toContain(rep1Form.id);
    expect((await as('rep2').get(`/api/forms/${rep1Form.id}/attachment`)).status).toBe(404);
    const stolen = await as('rep2').send('POST', `/api/forms/${rep1Form.id}/void`, {
      version: 1,
      reason: 'x',
    });
    expect(stolen.status).toBe(404);
    const managerIds = (await list('manager', 'limit=200')).items.map((f) => f.id);
    expect(managerIds).toContain(rep1Form.id);
    expect(managerIds).not.toContain(rep3Form.id);
    expect((await as('manager').get(`/api/forms/${rep3Form.id}`)).status).toBe(404);
    const adminIds = (await list('admin', 'limit=200')).items.map((f) => f.id);
    expect(adminIds).toEqual(expect.arrayContaining([rep1Form.id, rep3Form.id]));
    const other = await t.createTenant();
    const outsider = await other.signIn('admin');
    expect((await request(t.app, 'GET', `/api/forms/${rep1Form.id}`, { cookie: outsider })).status).toBe(404);
  });
});

describe('the photo or PDF of the paper', () => {
  it('stores a PNG with its type, size and sha256 and serves it back as it was', async () => {
    const form = await record('rep1', { customerId: tenant.customersOf('rep1')[0]!.id, kind: 'new_service' });
    // The browser's claimed type is ignored: the bytes say PNG.
    const res = await upload('rep1', form.id, png, '申込書 写真.png', 'application/octet-stream');
    expect(res.status, await res.clone().text()).toBe(200);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect((await read<Form>(res)).attachment).toMatchObject({
      contentType: 'image/png',
      size: png.length,
      sha256,
      fileName: '申込書 写真.png',
    });
    const file = await as('manager').get(`/api/forms/${form.id}/attachment`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename="___ __.png"; filename*=UTF-8''${encodeURIComponent('申込書 写真.png')}`,
    );
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    // A PDF replaces it.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const replaced = await upload('rep1', form.id, pdf, 'scan.pdf', 'application/pdf');
    expect((await read<Form>(replaced)).attachment).toMatchObject({
      contentType: 'application/pdf',
      size: pdf.length,
    });
  });

  it('refuses a file that is not a photo or PDF, and one over 8 MB, naming file in ja and en, storing nothing', async () => {
    const form = await record('rep1', { customerId: tenant.customersOf('rep1')[1]!.id, kind: 'renewal' });
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    for (const locale of ['ja', 'en'] as const) {
      const res = await upload('rep1', form.id, html, 'photo.jpg', 'image/jpeg', locale);
      expect(res.status).toBe(422);
      const text = (await read<Refusal>(res)).error.fields.file;
      expect(text).toBe(
        locale === 'ja'
          ? '申込書の写真（JPEG・PNG・WebP・HEIC）かPDFを選んでください。'
          : 'Choose a photo (JPEG, PNG, WebP, HEIC) or a PDF of the form.',
      );
    }
    const big = new Uint8Array(9 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await upload('rep1', form.id, big, 'big.jpg', 'image/jpeg', 'ja');
    expect(tooBig.status).toBe(413);
    const refusal = await read<Refusal>(tooBig);
    expect(refusal.error.fields.file).toContain('8 MB以下');
    const enBig = await upload('rep1', form.id, big, 'big.jpg', 'image/jpeg', 'en');
    expect((await read<Refusal>(enBig)).error.fields.file).toContain('at most 8 MB');
    const rows = await t.database.admin
      .select()
      .from(formAttachments)
      .where(eq(formAttachments.formId, form.id));
    expect(rows).toEqual([]);
    expect((await read<Form>(await as('rep1').get(`/api/forms/${form.id}`))).attachment).toBeNull();
  });

  it('tells WebP, HEIC and JPEG by their first bytes', async () => {
    const { sniffFormAttachment } = await import('../../../src/domains/forms/form-attachment.ts');
    const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
    expect(sniffFormAttachment(bytes('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffFormAttachment(bytes('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'))).toBe('image/heic');
    expect(sniffFormAttachment(bytes('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic'))).toBe('image/heic');
    expect(sniffFormAttachment(bytes('\x00\x00\x00\x18ftypavif\x00\x00\x00\x00mif1avif'))).toBeNull();
    expect(sniffFormAttachment(bytes('\xff\xd8\xff\xe1rest'))).toBe('image/jpeg');
    expect(sniffFormAttachment(bytes('GIF89a'))).toBeNull();
  });
});

describe('forms from the visit log', () => {
  it('saving the log again neither duplicates nor loses forms; a form dropped from the log is voided with its photo kept', async () => {
    const customer = tenant.customersOf('rep2')[1]!;
    const visitId = randomUUID();
    expect(
      (await as('rep2').send('POST', '/api/visits', { id: visitId, customerId: customer.id })).status,
    ).toBe(201);
    const a = randomUUID();
    const b = randomUUID();
    const first = await as('rep2').send('PUT', `/api/visits/${visitId}/log`, {
      outcome: 'met',
      forms: [
        { id: a, kind: 'new_service', note: 'サーバー2台目' },
        { id: b, kind: 'renewal' },
        { kind: '口座振替依頼書', count: 2 },
      ],
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const visit = await read<Visit>(first);
    expect(visit.log?.forms.map((f) => [f.kind, f.note])).toEqual([
      ['new_service', 'サーバー2台目'],
      ['renewal', ''],
      ['contract_change', '口座振替依頼書'],
      ['contract_change', '口座振替依頼書'],
    ]);
    expect((await upload('rep2', b, png, 'renewal.png', 'image/png')).status).toBe(200);

    const again = await as('rep2').send('PUT', `/api/visits/${visitId}/log`, {
      outcome: 'met',
      version: visit.version,
      forms: [
        { id: a, kind: 'new_service', note: 'サーバー2台目（3年）' },
        { kind: '口座振替依頼書', count: 2 },
      ],
    });
    expect(again.status, await again.clone().text()).toBe(200);
    const rows = await t.database.admin.select().from(forms).where(eq(forms.visitId, visitId));
    expect(rows).toHaveLength(4);
    expect(rows.find((f) => f.id === a)).toMatchObject({
      note: 'サーバー2台目（3年）',
      voidedAt: null,
      version: 2,
    });
    const dropped = rows.find((f) => f.id === b);
    expect(dropped?.voidedAt).not.toBeNull();
    expect(dropped?.voidReason).toContain('訪問記録から削除');
    const photo = await t.database.admin.select().from(formAttachments).where(eq(formAttachments.formId, b));
    expect(photo).toHaveLength(1);
    expect(rows.filter((f) => f.voidedAt === null)).toHaveLength(3);
    const listed = await list('rep2', `customerId=${customer.id}`);
    expect(listed.items.every((f) => f.visitId === visitId && f.collectedOn === visit.date)).toBe(true);
    expect(listed.counts.total).toBe(3);
  });

  it('a re-save that leaves forms out (a phone that could not load them) keeps every form', async () => {
    const customer = tenant.customersOf('rep2')[2]!;
    const visitId = randomUUID();
    expect(
      (await as('rep2').send('POST', '/api/visits', { id: visitId, customerId: customer.id })).status,
    ).toBe(201);
    const first = await as('rep2').send('PUT', `/api/visits/${visitId}/log`, {
      outcome: 'met',
      forms: [{ kind: 'renewal' }, { kind: 'new_service', note: '浄水器' }],
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const visit = await read<Visit>(first);
    const again = await as('rep2').send('PUT', `/api/visits/${visitId}/log`, {
      outcome: 'met',
      notes: '追記: 次回は担当者不在',
      version: visit.version,
    });
    expect(again.status, await again.clone().text()).toBe(200);
    expect((await read<Visit>(again)).log?.forms.map((f) => f.kind).sort()).toEqual([
      'new_service',
      'renewal',
    ]);
    const rows = await t.database.admin.select().from(forms).where(eq(forms.visitId, visitId));
    expect(rows.filter((f) => f.voidedAt === null)).toHaveLength(2);
  });

  it('an id of another visit’s form is refused naming that line', async () => {
    const customer = tenant.customersOf('rep2')[2]!;
    const taken = await record('rep2', { customerId: customer.id, kind: 'other' });
    const visitId = randomUUID();
    await as('rep2').send('POST', '/api/visits', { id: visitId, customerId: customer.id });
    const res = await as('rep2').send('PUT', `/api/visits/${visitId}/log`, {
      outcome: 'met',
      forms: [{ kind: 'renewal' }, { id: taken.id, kind: 'renewal' }],
    });
    expect(res.status).toBe(409);
    expect(Object.keys((await read<Refusal>(res)).error.fields)).toEqual(['forms.1.id']);
    const rows = await t.database.admin.select().from(forms).where(eq(forms.visitId, visitId));
    expect(rows).toEqual([]);
  });
});

describe('申込書回収枚数', () => {
  it('goes up when a form is recorded and down when it is voided', async () => {
    const rep = tenant.users.rep1.id;
    const kpi = async () => {
      const res = await as('admin').get(
        `/api/kpis?from=${today}&to=${addDays(today, 1)}&scope=rep&scopeId=${rep}`,
      );
      expect(res.status).toBe(200);
      return (
        ((await res.json()) as { figures: { current: { formsCollected: number | null } } }).figures.current
          .formsCollected ?? 0
      );
    };
    const before = await kpi();
    const form = await record('rep1', { customerId: tenant.customersOf('rep1')[2]!.id, kind: 'renewal' });
    expect(await kpi()).toBe(before + 1);
    await as('rep1').send('POST', `/api/forms/${form.id}/void`, { version: 1, reason: '二重登録' });
    expect(await kpi()).toBe(before);
  });
});
