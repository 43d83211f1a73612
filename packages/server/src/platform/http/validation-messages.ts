import type { z } from 'zod';
import type { LocalizedText } from '../errors.ts';

type Issue = z.core.$ZodIssue;

const sizeUnit = (origin: unknown): LocalizedText => {
  switch (origin) {
    case 'string':
      return { ja: '文字', en: ' characters' };
    case 'array':
    case 'set':
      return { ja: '件', en: ' items' };
    default:
      return { ja: '', en: '' };
  }
};

/**
 * A zod issue as a message in both UI languages. Custom refinements can carry their own
 * text: `ctx.addIssue({ code: 'custom', message: 'en text', params: { ja: '…', en: '…' } })`.
 *
 * @example
 * localizeIssue({ code: 'too_small', origin: 'string', minimum: 1, ... }) // { ja: '1文字以上で入力してください。', ... }
 */
export function localizeIssue(issue: Issue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of its issues: a missing value says "received undefined";
      // NaN and Infinity come with `received` (e.g. limit=1e400) and are not missing.
      if (
        issue.input === undefined &&
        !('received' in issue) &&
        (typeof issue.message !== 'string' || issue.message.endsWith('received undefined'))
      )
        return { ja: '必須項目です。', en: 'This field is required.' };
      return {
        ja: `形式が正しくありません（${issue.expected} が必要です）。`,
        en: `Expected ${issue.expected}.`,
      };
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      const min = Number(issue.minimum);
      if ((issue.origin === 'string' || issue.origin === 'array') && min === 1 && issue.inclusive !== false) {
        return { ja: '必須項目です。', en: 'This field is required.' };
      }
      return issue.inclusive === false
        ? { ja: `${min}${unit.ja}より大きい値にしてください。`, en: `Must be greater than ${min}${unit.en}.` }
        : unit.ja
          ? { ja: `${min}${unit.ja}以上で入力してください。`, en: `Must be at least ${min}${unit.en}.` }
          : { ja: `${min}以上にしてください。`, en: `Must be at least ${min}.` };
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      const max = Number(issue.maximum);
      return issue.inclusive === false
        ? { ja: `${max}${unit.ja}未満にしてください。`, en: `Must be less than ${max}${unit.en}.` }
        : unit.ja
          ? { ja: `${max}${unit.ja}以内で入力してください。`, en: `Must be at most ${max}${unit.en}.` }
          : { ja: `${max}以下にしてください。`, en: `Must be at most ${max}.` };
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid e-mail address.' };
        case 'url':
          return { ja: 'URLの形式が正しくありません。', en: 'Enter a valid URL.' };
        case 'datetime':
        case 'date':
          return { ja: '日付の形式が正しくありません。', en: 'Enter a valid date.' };
        default:
          return { ja: '形式が正しくありません。', en: 'The format is not valid.' };
      }
    case 'not_multiple_of':
      return { ja: `${issue.divisor}の倍数にしてください。`, en: `Must be a multiple of ${issue.divisor}.` };
    case 'unrecognized_keys':
      return {
        ja: `不明な項目があります: ${issue.keys.join(', ')}`,
        en: `Unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'invalid_value': {
      const options = issue.values.map(String).join(' / ');
      return { ja: `次のいずれかを指定してください: ${options}`, en: `Must be one of: ${options}` };
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { ja: '値が正しくありません。', en: 'The value is not valid.' };
    case 'custom': {
      const params = issue.params as Partial<LocalizedText> | undefined;
      if (params?.ja && params.en) return { ja: params.ja, en: params.en };
      return {
        ja: issue.message || '値が正しくありません。',
        en: issue.message || 'The value is not valid.',
      };
    }
    default:
      return { ja: '値が正しくありません。', en: 'The value is not valid.' };
  }
}

/** Field path → message, the first issue per field winning ('' path becomes '_'). */
export function localizeIssues(issues: readonly Issue[]): Record<string, LocalizedText> {
  const fields: Record<string, LocalizedText> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= localizeIssue(issue);
  }
  return fields;
}
