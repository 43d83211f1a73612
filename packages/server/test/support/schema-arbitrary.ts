import fc from 'fast-check';

/**
 * The part of JSON Schema (as OpenAPI 3.1 writes it) the API's request schemas use. OpenAPI 3.0's
 * `nullable` and boolean exclusive bounds are understood too.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | readonly string[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  format?: string;
  example?: unknown;
  description?: string;
}

/** Hostile values: the same everywhere, or made for each (resolved) schema node; none where it gives undefined. */
export type HostileSource =
  | fc.Arbitrary<unknown>
  | ((
      schema: JsonSchema,
      components: Readonly<Record<string, JsonSchema>>,
    ) => fc.Arbitrary<unknown> | undefined);

export interface SchemaArbitraryOptions {
  /** What `#/components/schemas/Name` points to (the OpenAPI document's `components.schemas`). */
  components?: Readonly<Record<string, JsonSchema>>;
  /**
   * Values mixed in at every node of the schema instead of a schema-shaped one (see
   * `hostileValues`). Absent: only values the schema accepts.
   */
  hostile?: HostileSource;
  /** Schema-shaped values drawn per hostile one at a node (default 4). */
  validWeight?: number;
}

const MAX_DEPTH = 6;

/** Follows `$ref`s into `components` (throws on a reference it cannot resolve). */
export function resolveSchema(
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>> = {},
): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined; hops++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : components[name];
    if (!target || hops > 20) throw new Error(`cannot resolve $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** The types a schema allows (type arrays, `nullable`, or inferred from its keywords). */
function typesOf(schema: JsonSchema): string[] {
  const declared = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  const types = declared.length > 0 ? declared : inferredTypes(schema);
  return schema.nullable && !types.includes('null') ? [...types, 'null'] : types;
}

function inferredTypes(schema: JsonSchema): string[] {
  if (schema.properties || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.format) return ['string'];
  if (schema.minimum !== undefined || schema.maximum !== undefined) return ['number'];
  return [];
}

/** Kana, kanji and printable ASCII: one UTF-16 unit each, so lengths count as zod counts them. */
const textUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(...'あいうえおカキクケコサシスセソー漢字株式会社営業大阪') },
);

const lowerBound = (schema: JsonSchema, step: number): number | undefined => {
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + step;
  if (schema.minimum === undefined) return undefined;
  return schema.exclusiveMinimum === true ? schema.minimum + step : schema.minimum;
};
const upperBound = (schema: JsonSchema, step: number): number | undefined => {
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - step;
  if (schema.maximum === undefined) return undefined;
  return schema.exclusiveMaximum === true ? schema.maximum - step : schema.maximum;
};

const word = (minLength: number, maxLength: number, letters = 'abcdefghijklmnopqrstuvwxyz0123456789') =>
  fc.string({ unit: fc.constantFrom(...letters), minLength, maxLength });

function formattedString(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'email':
      // Plain addresses: what every validator accepts (fc.emailAddress() goes as far as RFC 5322).
      return fc
        .tuple(word(1, 12), word(1, 12), word(2, 6, 'abcdefghijklmnopqrstuvwxyz'))
        .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    case 'date-time':
      return fc
        .date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2999-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return undefined;
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const formatted = schema.format ? formattedString(schema.format) : undefined;
  if (formatted) return formatted;
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 24);
  return fc.string({ unit: textUnit, minLength, maxLength });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  if (integer) {
    const min = Math.ceil(lowerBound(schema, 1) ?? -1_000_000);
    const max = Math.floor(upperBound(schema, 1) ?? Math.max(min, 0) + 1_000_000);
    return fc.integer({ min, max });
  }
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' || schema.exclusiveMinimum === true;
  const exclusiveMax = typeof schema.exclusiveMaximum === 'number' || schema.exclusiveMaximum === true;
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum;
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.maximum;
  const double = fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min !== undefined && { min, minExcluded: exclusiveMin }),
      ...(max !== undefined && { max, maxExcluded: exclusiveMax }),
    })
    .filter((n) => !Object.is(n, -0));
  if (min !== undefined || max !== undefined) return double;
  return fc.oneof(fc.integer({ min: -1000, max: 1000 }), double);
}

function objectArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = Object.keys(properties);
  if (names.length === 0) {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      const values = arbitraryAt(schema.additionalProperties, options, depth + 1);
      return fc.dictionary(fc.string({ unit: textUnit, minLength: 1, maxLength: 8 }), values, { maxKeys: 3 });
    }
    return fc.constant({});
  }
  const optional = names.filter((n) => !required.has(n));
  // Often just one or two optional fields beside the required ones, so that one odd value is
  // not hidden behind another field's refusal; sometimes any subset.
  const chosen =
    depth >= MAX_DEPTH
      ? fc.constant<string[]>([])
      : fc.oneof(fc.subarray(optional, { maxLength: Math.min(2, optional.length) }), fc.subarray(optional));
  return chosen.chain((keys) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of names) {
      if (required.has(name) || keys.includes(name))
        model[name] = arbitraryAt(properties[name] as JsonSchema, options, depth + 1);
    }
    return fc.record(model) as fc.Arbitrary<Record<string, unknown>>;
  });
}

function shapedArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema, options.components);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => arbitraryAt(alt, options, depth)));
  if (s.allOf) return arbitraryAt(mergeAllOf(s, options.components), options, depth);
  const types = typesOf(s);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (types.length > 1)
    return fc.oneof(...types.map((type) => arbitraryAt({ ...s, type, nullable: false }, options, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'array': {
      const items = arbitraryAt(s.items ?? {}, options, depth + 1);
      const minLength = s.minItems ?? 0;
      const maxLength = depth >= MAX_DEPTH ? minLength : (s.maxItems ?? Math.max(minLength, 4));
      return s.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(s, options, depth);
    default:
      throw new Error(`schema type ${types[0]} is not supported`);
  }
}

function arbitraryAt(
  schema: JsonSchema,
  options: SchemaArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const shaped = shapedArbitrary(schema, options, depth);
  const hostile =
    typeof options.hostile === 'function'
      ? options.hostile(resolveSchema(schema, options.components), options.components ?? {})
      : options.hostile;
  if (!hostile) return shaped;
  return fc.oneof({ weight: options.validWeight ?? 4, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

function mergeAllOf(schema: JsonSchema, components: SchemaArbitraryOptions['components']): JsonSchema {
  const { allOf, ...merged } = schema;
  const properties: Record<string, JsonSchema> = { ...merged.properties };
  const required = [...(merged.required ?? [])];
  for (const part of (allOf ?? []).map((p) => resolveSchema(p, components))) {
    Object.assign(merged, part);
    Object.assign(properties, part.properties);
    required.push(...(part.required ?? []));
  }
  return { ...merged, properties, required };
}

/**
 * A fast-check arbitrary of values shaped by a JSON schema: objects with their required and some
 * optional properties, strings within their lengths and format, numbers within their bounds,
 * arrays within their item counts, enums, `anyOf`/`oneOf`, type arrays and `nullable`, `$ref`s
 * into `components`. Without `hostile` every value validates against the schema; with it any
 * node may be replaced by a hostile value instead.
 *
 * @example
 * const bodies = schemaArbitrary(doc.components.schemas.CreateCustomer, {
 *   components: doc.components.schemas,
 *   hostile: hostileValues.text,
 * });
 */
export function schemaArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return arbitraryAt(schema, options, 0);
}

/**
 * The smallest value a schema accepts: required properties only, strings 'x' (or a value of
 * their format), numbers their minimum or 1, arrays their fewest items, the first enum value,
 * the first non-null alternative. `overrides` replaces top-level properties.
 *
 * @example
 * minimalValue(UpdateCustomer, { components, overrides: { version: 3 } })  // { version: 3 }
 */
export function minimalValue(
  schema: JsonSchema,
  options: { components?: SchemaArbitraryOptions['components']; overrides?: Record<string, unknown> } = {},
): unknown {
  const value = minimalAt(schema, options.components, 0);
  if (options.overrides && value && typeof value === 'object' && !Array.isArray(value)) {
    const properties = resolveSchema(schema, options.components).properties ?? {};
    const picked = Object.entries(options.overrides).filter(([name]) => name in properties);
    return { ...value, ...Object.fromEntries(picked) };
  }
  return value;
}

const MINIMAL_FORMATS: Record<string, string> = {
  email: 'x@example.com',
  'date-time': '2026-01-05T00:00:00.000Z',
  date: '2026-01-05',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com/',
  url: 'https://example.com/',
};

function minimalAt(
  schema: JsonSchema,
  components: SchemaArbitraryOptions['components'],
  depth: number,
): unknown {
  const s = resolveSchema(schema, components);
  if (depth > MAX_DEPTH * 2) throw new Error('schema nests too deep for a minimal value');
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const nonNull = alternatives.find((alt) => !typesOf(resolveSchema(alt, components)).includes('null'));
    return minimalAt(nonNull ?? (alternatives[0] as JsonSchema), components, depth + 1);
  }
  if (s.allOf) return minimalAt(mergeAllOf(s, components), components, depth + 1);
  const type = typesOf(s).find((t) => t !== 'null') ?? typesOf(s)[0];
  switch (type) {
    case undefined:
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'string': {
      const fixed = s.format ? MINIMAL_FORMATS[s.format] : undefined;
      return fixed ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
    }
    case 'integer':
      return Math.ceil(lowerBound(s, 1) ?? Math.min(1, upperBound(s, 1) ?? 1));
    case 'number':
      return lowerBound(s, 1) ?? Math.min(1, upperBound(s, 1) ?? 1);
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => minimalAt(s.items ?? {}, components, depth + 1));
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((name) => [
          name,
          minimalAt(s.properties?.[name] ?? {}, components, depth + 1),
        ]),
      );
    default:
      throw new Error(`schema type ${type} is not supported`);
  }
}

/**
 * A big string that prints as a short label in fast-check's reports (and in ours), while JSON,
 * `String()` and template literals see every character.
 */
export class BigText {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
  toJSON() {
    return this.text;
  }
  toString() {
    return this.text;
  }
  [fc.toStringMethod]() {
    return this.label;
  }
}

/** A value nested `depth` arrays deep around `inner`. */
export function nestedArrays(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const MB = 1024 * 1024;
const oneMegabyte = new BigText('a'.repeat(MB), '<1 MiB of "a">');
const twoHundredKilobytes = new BigText('あ'.repeat(Math.floor((200 * 1024) / 3)), '<200 KiB of "あ">');
const longLine = new BigText('x'.repeat(10_000), '<10,000 "x">');

/** Kinds of hostility; the harness runs one property per kind so one bug does not hide another. */
export const hostileKinds = ['control', 'text', 'numbers', 'types', 'bounds'] as const;
export type HostileKind = (typeof hostileKinds)[number];

const controlStrings = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0000'.repeat(16),
    '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u001b\u001f\u007f',
    '\r\n\r\n',
    '\ud800',
    '\udfff',
    'x\ud800y',
    '\udfff\ud800',
    '\u202e反転\u202c',
    '\u200b\u200c\u200d\ufeff',
    '\uffff\ufffe',
    '\u0085\u2028\u2029',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 8,
  }),
);

const textStrings = fc.constantFrom<string | BigText>(
  oneMegabyte,
  twoHundredKilobytes,
  longLine,
  '',
  ' ',
  "'; drop table customers; --",
  "' or '1'='1",
  '1; select pg_sleep(5); --',
  '$$; drop table customers; $$',
  '\\',
  "\\'",
  '%',
  '_%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}$\u{7b}7*7}',
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '0000-00-00',
  '99:99',
  '24:00',
  '-01:00',
  '12:00:00',
  '１２:００',
  'NaN',
  '1e400',
  '-0',
  '0x10',
  'null',
  'undefined',
  'true',
  '__proto__',
  'ｶﾌﾞｼｷｶﾞｲｼｬ',
  '😀👨‍👩‍👧‍👦',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  '%00',
  '%ED%A0%80',
  '%ZZ',
);

const numbers = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -0.5,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 63,
    366,
    601,
    7,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom('1', '-1', '1e400', 'NaN', ''),
);

/** `{"__proto__": …}` as JSON.parse builds it: an own property, not the prototype. */
const protoObject = JSON.parse('{"__proto__": {"polluted": true, "role": "admin"}}') as Record<
  string,
  unknown
>;

const wrongTypes = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    [],
    {},
    [null],
    [[[]]],
    { $ne: null },
    { $gt: '' },
    protoObject,
    { constructor: { prototype: { polluted: true } } },
    { tenantId: 't-elsewhere', id: 'x', createdBy: 'x', version: 1 },
    nestedArrays(1000),
    nestedArrays(1000, { a: 1 }),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Values a server must survive anywhere in a request, by kind: control characters (NUL, lone
 * surrogates, bidi overrides), hostile text (1 MiB and 200 KiB strings, SQL, HTML/script, CSV
 * formulas, impossible dates and times), odd numbers (negative, huge, NaN/Infinity, unsafe
 * integers; JSON turns NaN and Infinity into null), and wrong types (null, arrays, objects,
 * 1000-deep nesting, `__proto__`, mass-assignment keys such as tenantId).
 */
export const hostileValues: Readonly<Record<HostileKind, HostileSource>> = {
  control: controlStrings,
  text: textStrings,
  numbers,
  types: wrongTypes,
  bounds: boundaryViolations,
};

/**
 * Values just past what one schema node allows, or undefined when it bounds nothing: one
 * character over maxLength (and 100,000 over), one under minLength, one past the minimum and
 * maximum (and a fraction for an integer), one item over maxItems (and 7,000 items, the size
 * that once broke PostgreSQL's parameter limit), an object missing a required property, a
 * value outside an enum.
 *
 * @example
 * fc.sample(boundaryViolations({ type: 'string', maxLength: 3 }, {}), 1)  // ['xxxx']
 */
export function boundaryViolations(
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>> = {},
): fc.Arbitrary<unknown> | undefined {
  const out: unknown[] = [];
  const types = typesOf(schema);
  if (schema.enum) out.push(`${String(schema.enum[0])}-not-in-the-list`);
  if (types.includes('string') && !schema.enum) {
    if (schema.maxLength !== undefined)
      out.push(
        'x'.repeat(schema.maxLength + 1),
        new BigText('x'.repeat(schema.maxLength + 100_000), `<maxLength + 100,000 "x">`),
      );
    if (schema.minLength) out.push('x'.repeat(schema.minLength - 1));
  }
  if (types.includes('integer') || types.includes('number')) {
    const min = lowerBound(schema, types.includes('integer') ? 1 : 0);
    const max = upperBound(schema, types.includes('integer') ? 1 : 0);
    if (min !== undefined) out.push(min - 1, min - 0.001);
    if (max !== undefined) out.push(max + 1, max + 0.001);
    if (types.includes('integer')) out.push((min ?? max ?? 0) + 0.5);
  }
  if (types.includes('array')) {
    const item = minimalValue(schema.items ?? {}, { components });
    if (schema.maxItems !== undefined) out.push(Array.from({ length: schema.maxItems + 1 }, () => item));
    if (schema.minItems) out.push(Array.from({ length: schema.minItems - 1 }, () => item));
    out.push(Array.from({ length: 7000 }, () => item));
  }
  if (types.includes('object') && schema.required?.length) {
    const full = minimalValue(schema, { components }) as Record<string, unknown>;
    for (const name of schema.required) {
      const { [name]: _, ...missing } = full;
      out.push(missing);
    }
  }
  return out.length > 0 ? fc.constantFrom(...out) : undefined;
}
