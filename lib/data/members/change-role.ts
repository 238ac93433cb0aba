import { getDb } from "@/lib/db/client";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import { changeRoleSchema } from "@/lib/domain/schemas/members";
import { recordAudit } from "../audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { assertNotLastAdmin, lockOrganisationMembership, requireAdminActor } from "./last-admin";
import type { Member } from "./list-members";

/**
 * Gives a member another role. Admins only. With `expectedRole` (the role the admin's page showed), a role changed by
 * someone else in the meantime is a ConflictError rather than overwritten. The last admin cannot be demoted.
 */
export async function changeRole(
  viewer: Viewer,
  orgSlug: string,
  memberUserId: string,
  role: Role,
  expectedRole?: Role,
): Promise<Member> {
  const parsed = parseInput(changeRoleSchema, { userId: memberUserId, role, expectedRole });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const input = parsed.data;

  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-members");
    await lockOrganisationMembership(tx, organisation.id);
    await requireAdminActor(tx, viewer, organisation.id);
    const membership = await tx.membership.findUnique({
      where: { organisationId_userId: { organisationId: organisation.id, userId: input.userId } },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (membership === null) throw new NotFoundError("There is no such member in this organisation.");
    if (input.expectedRole !== undefined && membership.role !== input.expectedRole) {
      throw new ConflictError(
        `${membership.user.name}'s role was changed to ${membership.role.toLowerCase()} by someone else since this ` +
          "page was loaded; nothing was changed. Reload to see it.",
      );
    }
    const member: Member = {
      userId: membership.user.id,
      name: membership.user.name,
      email: membership.user.email,
      role: input.role,
      since: membership.createdAt,
    };
    if (membership.role === input.role) return member;
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, organisation.id, "demoted");

    await tx.membership.update({
      where: { id: membership.id, organisationId: organisation.id },
      data: { role: input.role },
    });
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "membership.role.change",
      entityType: "membership",
      entityId: membership.id,
      before: { userId: member.userId, email: member.email, role: membership.role },
      after: { userId: member.userId, email: member.email, role: input.role },
    });
    return member;
  });
}
