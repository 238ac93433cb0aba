import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import { revokeInviteSchema } from "@/lib/domain/schemas/members";
import { recordAudit } from "../audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { inviteStateOf } from "./invites";
import { requireAdminActor } from "./last-admin";

/**
 * Withdraws an unused invite, so that its link stops working. Admins only; a used or withdrawn one is a conflict.
 * ValidationError (on `inviteId`) for an id that is not an invite id at all.
 */
export async function revokeInvite(viewer: Viewer, orgSlug: string, id: string): Promise<void> {
  const parsed = parseInput(revokeInviteSchema, { inviteId: id });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { inviteId } = parsed.data;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-members");
    await requireAdminActor(tx, viewer, organisation.id);
    const notFound = new NotFoundError("There is no such invite in this organisation.");
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
