import { afterAll, beforeAll, expect, it } from 'vitest';
import { request, type TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp } from './customer-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createCustomerTestApp();
});
afterAll(() => t.close());

it('documents every customer endpoint in the OpenAPI document', async () => {
  const res = await request(t.app, 'GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/customers'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  // Other domains mount under /api/customers too (the briefing's /{id}/briefing, /{id}/timeline).
  expect(operations).toEqual(
    expect.arrayContaining([
      'GET /api/customers',
      'POST /api/customers',
      'GET /api/customers/export.csv',
      'GET /api/customers/export-check',
      'GET /api/customers/position-issues',
      'GET /api/customers/settings',
      'PATCH /api/customers/settings',
      'POST /api/customers/{id}/geocode',
      'POST /api/customers/import/preview',
      'POST /api/customers/import/{importId}/commit',
      'GET /api/customers/{id}',
      'PATCH /api/customers/{id}',
      'POST /api/customers/{id}/archive',
      'POST /api/customers/{id}/restore',
      'GET /api/customers/{id}/orders',
      'GET /api/customers/{id}/figures',
      'GET /api/customers/{id}/history',
    ]),
  );
});
