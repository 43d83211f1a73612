import { z } from '@hono/zod-openapi';
import { kayoiRoles } from '../../platform/db/schema/index.ts';

export const PersonRole = z
  .enum(kayoiRoles)
  .openapi({ description: 'rep = 営業担当, manager = マネージャー, admin = 管理者' });
const Email = z.email().max(254).openapi({ example: 'tanaka@example.co.jp' });
const Password = z.string().min(8).max(128).openapi({ example: 'correct-horse-battery' });
const PersonName = z.string().trim().min(1).max(100).openapi({ example: '田中 一郎' });
const Token = z.string().min(1).max(200);

export const SignUpBody = z
  .object({
    companyName: z.string().trim().min(1).max(200).openapi({ example: '株式会社サンプル商事' }),
    adminName: PersonName,
    email: Email,
    password: Password,
  })
  .openapi('SignUpBody');

export const SignUpResult = z.object({ tenantId: z.string(), userId: z.string() }).openapi('SignUpResult');

export const SetupItemKey = z.enum([
  'companyProfile',
  'areas',
  'teams',
  'people',
  'workingProfiles',
  'products',
  'customers',
]);
export const SetupChecklist = z
  .object({
    items: z.array(z.object({ key: SetupItemKey, done: z.boolean() })),
    done: z.number().int(),
    total: z.number().int(),
  })
  .openapi('SetupChecklist');

export const Person = z
  .object({
    id: z.string().openapi({ description: 'The user id' }),
    name: z.string(),
    email: z.string(),
    role: PersonRole,
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    status: z.enum(['active', 'deactivated']),
    version: z.number().int(),
  })
  .openapi('Person');

export const PendingInvitation = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: PersonRole,
    teamId: z.string().nullable(),
    expiresAt: z.string(),
    /** The link no longer works; the admin can send it again (resend) or withdraw it. */
    expired: z.boolean(),
  })
  .openapi('PendingInvitation');

export const PeopleList = z
  .object({ items: z.array(Person), invitations: z.array(PendingInvitation) })
  .openapi('PeopleList');

export const PersonIdParam = z.object({ id: z.string().min(1).max(100) });
export const TokenParam = z.object({ token: Token });
export const InvitationIdParam = z.object({ id: z.string().min(1).max(100) });

export const InviteBody = z
  .object({
    email: Email,
    name: PersonName,
    role: PersonRole,
    teamId: z.string().min(1).max(100).nullable().optional(),
  })
  .openapi('InviteBody');

export const LinkResult = z.object({
  /** The one-time link, when no mail was sent (no SMTP_URL): the admin passes it on. */
  link: z.string().nullable(),
  mailed: z.boolean(),
});

export const InviteResult = LinkResult.extend({ invitation: PendingInvitation }).openapi('InviteResult');
export const PasswordResetLinkResult = LinkResult.extend({ expiresAt: z.string() }).openapi(
  'PasswordResetLinkResult',
);

export const InvitationView = z
  .object({
    companyName: z.string(),
    email: z.string(),
    name: z.string(),
    role: PersonRole,
    expiresAt: z.string(),
  })
  .openapi('InvitationView');

export const AcceptInvitationBody = z
  .object({ password: Password, name: PersonName.optional() })
  .openapi('AcceptInvitationBody');

export const UpdatePersonBody = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647).optional(),
    role: PersonRole.optional(),
    teamId: z.string().min(1).max(100).nullable().optional(),
  })
  .openapi('UpdatePersonBody');

export const ResetPasswordBody = z.object({ password: Password }).openapi('ResetPasswordBody');

export const UpdateMeBody = z
  .object({ name: PersonName.optional(), language: z.enum(['ja', 'en']).optional() })
  .openapi('UpdateMeBody');

export const ChangePasswordBody = z
  .object({ current: z.string().min(1).max(128), next: Password })
  .openapi('ChangePasswordBody');

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');

export type PersonView = z.infer<typeof Person>;
export type PeopleListView = z.infer<typeof PeopleList>;
export type PendingInvitationView = z.infer<typeof PendingInvitation>;
export type InviteInput = z.infer<typeof InviteBody>;
export type InviteResultView = z.infer<typeof InviteResult>;
export type InvitationViewType = z.infer<typeof InvitationView>;
export type SetupChecklistView = z.infer<typeof SetupChecklist>;
export type SetupItemKeyType = z.infer<typeof SetupItemKey>;
export type UpdatePersonInput = z.infer<typeof UpdatePersonBody>;
export type SignUpInput = z.infer<typeof SignUpBody>;
export type PasswordResetLinkView = z.infer<typeof PasswordResetLinkResult>;
