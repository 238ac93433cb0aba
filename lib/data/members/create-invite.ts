import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import { createInviteSchema, type CreateInviteInput } from "@/lib/domain/schemas/members";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { INVITE_LIFETIME_DAYS, hashInviteToken, invitePath, newInviteToken } from "./invites";
import { requireAdminActor } from "./last-admin";

export interface CreatedInvite {
  id: string;
  /** Shown once: only its hash is stored, so it cannot be shown again. */
  token: string;
  /** `/invite/<token>`: the page that accepts it. */
  path: string;
  role: CreateInviteInput["role"];
  expiresAt: Date;
}

/** An invite link to the organisation with a role, single use, expiring in 7 days. Admins only. */
export async function createInvite(viewer: Viewer, orgSlug: string, input: CreateInviteInput): Promise<CreatedInvite> {
  const parsed = parseInput(createInviteSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { role } = parsed.data;

  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-members");
    await requireAdminActor(tx, viewer, organisation.id);
    const token = newInviteToken();
    const expiresAt = new Date(Date.now() + INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
    const invite = await tx.invite.create({
      data: {
        organisationId: organisation.id,
        role,
        tokenHash: hashInviteToken(token),
        createdById: viewer.kind === "user" ? viewer.userId : null,
        expiresAt,
      },
      select: { id: true },
    });
    // Never the token, nor its hash: the audit log is read by every member.
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "invite.create",
      entityType: "invite",
      entityId: invite.id,
      after: { role, expiresAt: expiresAt.toISOString() },
    });
    return { id: invite.id, token, path: invitePath(token), role, expiresAt };
  });
}
