/**
 * Each member's own watchlist of commitments and milestones in an organisation. Personal: a member sees and changes
 * only their own entries (every query has the user as well as the organisation in its where).
 */
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { recordTargetSchema, type RecordTarget } from "@/lib/domain/schemas/comments";
import { parseInput } from "@/lib/domain/schemas/parse";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";
import { resolveRecordTarget } from "./comments";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export interface WatchlistItem {
  agreement: { slug: string; title: string; published: boolean };
  commitment: { key: string; title: string };
  milestone: { key: string; title: string } | null;
  since: Date;
}

function parseTarget(input: RecordTarget): RecordTarget {
  const parsed = parseInput(recordTargetSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  return parsed.data;
}

/** Only a signed-in person has a watchlist (not the command line). */
function userIdOf(viewer: Viewer): string {
  if (viewer.kind !== "user") throw new ForbiddenError("Only a signed-in member has a watchlist.");
  return viewer.userId;
}

/** Adds a commitment or milestone to the viewer's watchlist; watching it already changes nothing. Reviewers and up. */
export async function watch(viewer: Viewer, orgSlug: string, input: RecordTarget): Promise<void> {
  const target = parseTarget(input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug);
    const userId = userIdOf(viewer);
    const resolved = await resolveRecordTarget(tx, organisation.id, target);
    const record =
      resolved.milestoneId === null
        ? { commitmentId: resolved.commitmentId, milestoneId: null }
        : { commitmentId: null, milestoneId: resolved.milestoneId };
    // INSERT … ON CONFLICT DO NOTHING against the unique indexes (user, commitment) and (user, milestone): of two
    // concurrent calls, the second waits for the first to commit and then inserts nothing, without an error that
    // would abort the transaction. No row back means it was watched already: nothing to record.
    const [entry] = await tx.watchlistEntry.createManyAndReturn({
      data: [{ organisationId: organisation.id, userId, ...record }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (entry === undefined) return;
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "watchlist.add",
      entityType: "watchlist-entry",
      entityId: entry.id,
      after: { ...target },
    });
  });
}

/** Takes a commitment or milestone off the viewer's watchlist; not watching it changes nothing. */
export async function unwatch(viewer: Viewer, orgSlug: string, input: RecordTarget): Promise<void> {
  const target = parseTarget(input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug);
    const userId = userIdOf(viewer);
    const resolved = await resolveRecordTarget(tx, organisation.id, target);
    const entries = await tx.watchlistEntry.findMany({
      where: {
        organisationId: organisation.id,
        userId,
        ...(resolved.milestoneId === null
          ? { commitmentId: resolved.commitmentId, milestoneId: null }
          : { milestoneId: resolved.milestoneId }),
      },
      select: { id: true },
    });
    const [first] = entries;
    if (first === undefined) return;
    await tx.watchlistEntry.deleteMany({
      where: { organisationId: organisation.id, userId, id: { in: entries.map((e) => e.id) } },
    });
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "watchlist.remove",
      entityType: "watchlist-entry",
      entityId: first.id,
      before: { ...target },
    });
  });
}

/** The viewer's watchlist in the organisation, in the order things were added. */
export async function listWatchlist(viewer: Viewer, orgSlug: string): Promise<WatchlistItem[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  if (viewer.kind !== "user") return [];
  const agreementSelect = { select: { slug: true, title: true, published: true } } as const;
  const rows = await db.watchlistEntry.findMany({
    where: { organisationId: organisation.id, userId: viewer.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      createdAt: true,
      commitment: { select: { key: true, title: true, agreement: agreementSelect } },
      milestone: {
        select: {
          key: true,
          title: true,
          commitment: { select: { key: true, title: true, agreement: agreementSelect } },
        },
      },
    },
  });
  return rows.flatMap((row): WatchlistItem[] => {
    if (row.milestone) {
      const { commitment } = row.milestone;
      return [
        {
          agreement: commitment.agreement,
          commitment: { key: commitment.key, title: commitment.title },
          milestone: { key: row.milestone.key, title: row.milestone.title },
          since: row.createdAt,
        },
      ];
    }
    if (row.commitment) {
      return [
        {
          agreement: row.commitment.agreement,
          commitment: { key: row.commitment.key, title: row.commitment.title },
          milestone: null,
          since: row.createdAt,
        },
      ];
    }
    return [];
  });
}
