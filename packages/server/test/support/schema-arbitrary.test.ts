import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ArchiveBody,
  CreateCustomerBody,
  UpdateCustomerBody,
} from '../../src/domains/customers/customer-schemas.ts';
import {
  BigText,
  boundaryViolations,
  hostileKinds,
  hostileValues,
  type JsonSchema,
  minimalValue,
  resolveSchema,
  schemaArbitrary,
} from './schema-arbitrary.ts';

/** JSON Schema from zod (draft 2020-12) next to the zod schema that judges the values. */
const simple: { name: string; zod: z.ZodType }[] = [
  { name: 'a bounded integer', zod: z.number().int().min(1).max(200) },
  { name: 'a number strictly between 0 and 1', zod: z.number().gt(0).lt(1) },
  { name: 'an unbounded number', zod: z.number() },
  { name: 'a string of 2 to 5 characters', zod: z.string().min(2).max(5) },
  { name: 'an e-mail address', zod: z.email() },
  { name: 'an ISO date-time', zod: z.iso.datetime() },
  { name: 'a uuid', zod: z.uuid() },
  { name: 'an enum', zod: z.enum(['rep', 'manager', 'admin']) },
  { name: 'a nullable string', zod: z.string().nullable() },
  { name: 'a union', zod: z.union([z.string().min(2), z.boolean(), z.number().int().min(7).max(9)]) },
  { name: 'an array of at most 3 enum values', zod: z.array(z.enum(['x', 'y'])).max(3) },
  { name: 'an array of 2 or more integers', zod: z.array(z.number().int()).min(2).max(4) },
  {
    name: 'an object with required and optional fields (no others)',
    zod: z.strictObject({
      name: z.string(),
      cadenceDays: z.number().int().min(1).max(365).optional(),
      lat: z.number().nullable().optional(),
      windows: z.array(z.object({ start: z.string(), end: z.string() })).optional(),
    }),
  },
  { name: 'a record', zod: z.record(z.string(), z.number().int().min(0).max(3)) },
];

