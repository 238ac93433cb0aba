import type { PrismaClient } from "@/lib/db/client";

/** The tables a command, an import or a workspace action may write, by the key rowCounts gives each. */
const TABLES = {
  organisations: "organisations",
  agreements: "agreements",
  sources: "sources",
  commitments: "commitments",
  milestones: "milestones",
  statusUpdates: "status_updates",
  statusUpdateSources: "status_update_sources",
  deadlineChanges: "deadline_changes",
  deadlineChangeSources: "deadline_change_sources",
  evidenceLinks: "evidence_links",
  indicators: "indicators",
  observations: "observations",
  auditEvents: "audit_events",
  users: "users",
  memberships: "memberships",
  invites: "invites",
  comments: "comments",
  watchlistEntries: "watchlist_entries",
} as const;

/**
 * Row counts of every table an import, a command or a workspace action may write: "the database unchanged" in one
 * comparable value. One query, so that property tests can afford one per generated input.
 */
export async function rowCounts(prisma: PrismaClient): Promise<Record<keyof typeof TABLES, number>> {
  const columns = Object.entries(TABLES).map(([key, table]) => `(SELECT count(*) FROM "${table}") AS "${key}"`);
  const [row] = await prisma.$queryRawUnsafe<Array<Record<string, bigint | number>>>(`SELECT ${columns.join(", ")}`);
  if (row === undefined) throw new Error("no row of counts");
  return Object.fromEntries(Object.keys(TABLES).map((key) => [key, Number(row[key])])) as Record<
    keyof typeof TABLES,
    number
  >;
}
