import { crc32 } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCompanyProfile, toDocumentIssuer } from '../../../src/domains/company/get-company-profile.ts';
import { registrationNumberIssue } from '../../../src/domains/company/registration-number.ts';
import { companyProfiles } from '../../../src/domains/company/tables.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { demoTenantPlans } from '../../../src/seed/seed-demo.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let other: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  tenant = await t.createTenant();
  other = await t.createTenant();
  as = await signInAll(t, tenant);
});

type Profile = {
  legalName: string;
  registrationNumber: string | null;
  entityType: string;
  rounding: string;
  dateStyle: string;
  quoteValidityDays: number;
  paymentTerms: string;
  seal: { mimeType: string; size: number } | null;
  version: number;
  error?: { code: string; message: string; fields?: Record<string, string> };
};

const read = async (key: 'admin' | 'rep1' = 'admin') =>
  (await (await as(key).get('/api/settings/company')).json()) as Profile;
const patch = async (body: Record<string, unknown>, locale?: 'ja' | 'en') => {
  const res = await as('admin').send('PATCH', '/api/settings/company', body, locale);
  return { status: res.status, body: (await res.json()) as Profile };
};
const storedRow = () =>
  t.database.admin.select().from(companyProfiles).where(eq(companyProfiles.tenantId, tenant.tenantId));

const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const sealForm = (bytes: Uint8Array, name = 'seal.png', type = 'image/png') => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
};

describe('company profile', () => {
  it('starts from the tenant settings with 切捨て, 西暦 and 30 days, readable by a rep', async () => {
    const profile = await read('rep1');
    expect(profile).toMatchObject({
      legalName: tenant.tenantName,
      rounding: 'floor',
      dateStyle: 'western',
      quoteValidityDays: 30,
      entityType: 'corporation',
      seal: null,
      version: 1,
    });
  });

  it("stores a full-width, lower-case 登録番号 as T + 13 digits (国税庁's 法人番号 7000012050002)", async () => {
    const before = await read();
    const res = await patch({
      version: before.version,
      registrationNumber: 'ｔ７０００ー０１２０ー５０００２',
      entityType: 'corporation',
      rounding: 'half_up',
      dateStyle: 'japanese',
      quoteValidityDays: 14,
      paymentTerms: '月末締め翌月末払い',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      registrationNumber: 'T7000012050002',
      rounding: 'half_up',
      dateStyle: 'japanese',
      quoteValidityDays: 14,
      version: before.version + 1,
    });
    expect((await read('rep1')).registrationNumber).toBe('T7000012050002');
    const audits = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.tableName, 'company_profiles')))
      .orderBy(auditEvents.seq);
    expect(audits.at(-1)?.changes).toMatchObject({
      registrationNumber: { after: 'T7000012050002' },
      rounding: { before: 'floor', after: 'half_up' },
    });
  });

  it('refuses a corporation number with a wrong check digit in ja and en, storing nothing', async () => {
    const before = await read();
    const ja = await patch(
      { version: before.version, registrationNumber: 'T7000012050003', paymentTerms: '変更' },
      'ja',
    );
    expect(ja.status).toBe(422);
    expect(ja.body.error?.fields?.registrationNumber).toContain('チェックデジット');
    const en = await patch({ version: before.version, registrationNumber: 'T8000012050002' }, 'en');
    expect(en.status).toBe(422);
    expect(en.body.error?.fields?.registrationNumber).toMatch(/check digit/);
    const [row] = await storedRow();
    expect(row).toMatchObject({ registrationNumber: 'T7000012050002', version: before.version });
    expect(row?.paymentTerms).not.toBe('変更');
  });

  it('checks only the form for a sole proprietor, and refuses switching to corporation over a non-法人番号', async () => {
    const before = await read();
    const res = await patch({
      version: before.version,
      entityType: 'sole_proprietor',
      registrationNumber: 'T1234567890123',
    });
    expect(res.status).toBe(200);
    expect(res.body.registrationNumber).toBe('T1234567890123');
    const short = await patch({ version: res.body.version, registrationNumber: 'T12345' }, 'en');
    expect(short.status).toBe(422);
    expect(short.body.error?.fields?.registrationNumber).toMatch(/13 digits/);
    const toCorp = await patch({ version: res.body.version, entityType: 'corporation' }, 'ja');
    expect(toCorp.status).toBe(422);
    expect(Object.keys(toCorp.body.error?.fields ?? {})).toEqual(['registrationNumber']);
    // Back to the 国税庁 number, for the tests after this one.
    const back = await patch({
      version: res.body.version,
      entityType: 'corporation',
      registrationNumber: 'T7000012050002',
    });
    expect(back.status).toBe(200);
  });

  it('answers a stale version with 409 and the server copy', async () => {
    const current = await read();
    const res = await as('admin').send('PATCH', '/api/settings/company', {
      version: current.version - 1,
      paymentTerms: '上書き',
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; current: Profile } };
    expect(body.error.code).toBe('version_conflict');
    expect(body.error.current.version).toBe(current.version);
    expect((await read()).paymentTerms).not.toBe('上書き');
  });

  it('lets only admins change it', async () => {
    const res = await as('manager').send('PATCH', '/api/settings/company', { version: 1, paymentTerms: 'x' });
    expect(res.status).toBe(403);
    const seal = await request(t.app, 'POST', '/api/settings/company/seal', {
      cookie: as('rep1').cookie,
      body: sealForm(PNG),
    });
    expect(seal.status).toBe(403);
  });

  it('seeds the demo companies with registration numbers whose 法人番号 check digit is right', () => {
    const plans = demoTenantPlans(new Date(), () => '');
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans)
      expect(registrationNumberIssue(plan.settings.invoiceRegistrationNo, 'corporation')).toBeNull();
  });

  it("keeps one tenant's profile from another's", async () => {
    const cookie = await other.signIn('admin');
    const res = await request(t.app, 'GET', '/api/settings/company', { cookie });
    expect(((await res.json()) as Profile).registrationNumber).not.toBe('T7000012050002');
  });
});