const valid = (schema: z.ZodType) => (value: unknown) => {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${JSON.stringify(value)}: ${result.error.message}`);
};

describe('schemaArbitrary without hostility', () => {
  it.each(simple)('generates only values that validate as $name', ({ zod }) => {
    const jsonSchema = z.toJSONSchema(zod) as JsonSchema;
    fc.assert(fc.property(schemaArbitrary(jsonSchema), valid(zod)), { numRuns: 200, seed: 7 });
  });

  it('follows $ref into components, type arrays and OpenAPI 3.0 nullable', () => {
    const components: Record<string, JsonSchema> = {
      Window: {
        type: 'object',
        properties: { start: { type: 'string' }, end: { type: 'string' } },
        required: ['start', 'end'],
      },
      Alias: { $ref: '#/components/schemas/Window' },
    };
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        windows: { type: 'array', items: { $ref: '#/components/schemas/Alias' }, maxItems: 2 },
        lng: { type: ['number', 'null'] },
        repId: { type: 'string', nullable: true },
      },
      required: ['windows', 'lng', 'repId'],
    };
    const judge = z.object({
      windows: z.array(z.object({ start: z.string(), end: z.string() })).max(2),
      lng: z.number().nullable(),
      repId: z.string().nullable(),
    });
    fc.assert(fc.property(schemaArbitrary(schema, { components }), valid(judge)), { numRuns: 200, seed: 7 });
    expect(() => resolveSchema({ $ref: '#/components/schemas/Missing' }, components)).toThrow(/Missing/);
  });

  it('generates bodies the customer routes accept, from the schemas the OpenAPI document publishes', () => {
    const app = new OpenAPIHono();
    const bodies = { CreateCustomerBody, UpdateCustomerBody, ArchiveBody };
    for (const [name, schema] of Object.entries(bodies)) {
      app.openapi(
        createRoute({
          method: 'post',
          path: `/${name}`,
          request: { body: { content: { 'application/json': { schema } } } },
          responses: { 204: { description: 'ok' } },
        }),
        (c) => c.body(null, 204),
      );
    }
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
    for (const [name, zod] of Object.entries(bodies)) {
      const published = doc.paths?.[`/${name}`]?.post?.requestBody as {
        content: { 'application/json': { schema: JsonSchema } };
      };
      const schema = published.content['application/json'].schema;
      fc.assert(fc.property(schemaArbitrary(schema, { components }), valid(zod)), { numRuns: 100, seed: 7 });
      valid(zod)(minimalValue(schema, { components }));
    }
  });
});

describe('minimalValue', () => {
  it('builds the smallest accepted value from the required properties', () => {
    const schema = z.toJSONSchema(
      z.object({
        name: z.string(),
        email: z.email(),
        cadenceDays: z.number().int().min(7).max(365),
        ratio: z.number().gt(2),
        tags: z.array(z.string()).min(1),
        rank: z.enum(['A', 'B']),
        note: z.string().optional(),
      }),
    ) as JsonSchema;
    expect(minimalValue(schema)).toEqual({
      name: 'x',
      email: 'x@example.com',
      cadenceDays: 7,
      ratio: 3,
      tags: ['x'],
      rank: 'A',
    });
    expect(minimalValue(schema, { overrides: { cadenceDays: 30, unknown: 1 } })).toMatchObject({
      cadenceDays: 30,
    });
    expect(minimalValue(schema, { overrides: { unknown: 1 } })).not.toHaveProperty('unknown');
  });
});

describe('schemaArbitrary with hostility', () => {
  const schema = z.toJSONSchema(
    z.object({ name: z.string(), cadenceDays: z.number().int().min(1).max(365) }),
  ) as JsonSchema;
  const judge = z.object({ name: z.string(), cadenceDays: z.number().int().min(1).max(365) });

  it.each(hostileKinds)('mixes %s values in: some generated values no longer validate', (kind) => {
    const values = fc.sample(schemaArbitrary(schema, { hostile: hostileValues[kind] }), {
      numRuns: 300,
      seed: 7,
    });
    const refused = values.filter((v) => !judge.safeParse(JSON.parse(JSON.stringify(v))).success);
    expect(refused.length).toBeGreaterThan(20);
    expect(refused.length).toBeLessThan(values.length);
  });

  it.each([
    { name: 'a string of 2 to 5 characters', zod: z.string().min(2).max(5) },
    { name: 'an integer from 1 to 365', zod: z.number().int().min(1).max(365) },
    { name: 'a number strictly above 0', zod: z.number().gt(0) },
    { name: 'at most 3 items', zod: z.array(z.string()).max(3) },
    { name: 'an enum', zod: z.enum(['A', 'B']) },
    { name: 'an object with two required fields', zod: z.object({ a: z.string(), b: z.number() }) },
  ])('boundaryViolations gives only values $name refuses', ({ zod }) => {
    const violations = boundaryViolations(z.toJSONSchema(zod) as JsonSchema);
    if (!violations) throw new Error('no violations');
    for (const value of fc.sample(violations, { numRuns: 50, seed: 7 }))
      expect(
        zod.safeParse(JSON.parse(JSON.stringify(value))).success,
        JSON.stringify(value).slice(0, 80),
      ).toBe(false);
  });

  it('boundaryViolations has nothing to offer for an unbounded string', () => {
    expect(boundaryViolations({ type: 'string' })).toBeUndefined();
  });

  it('prints big strings as a label but serialises them whole', () => {
    const big = new BigText('a'.repeat(1000), '<1000 a>');
    expect(fc.stringify(big)).toBe('<1000 a>');
    expect(JSON.stringify({ name: big })).toBe(JSON.stringify({ name: 'a'.repeat(1000) }));
    expect(`${big}`).toHaveLength(1000);
  });
});
