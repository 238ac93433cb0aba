import { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "../audit";
import { NotFoundError } from "../errors";
import type { OrganisationSummary } from "../organisations";
import { InviteError, hashInviteToken, inviteStateOf, isWellFormedInviteToken } from "./invites";

export interface AcceptedInvite {
  organisation: OrganisationSummary;
  role: Role;
}

/**
 * Makes the user a member of the invite's organisation with the invite's role. Throws InviteError (with its reason)
 * for an unknown, used, revoked or expired link, or when the user is a member already (the link then stays unused).
 *
 * Single use holds under concurrency: the invite is claimed by one UPDATE whose WHERE says "not accepted, not
 * revoked, not expired". PostgreSQL re-checks that WHERE on the latest row version after waiting for a concurrent
 * claim, so of two simultaneous accepts exactly one updates a row; the other sees 0 rows and is refused.
 */
export async function acceptInvite(userId: string, token: string, now: Date = new Date()): Promise<AcceptedInvite> {
  if (!isWellFormedInviteToken(token)) throw new InviteError("unknown");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (user === null) throw new NotFoundError("There is no such user.");
    return claimInvite(tx, user, token, now);
  });
}

export interface InvitedUser {
  id: string;
  email: string;
  name: string;
}

/**
 * acceptInvite's work inside a transaction the caller holds, for a sign-up through the link that creates the account
 * and its membership at once (so that a refused link leaves no account behind). Records the membership's audit event.
 */
export async function claimInvite(
  tx: Prisma.TransactionClient,
  user: InvitedUser,
  token: string,
  now: Date = new Date(),
): Promise<AcceptedInvite> {
  if (!isWellFormedInviteToken(token)) throw new InviteError("unknown");
  // By the token's hash alone: the link is what names the organisation.
  const invite = await tx.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      organisationId: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { slug: true, name: true } },
    },
  });
  if (invite === null) throw new InviteError("unknown");
  const state = inviteStateOf(invite, now);
  if (state !== "valid") throw new InviteError(state);

  const existing = await tx.membership.findUnique({
    where: { organisationId_userId: { organisationId: invite.organisationId, userId: user.id } },
    select: { id: true },
  });
  if (existing !== null) throw new InviteError("already-member");

  const claimed = await tx.invite.updateMany({
    where: {
      id: invite.id,
      organisationId: invite.organisationId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (claimed.count !== 1) {
    // Taken (or withdrawn) between the read above and the claim: say which.
    const latest = await tx.invite.findFirstOrThrow({
      where: { id: invite.id, organisationId: invite.organisationId },
      select: { expiresAt: true, acceptedAt: true, revokedAt: true },
    });
    const latestState = inviteStateOf(latest, now);
    throw new InviteError(latestState === "valid" ? "used" : latestState);
  }

  const membership = await tx.membership
    .create({
      data: { organisationId: invite.organisationId, userId: user.id, role: invite.role },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // The user joined through another link at the same moment: the unique (organisation, user) index decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new InviteError("already-member");
      }
      throw error;
    });
  const actor: Viewer = { kind: "user", userId: user.id, email: user.email, name: user.name, memberships: [] };
  await recordAudit(tx, actor, {
    organisationId: invite.organisationId,
    action: "membership.create",
    entityType: "membership",
    entityId: membership.id,
    after: { userId: user.id, email: user.email, role: invite.role, inviteId: invite.id },
    reason: "accepted an invite",
  });
  return { organisation: invite.organisation, role: invite.role };
}
