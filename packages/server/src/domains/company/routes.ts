import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { CompanyProfileBody, CompanyProfileView, SealForm } from './company-schemas.ts';
import { deleteCompanySeal, getCompanySeal, uploadCompanySeal } from './company-seal.ts';
import { MAX_SEAL_BYTES } from './company-values.ts';
import { readCompanyProfile } from './get-company-profile.ts';
import { updateCompanyProfile } from './update-company-profile.ts';

const tags = ['Company profile'];
const everyone = ['rep', 'manager', 'admin'] as const;

const getRoute = defineRoute({
  method: 'get',
  path: '/company',
  tags,
  summary: 'The company profile printed on documents (見積書, 注文請書) and the rules they follow',
  description:
    'Legal name, address, phone, contact, registration number (登録番号), seal, tax rounding, date style ' +
    '(西暦/和暦), quote validity and payment terms. Before an admin saves it, a tenant’s profile is its tenant ' +
    'settings with the defaults (切捨て, 西暦, 30 days).',
  responses: { 200: json(CompanyProfileView, 'The profile'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'tenant' },
});

const patchRoute = defineRoute({
  method: 'patch',
  path: '/company',
  tags,
  summary: 'Change the company profile (admin)',
  description:
    'Only the fields given change. registrationNumber: T + 13 digits, full-width and lower case normalised ' +
    '(Ｔ７０００… is stored as T7000…); for entityType corporation the 13 digits are its 法人番号 and the check ' +
    'digit is verified. 422 naming each refused field (nothing stored); 409 version_conflict when stale.',
  request: { body: { required: true, content: { 'application/json': { schema: CompanyProfileBody } } } },
  responses: { 200: json(CompanyProfileView, 'The stored profile'), ...errorResponses(401, 403, 409, 422) },
  access: { roles: ['admin'], scope: 'tenant' },
});

const getSealRoute = defineRoute({
  method: 'get',
  path: '/company/seal',
  tags,
  summary: 'The seal image (PNG or JPEG)',
  responses: {
    200: {
      description: 'The image',
      content: {
        'image/png': { schema: { type: 'string', format: 'binary' } },
        'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...errorResponses(401, 404),
  },
  access: { roles: everyone, scope: 'tenant' },
});

const uploadSealRoute = defineRoute({
  method: 'post',
  path: '/company/seal',
  tags,
  summary: 'Store the seal image (admin): PNG or JPEG, at most 1 MB',
  description:
    'The type is told by the file’s first bytes, not its name: anything else gets 422 naming file; more than ' +
    '1 MB gets 413 payload_too_large. Replaces an earlier seal; answers the profile.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: SealForm } } } },
  responses: { 200: json(CompanyProfileView, 'The profile'), ...errorResponses(401, 403, 413, 422) },
  access: { roles: ['admin'], scope: 'tenant' },
  bodyLimit: 2 * MAX_SEAL_BYTES,
});

const deleteSealRoute = defineRoute({
  method: 'delete',
  path: '/company/seal',
  tags,
  summary: 'Remove the seal image (admin)',
  responses: { 200: json(CompanyProfileView, 'The profile'), ...errorResponses(401, 403, 404) },
  access: { roles: ['admin'], scope: 'tenant' },
});

/** /api/settings/company: the company profile and its seal image. */
export const companyRoutes = createRouter()
  .openapi(getRoute, async (c) => c.json(await readCompanyProfile({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(patchRoute, async (c) =>
    c.json(await updateCompanyProfile({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
  )
  .openapi(getSealRoute, async (c) => {
    const seal = await getCompanySeal({ db: c.var.db, actor: c.var.actor });
    return c.body(new Uint8Array(seal.data), 200, {
      'Content-Type': seal.mimeType,
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  })
  .openapi(uploadSealRoute, async (c) => {
    const file: unknown = c.req.valid('form').file;
    const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : null;
    return c.json(await uploadCompanySeal({ db: c.var.db, actor: c.var.actor, file: bytes }), 200);
  })
  .openapi(deleteSealRoute, async (c) =>
    c.json(await deleteCompanySeal({ db: c.var.db, actor: c.var.actor }), 200),
  );
