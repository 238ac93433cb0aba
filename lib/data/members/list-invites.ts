import { getDb } from "@/lib/db/client";
import type { Role, Viewer } from "@/lib/auth/viewer";
import { getWorkspaceOrganisationOrThrow } from "../workspace";
import { inviteStateOf, type InviteState } from "./invites";

export interface InviteSummary {
  id: string;
  role: Role;
  state: Exclude<InviteState, "unknown">;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** The organisation's invites, newest first, for admins to see and withdraw. The links themselves are not kept. */
export async function listInvites(viewer: Viewer, orgSlug: string, now: Date = new Date()): Promise<InviteSummary[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:manage-members");
  const rows = await db.invite.findMany({
    where: { organisationId: organisation.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    state: inviteStateOf(row, now),
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  }));
}
