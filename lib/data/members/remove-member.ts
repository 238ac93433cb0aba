import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import { removeMemberSchema } from "@/lib/domain/schemas/members";
import { recordAudit } from "../audit";
import { NotFoundError, ValidationError } from "../errors";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { assertNotLastAdmin, lockOrganisationMembership, requireAdminActor } from "./last-admin";

/**
 * Removes a member from the organisation, with their watchlist there (it would only point at records they can no
 * longer see). Their comments and the history keep their name. Admins only; the last admin cannot be removed.
 * ValidationError (on `userId`) for an id that is not a user id at all.
 */
export async function removeMember(viewer: Viewer, orgSlug: string, memberUserId: string): Promise<void> {
  const parsed = parseInput(removeMemberSchema, { userId: memberUserId });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { userId } = parsed.data;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-members");
    await lockOrganisationMembership(tx, organisation.id);
    await requireAdminActor(tx, viewer, organisation.id);
    const membership = await tx.membership.findUnique({
      where: { organisationId_userId: { organisationId: organisation.id, userId } },
      select: { id: true, role: true, user: { select: { id: true, email: true } } },
    });
    if (membership === null) throw new NotFoundError("There is no such member in this organisation.");
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, organisation.id, "removed");

    await tx.watchlistEntry.deleteMany({ where: { organisationId: organisation.id, userId } });
    await tx.membership.delete({ where: { id: membership.id, organisationId: organisation.id } });
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "membership.remove",
      entityType: "membership",
      entityId: membership.id,
      before: { userId: membership.user.id, email: membership.user.email, role: membership.role },
    });
  });
}
