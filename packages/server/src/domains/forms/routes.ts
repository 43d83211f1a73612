import { MAX_BODY_LIMIT } from '../../platform/http/body-limit.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { createForm } from './create-form.ts';
import { contentDisposition, getFormAttachment, uploadFormAttachment } from './form-attachment.ts';
import {
  CreateFormBody,
  FormIdParam,
  FormListQuery,
  FormPage,
  FormUploadForm,
  FormView,
  UpdateFormBody,
  VoidFormBody,
} from './form-schemas.ts';
import { formAttachmentTypes } from './form-values.ts';
import { getForm, listForms } from './list-forms.ts';
import { updateForm, voidForm } from './update-form.ts';

const tags = ['Application forms'];
const everyone = ['rep', 'manager', 'admin'] as const;
const access = (references?: Parameters<typeof defineRoute>[0]['access']['references']) => ({
  roles: everyone,
  scope: 'customer-book' as const,
  ...(references && { references }),
});

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: '申込書 of the customers the caller may see, newest collected first, with counts per rep',
  description:
    'Filters: repId (who collected), customerId, kind, from (inclusive) / to (exclusive) collected day ' +
    '(Asia/Tokyo, as the KPIs), voided exclude (default) / include / only. counts: the live forms ' +
    'matching the same filters per collecting rep and kind (what 申込書回収枚数 counts).',
  request: { query: FormListQuery },
  responses: { 200: json(FormPage, 'A page'), ...errorResponses(401, 422) },
  access: access({ query: { customerId: 'customer', repId: 'user' } }),
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Record a 申込書 collected from a customer',
  description:
    "A rep records their own customers' forms as the collector; a manager for a rep of their team. " +
    '422 naming the field (customerId, repId, visitId, collectedOn in the future); 409 id_taken.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateFormBody } } } },
  responses: { 201: json(FormView, 'The new form'), ...errorResponses(401, 409, 422) },
  access: access({ body: { customerId: 'customer', repId: 'user', visitId: 'visit' } }),
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One 申込書',
  request: { params: FormIdParam },
  responses: { 200: json(FormView, 'The form'), ...errorResponses(401, 404) },
  access: access({ path: { id: 'form' } }),
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: "Change a form's kind, collected day or note (send the version you read)",
  description: '409 version_conflict with `current` when stale; 409 form_voided once voided.',
  request: {
    params: FormIdParam,
    body: { required: true, content: { 'application/json': { schema: UpdateFormBody } } },
  },
  responses: { 200: json(FormView, 'The form'), ...errorResponses(401, 404, 409, 422) },
  access: access({ path: { id: 'form' } }),
});

const voidRoute = defineRoute({
  method: 'post',
  path: '/{id}/void',
  tags,
  summary: 'Void a form recorded by mistake (it stays, with the reason, and counts no more)',
  request: {
    params: FormIdParam,
    body: { required: true, content: { 'application/json': { schema: VoidFormBody } } },
  },
  responses: { 200: json(FormView, 'The voided form'), ...errorResponses(401, 404, 409, 422) },
  access: access({ path: { id: 'form' } }),
});

const binary = { schema: { type: 'string' as const, format: 'binary' } };

const uploadRoute = defineRoute({
  method: 'put',
  path: '/{id}/attachment',
  tags,
  summary: "Store the photo or PDF of the form's paper (replaces an earlier one)",
  description:
    'multipart/form-data with `file`. The type is told by the first bytes (JPEG, PNG, WebP, HEIC, PDF), ' +
    'not the name or the declared type: anything else gets 422 naming file; over 8 MB gets 413 naming file. ' +
    'Nothing is stored when refused.',
  request: {
    params: FormIdParam,
    body: { required: true, content: { 'multipart/form-data': { schema: FormUploadForm } } },
  },
  responses: {
    200: json(FormView, 'The form with its attachment'),
    ...errorResponses(401, 404, 409, 413, 422),
  },
  access: access({ path: { id: 'form' } }),
  bodyLimit: MAX_BODY_LIMIT,
});

const downloadRoute = defineRoute({
  method: 'get',
  path: '/{id}/attachment',
  tags,
  summary: "The form's photo or PDF, with its stored type",
  request: { params: FormIdParam },
  responses: {
    200: {
      description: 'The file (Content-Disposition inline with its name)',
      content: Object.fromEntries(formAttachmentTypes.map((type) => [type, binary])),
    },
    ...errorResponses(401, 404),
  },
  access: access({ path: { id: 'form' } }),
});

/** The 申込書 API, mounted at /api/forms. */
export const formRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listForms({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(createRoute, async (c) =>
    c.json(await createForm({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getForm({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updateForm({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(voidRoute, async (c) =>
    c.json(
      await voidForm({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(uploadRoute, async (c) => {
    const file: unknown = c.req.valid('form').file;
    const upload =
      file instanceof Blob
        ? {
            bytes: new Uint8Array(await file.arrayBuffer()),
            ...(file instanceof File && { name: file.name }),
          }
        : null;
    return c.json(
      await uploadFormAttachment({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        file: upload,
      }),
      200,
    );
  })
  .openapi(downloadRoute, async (c) => {
    const file = await getFormAttachment({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id });
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'private, no-cache',
      ETag: `"${file.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
    }) as never;
  });
