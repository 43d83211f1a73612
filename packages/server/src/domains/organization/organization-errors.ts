import { AppError, type LocalizedText } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';

export const organizationErrorCodes = [
  'team_not_found',
  'area_not_found',
  'person_not_found',
  'absence_not_found',
  'team_name_taken',
  'area_name_taken',
  'manager_not_allowed',
  'area_retired',
  'absence_overlaps',
] as const;
export type OrganizationErrorCode = (typeof organizationErrorCodes)[number];

const statusOf: Record<OrganizationErrorCode, 404 | 409 | 422> = {
  team_not_found: 404,
  area_not_found: 404,
  person_not_found: 404,
  absence_not_found: 404,
  team_name_taken: 422,
  area_name_taken: 422,
  manager_not_allowed: 422,
  area_retired: 409,
  absence_overlaps: 422,
};

/** The field a 422 names. */
const fieldOf: Partial<Record<OrganizationErrorCode, string>> = {
  team_name_taken: 'name',
  area_name_taken: 'name',
  manager_not_allowed: 'managerUserId',
  absence_overlaps: 'startDate',
};

function textOf(code: OrganizationErrorCode): LocalizedText {
  switch (code) {
    case 'team_not_found':
      return { ja: 'チームが見つかりません。', en: 'Team not found.' };
    case 'area_not_found':
      return { ja: 'エリアが見つかりません。', en: 'Area not found.' };
    case 'person_not_found':
      return { ja: 'メンバーが見つかりません。', en: 'Person not found.' };
    case 'absence_not_found':
      return { ja: '不在予定が見つかりません。', en: 'Absence not found.' };
    case 'team_name_taken':
      return { ja: '同じ名前のチームが既にあります。', en: 'A team with this name already exists.' };
    case 'area_name_taken':
      return { ja: '同じ名前のエリアが既にあります。', en: 'An area with this name already exists.' };
    case 'manager_not_allowed':
      return {
        ja: 'マネージャーには、この会社の有効なマネージャー（または管理者）を選んでください。',
        en: 'Choose an active manager (or admin) of this company as the manager.',
      };
    case 'area_retired':
      return {
        ja: '廃止したエリアには顧客を割り当てられません。先に再開してください。',
        en: 'A retired area takes no customers. Reinstate it first.',
      };
    case 'absence_overlaps':
      return {
        ja: 'この期間には既に不在予定があります。',
        en: 'An absence already covers part of these days.',
      };
  }
}

/** The organization domain's errors, each with its HTTP status and ja/en message. */
export function organizationError(code: OrganizationErrorCode): AppError {
  const text = textOf(code);
  const field = fieldOf[code];
  if (field) return validationFailed({ [field]: text });
  return new AppError(statusOf[code], code === 'area_retired' ? code : 'not_found', text);
}

/** Whether a database error (either driver, any depth of `cause`) violates this unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}

/** 409 `id_taken`: a client-made id already in use. */
export const idTaken = () => {
  const text = { ja: 'このIDはすでに使われています。', en: 'This id is already in use.' };
  return new AppError(409, 'id_taken', text, { id: text });
};
