/**
 * The rules that keep an organisation manageable: the acting admin is still an admin, and the last admin can be
 * neither removed nor demoted.
 *
 * Why a row lock: "count the admins, then demote one" is a read followed by a write. Under READ COMMITTED two
 * transactions demoting the two last admins of an organisation would each count 2 and both commit, leaving none.
 * So every transaction that can take away an admin first locks the organisation's row
 * (lockOrganisationMembership). The second one waits for the first to commit, and because READ COMMITTED takes a new
 * snapshot for each statement, its count then sees the first one's change and refuses. `FOR NO KEY UPDATE` rather
 * than `FOR UPDATE`: it still excludes the other membership changes (it conflicts with itself) but not the
 * `FOR KEY SHARE` locks that inserts of rows referencing the organisation take, so comments and edits are not held
 * up. SERIALIZABLE would also work, at the price of retrying on serialization failures everywhere.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "../errors";

type Tx = Prisma.TransactionClient;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: anything else cannot match, and PostgreSQL would refuse the query rather than find nothing. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}

/** Serialises membership changes within one organisation until the end of the transaction. */
export async function lockOrganisationMembership(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM organisations WHERE id = ${organisationId}::uuid FOR NO KEY UPDATE`;
}

/**
 * The viewer's memberships were read when the request began; an admin demoted since then must not keep managing
 * members for the rest of the request. So the acting user's role is read again inside the transaction (after the
 * lock, where there is one). The command line (system viewer) is not a member and keeps full access.
 */
export async function requireAdminActor(tx: Tx, viewer: Viewer, organisationId: string): Promise<void> {
  if (viewer.kind === "system") return;
  if (viewer.kind !== "user") throw new ForbiddenError("Not allowed: organisation:manage-members");
  const membership = await tx.membership.findUnique({
    where: { organisationId_userId: { organisationId, userId: viewer.userId } },
    select: { role: true },
  });
  if (membership?.role !== "ADMIN") throw new ForbiddenError("Not allowed: organisation:manage-members");
}

/** Throws ConflictError when taking this admin away would leave the organisation with none. Call after the lock. */
export async function assertNotLastAdmin(tx: Tx, organisationId: string, what: "removed" | "demoted"): Promise<void> {
  const admins = await tx.membership.count({ where: { organisationId, role: "ADMIN" } });
  if (admins <= 1) {
    throw new ConflictError(`The last admin of an organisation cannot be ${what}: make another member an admin first.`);
  }
}