describe('company seal', () => {
  it('stores a PNG told by its bytes, serves it back, and removes it', async () => {
    const up = await request(t.app, 'POST', '/api/settings/company/seal', {
      cookie: as('admin').cookie,
      body: sealForm(PNG, 'seal.dat', 'application/octet-stream'),
    });
    expect(up.status).toBe(200);
    expect(((await up.json()) as Profile).seal).toMatchObject({ mimeType: 'image/png', size: PNG.length });
    const got = await as('rep1').get('/api/settings/company/seal');
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);

    const rep = tenant.actor('rep1');
    const issuer = await withTenant(t.database.db, rep, async (tx) =>
      toDocumentIssuer(await getCompanyProfile(tx, rep)),
    );
    expect(issuer).toMatchObject({ legalName: tenant.tenantName, registrationNumber: 'T7000012050002' });
    expect(issuer.seal?.mimeType).toBe('image/png');
    expect(issuer.seal?.data).toEqual(PNG);

    const del = await as('admin').send('DELETE', '/api/settings/company/seal');
    expect(del.status).toBe(200);
    expect(((await del.json()) as Profile).seal).toBeNull();
    expect((await as('rep1').get('/api/settings/company/seal')).status).toBe(404);
  });

  it('refuses a file that is not PNG or JPEG whatever its name, in ja and en', async () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
    const res = await request(t.app, 'POST', '/api/settings/company/seal', {
      cookie: as('admin').cookie,
      body: sealForm(gif, 'seal.png'),
      locale: 'en',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as Profile;
    expect(body.error?.fields?.file).toMatch(/PNG or JPEG/);
    expect((await storedRow())[0]?.sealData ?? null).toBeNull();
  });

  it('refuses a PNG whose image data does not decode, in ja', async () => {
    const forged = new Uint8Array(PNG);
    // Damage the compressed pixels, then give the chunk a right CRC again: only decoding tells.
    const idat = Buffer.from(forged).indexOf('IDAT', 0, 'latin1');
    const length = new DataView(forged.buffer).getUint32(idat - 4);
    forged.fill(0xaa, idat + 6, idat + 4 + length);
    new DataView(forged.buffer).setUint32(idat + 4 + length, crc32(forged.subarray(idat, idat + 4 + length)));
    const res = await request(t.app, 'POST', '/api/settings/company/seal', {
      cookie: as('admin').cookie,
      body: sealForm(forged),
      locale: 'ja',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Profile).error?.fields?.file).toContain('読み込めませんでした');
    expect((await storedRow())[0]?.sealData ?? null).toBeNull();
  });

  it('refuses an image over 1 MB with 413 and a clear message', async () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG.slice(0, 8));
    const res = await request(t.app, 'POST', '/api/settings/company/seal', {
      cookie: as('admin').cookie,
      body: sealForm(big),
      locale: 'ja',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Profile).error?.message).toContain('1 MB以下');
    expect((await storedRow())[0]?.sealData ?? null).toBeNull();
  });
});
