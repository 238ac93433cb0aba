import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { inviteStateOf } from "./invites";
import { isUuid, requireAdminActor } from "./last-admin";

/** Withdraws an unused invite, so that its link stops working. Admins only; a used or withdrawn one is a conflict. */
export async function revokeInvite(viewer: Viewer, orgSlug: string, inviteId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-members");
    await requireAdminActor(tx, viewer, organisation.id);
    const notFound = new NotFoundError("There is no such invite in this organisation.");
    if (!isUuid(inviteId)) throw notFound;
    const now = new Date();
    // One conditional UPDATE, so a revoke racing an accept cannot both succeed.
    const revoked = await tx.invite.updateMany({
      where: { id: inviteId, organisationId: organisation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) {
      const invite = await tx.invite.findFirst({
        where: { id: inviteId, organisationId: organisation.id },
        select: { acceptedAt: true, revokedAt: true, expiresAt: true },
      });
      if (invite === null) throw notFound;
      throw new ConflictError(
        inviteStateOf(invite, now) === "used"
          ? "This invite has been used already; remove the member instead."
          : "This invite has been withdrawn already.",
      );
    }
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "invite.revoke",
      entityType: "invite",
      entityId: inviteId,
      after: { revokedAt: now.toISOString() },
    });
  });
}
