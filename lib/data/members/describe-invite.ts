import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/auth/viewer";
import type { OrganisationSummary } from "../organisations";
import { hashInviteToken, inviteStateOf, isWellFormedInviteToken, type InviteState } from "./invites";

export type InviteDescription =
  | { state: "unknown" }
  | {
      state: Exclude<InviteState, "unknown">;
      organisation: OrganisationSummary;
      role: Role;
      expiresAt: Date;
    };

/**
 * What the invite page shows before anyone signs in. No viewer: holding the link is what allows it, and it tells no
 * more than the link's own organisation, role and state.
 */
export async function describeInvite(token: string, now: Date = new Date()): Promise<InviteDescription> {
  if (!isWellFormedInviteToken(token)) return { state: "unknown" };
  const db = await getDb();
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { slug: true, name: true } },
    },
  });
  if (invite === null) return { state: "unknown" };
  return {
    state: inviteStateOf(invite, now),
    organisation: invite.organisation,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
}
