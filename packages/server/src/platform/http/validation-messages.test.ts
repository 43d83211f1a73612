import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeIssues } from './validation-messages.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return localizeIssues(result.error.issues);
};

describe('localizeIssues', () => {
  const customer = z.object({
    name: z.string().min(1).max(10),
    rank: z.enum(['A', 'B', 'C']),
    email: z.email(),
    cadenceDays: z.number().int().min(1).max(365),
    timeWindows: z.array(z.object({ start: z.string().regex(/^\d\d:\d\d$/) })),
  });

  it('keys messages by field path, in both languages', () => {
    const fields = issuesOf(customer, {
      name: '',
      rank: 'S',
      email: 'nope',
      cadenceDays: 400,
      timeWindows: [{ start: '9時' }],
    });
    expect(fields).toEqual({
      name: { ja: '必須項目です。', en: 'This field is required.' },
      rank: { ja: '次のいずれかを指定してください: A / B / C', en: 'Must be one of: A / B / C' },
      email: { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid e-mail address.' },
      cadenceDays: { ja: '365以下にしてください。', en: 'Must be at most 365.' },
      'timeWindows.0.start': { ja: '形式が正しくありません。', en: 'The format is not valid.' },
    });
  });

  it('says a missing field is required and counts characters for long strings', () => {
    expect(issuesOf(customer.pick({ name: true }), {}).name?.en).toBe('This field is required.');
    expect(issuesOf(customer.pick({ name: true }), { name: 'あ'.repeat(11) }).name).toEqual({
      ja: '10文字以内で入力してください。',
      en: 'Must be at most 10 characters.',
    });
  });

  it('uses the ja/en text a custom refinement carries', () => {
    const schema = z.object({ end: z.string() }).superRefine((_value, ctx) => {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'End must be after start.',
        params: { ja: '終了は開始より後にしてください。', en: 'End must be after start.' },
      });
    });
    expect(issuesOf(schema, { end: '09:00' }).end?.ja).toBe('終了は開始より後にしてください。');
  });

  it('tells a missing value from a number that is not one (limit=1e400 is not "required")', () => {
    const query = z.object({ limit: z.coerce.number().int().max(200), name: z.string() });
    expect(issuesOf(query, { limit: '1e400' })).toEqual({
      limit: { ja: '形式が正しくありません（number が必要です）。', en: 'Expected number.' },
      name: { ja: '必須項目です。', en: 'This field is required.' },
    });
  });
});
