import { createHash, randomBytes } from 'node:crypto';

/** Invitations are valid for 7 days, password resets for 1 hour. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** A one-time token for a link (256 random bits, URL-safe). Only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');

/** SHA-256 (hex) of a token: what the database keeps and looks up by. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The identifier of a password-reset token in better-auth's `verification` table. */
export const resetIdentifier = (token: string) => `kayoi-password-reset:${hashToken(token)}`;

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invite/${token}`;
export const passwordResetLink = (publicUrl: string, token: string) => `${publicUrl}/reset-password/${token}`;
