import { getDb } from "@/lib/db/client";
import type { Role, Viewer } from "@/lib/auth/viewer";
import type { OrganisationSummary } from "../organisations";
import { getWorkspaceOrganisationOrThrow } from "../workspace";

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** When they joined the organisation. */
  since: Date;
}

/** The organisation's members by name. Any member (reviewer and up) may see who else is in it. */
export async function listMembers(viewer: Viewer, orgSlug: string): Promise<Member[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const rows = await db.membership.findMany({
    where: { organisationId: organisation.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((row) => ({
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: row.role,
      since: row.createdAt,
    }))
    .sort(byName);
}

/** Names as a reader sorts them (case and accents aside), the same on every database whatever its collation. */
const collator = new Intl.Collator("en", { sensitivity: "base" });
function byName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}

export interface OrganisationChoice extends OrganisationSummary {
  role: Role;
}

/**
 * The organisations the viewer can switch between, by name, read from the database rather than from the session's
 * copy so that a membership granted or removed since sign-in shows at once. The command line sees all of them.
 */
export async function listOrganisationsForViewer(viewer: Viewer): Promise<OrganisationChoice[]> {
  if (viewer.kind === "anonymous") return [];
  const db = await getDb();
  if (viewer.kind === "system") {
    const organisations = await db.organisation.findMany({ select: { slug: true, name: true } });
    return organisations.map((o): OrganisationChoice => ({ ...o, role: "ADMIN" })).sort(byName);
  }
  const memberships = await db.membership.findMany({
    where: { userId: viewer.userId },
    select: { role: true, organisation: { select: { slug: true, name: true } } },
  });
  return memberships.map((m) => ({ slug: m.organisation.slug, name: m.organisation.name, role: m.role })).sort(byName);
}
