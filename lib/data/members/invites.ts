/**
 * What every invite operation shares: the token, its hash, the invite's state, and the error for an unusable one.
 *
 * The link carries 32 random bytes (base64url); only their sha256 (hex) is stored, so a copy of the database does not
 * hold usable links. sha256 without a salt is enough here: the token is random and long, nothing to brute-force.
 */
import { createHash, randomBytes } from "node:crypto";
import { INVITE_TOKEN_PATTERN } from "@/lib/domain/schemas/members";

export const INVITE_LIFETIME_DAYS = 7;

export type InviteState = "valid" | "expired" | "used" | "revoked" | "unknown";

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` can be an invite token at all: anything else is "unknown" without asking the database. */
export function isWellFormedInviteToken(token: string): boolean {
  return INVITE_TOKEN_PATTERN.test(token);
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}

interface InviteTimes {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Used and revoked win over expired: they say more about what happened to the link. */
export function inviteStateOf(invite: InviteTimes, now: Date): Exclude<InviteState, "unknown"> {
  if (invite.acceptedAt !== null) return "used";
  if (invite.revokedAt !== null) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export type InviteErrorReason = Exclude<InviteState, "valid"> | "already-member";

const MESSAGES: Record<InviteErrorReason, string> = {
  unknown: "This invite link is not valid. Ask an admin of the organisation for a new one.",
  expired: "This invite link has expired. Ask an admin of the organisation for a new one.",
  used: "This invite link has been used already: each link works once. Ask an admin for a new one.",
  revoked: "This invite link has been withdrawn by an admin of the organisation.",
  "already-member": "You are a member of this organisation already; the invite link is still unused.",
};

/** An invite that cannot be accepted, with why: the invite page shows the message as it is. */
export class InviteError extends Error {
  override readonly name = "InviteError";
  constructor(readonly reason: InviteErrorReason) {
    super(MESSAGES[reason]);
  }
}
