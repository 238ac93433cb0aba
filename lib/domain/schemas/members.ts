/**
 * Inputs of organisation membership: invites, role changes and removals. Shared by the forms, the actions and
 * lib/data, which parses again so that no caller can skip the schema.
 */
import { z } from "zod";
import { ROLES } from "@/lib/auth/viewer";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, editor or reviewer." });

export const createInviteSchema = z.strictObject({ role: roleSchema });
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export const changeRoleSchema = z.strictObject({
  userId: z.uuid({ error: "Choose a member of the organisation." }),
  role: roleSchema,
  /** The role the admin saw on the page: a change made by someone else since then is a conflict, not overwritten. */
  expectedRole: roleSchema.optional(),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const removeMemberSchema = z.strictObject({
  userId: z.uuid({ error: "Choose a member of the organisation." }),
});
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const revokeInviteSchema = z.strictObject({
  inviteId: z.uuid({ error: "Choose an invite of the organisation." }),
});
export type RevokeInviteInput = z.infer<typeof revokeInviteSchema>;

/** 32 random bytes in base64url, without padding: 43 characters. */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const inviteTokenSchema = z.string().regex(INVITE_TOKEN_PATTERN, { error: "This invite link is not valid." });
