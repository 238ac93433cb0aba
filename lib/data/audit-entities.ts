/**
 * What an audit event's entity is, in words a reader knows: the record's title ("a comment on <milestone>", a
 * member's email…) and where it is in the workspace. The log names records by database id; history.ts asks here for
 * a whole page of events at once.
 *
 * Bounded: one query per entity type present (plus Prisma's one per nested relation), never one per event, and every
 * query has the organisation in its `where`. Internal to lib/data: the caller has checked the viewer may read the
 * organisation's history.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isUuid } from "./members/last-admin";

type Reader = Pick<
  Prisma.TransactionClient,
  | "agreement"
  | "commitment"
  | "milestone"
  | "indicator"
  | "source"
  | "evidenceLink"
  | "comment"
  | "watchlistEntry"
  | "membership"
  | "invite"
  | "webhookEndpoint"
  | "webhookDelivery"
  | "user"
>;

/** Where a record is shown in the workspace (components turn this into a link). */
export type RecordPlace =
  | { readonly kind: "organisation" }
  | { readonly kind: "members" }
  | { readonly kind: "agreement"; readonly agreement: string }
  | { readonly kind: "commitment"; readonly agreement: string; readonly commitment: string }
  | { readonly kind: "milestone"; readonly agreement: string; readonly commitment: string; readonly milestone: string };

export interface AuditEntity {
  /** As recorded: `milestone`, `comment`, `membership`… */
  readonly type: string;
  /** The record's database id, as recorded. */
  readonly id: string;
  /** What a reader calls it; null when the record has been deleted since (the page then shows the id). */
  readonly title: string | null;
  /** Where it is in the workspace; null when it has no place of its own there, or was deleted. */
  readonly place: RecordPlace | null;
}

export interface EntityRef {
  readonly type: string;
  readonly id: string;
}

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
}

interface Described {
  readonly title: string;
  readonly place: RecordPlace | null;
}

const agreementSlug = { select: { slug: true } } as const;
const commitmentPlace = { select: { key: true, title: true, agreement: agreementSlug } } as const;
const milestonePlace = {
  select: { key: true, title: true, commitment: { select: { key: true, agreement: agreementSlug } } },
} as const;

interface CommitmentRow {
  key: string;
  title: string;
  agreement: { slug: string };
}

interface MilestoneRow {
  key: string;
  title: string;
  commitment: { key: string; agreement: { slug: string } };
}

function atCommitment(row: CommitmentRow): RecordPlace {
  return { kind: "commitment", agreement: row.agreement.slug, commitment: row.key };
}

function atMilestone(row: MilestoneRow): RecordPlace {
  return {
    kind: "milestone",
    agreement: row.commitment.agreement.slug,
    commitment: row.commitment.key,
    milestone: row.key,
  };
}

/** A comment or a watchlist entry hangs on a commitment or on a milestone: its title and place. */
function onRecord(
  prefix: string,
  row: { commitment: CommitmentRow | null; milestone: MilestoneRow | null },
): Described | null {
  if (row.milestone) return { title: `${prefix} ${row.milestone.title}`, place: atMilestone(row.milestone) };
  if (row.commitment) return { title: `${prefix} ${row.commitment.title}`, place: atCommitment(row.commitment) };
  return null;
}

type Describer = (db: Reader, organisationId: string, ids: string[]) => Promise<Map<string, Described>>;

function byId<T extends { id: string }>(rows: T[], describe: (row: T) => Described | null): Map<string, Described> {
  const described = new Map<string, Described>();
  for (const row of rows) {
    const result = describe(row);
    if (result !== null) described.set(row.id, result);
  }
  return described;
}

/** One describer per entity type the workspace records (lib/data's recordAudit calls). */
const DESCRIBERS: Record<string, Describer> = {
  agreement: async (db, organisationId, ids) =>
    byId(
      await db.agreement.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, slug: true, title: true },
      }),
      (row) => ({ title: row.title, place: { kind: "agreement", agreement: row.slug } }),
    ),
  commitment: async (db, organisationId, ids) =>
    byId(
      await db.commitment.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, ...commitmentPlace.select },
      }),
      (row) => ({ title: row.title, place: atCommitment(row) }),
    ),
  milestone: async (db, organisationId, ids) =>
    byId(
      await db.milestone.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, ...milestonePlace.select },
      }),
      (row) => ({ title: row.title, place: atMilestone(row) }),
    ),
  // An indicator is shown with its commitment.
  indicator: async (db, organisationId, ids) =>
    byId(
      await db.indicator.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, title: true, commitment: commitmentPlace },
      }),
      (row) => ({ title: row.title, place: atCommitment(row.commitment) }),
    ),
  // Sources have no page of their own in the workspace.
  source: async (db, organisationId, ids) =>
    byId(
      await db.source.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, title: true, outlet: true },
      }),
      (row) => ({ title: `${row.title} (${row.outlet})`, place: null }),
    ),
  evidence: async (db, organisationId, ids) =>
    byId(
      await db.evidenceLink.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, source: { select: { title: true } }, milestone: milestonePlace },
      }),
      (row) => ({
        title: `evidence on ${row.milestone.title} from ${row.source.title}`,
        place: atMilestone(row.milestone),
      }),
    ),
  comment: async (db, organisationId, ids) =>
    byId(
      await db.comment.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, commitment: commitmentPlace, milestone: milestonePlace },
      }),
      (row) => onRecord("a comment on", row),
    ),
  "watchlist-entry": async (db, organisationId, ids) =>
    byId(
      await db.watchlistEntry.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, commitment: commitmentPlace, milestone: milestonePlace },
      }),
      (row) => onRecord("watching", row),
    ),
  membership: async (db, organisationId, ids) =>
    byId(
      await db.membership.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, user: { select: { email: true } } },
      }),
      (row) => ({ title: row.user.email, place: { kind: "members" } }),
    ),
  invite: async (db, organisationId, ids) =>
    byId(
      await db.invite.findMany({ where: { organisationId, id: { in: ids } }, select: { id: true, role: true } }),
      (row) => ({ title: `an invite as ${row.role.toLowerCase()}`, place: { kind: "members" } }),
    ),
  // The scheduled work's records (lib/data/webhooks.ts, deliveries.ts, notifications.ts): named, not linked.
  "webhook-endpoint": async (db, organisationId, ids) =>
    byId(
      await db.webhookEndpoint.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, url: true },
      }),
      (row) => ({ title: row.url, place: null }),
    ),
  "webhook-delivery": async (db, organisationId, ids) =>
    byId(
      await db.webhookDelivery.findMany({
        where: { organisationId, id: { in: ids } },
        select: { id: true, endpoint: { select: { url: true } } },
      }),
      (row) => ({ title: `a delivery to ${row.endpoint.url}`, place: null }),
    ),
  user: async (db, organisationId, ids) =>
    byId(
      await db.user.findMany({
        where: { id: { in: ids }, memberships: { some: { organisationId } } },
        select: { id: true, email: true },
      }),
      (row) => ({ title: row.email, place: { kind: "members" } }),
    ),
};

function keyOf(entity: EntityRef): string {
  return `${entity.type}\u0000${entity.id}`;
}

/**
 * Describes the entities of the organisation's audit events; returns a lookup by (type, id). A record deleted since,
 * or an entity of a kind the workspace does not describe, comes back with a null title.
 */
export async function describeEntities(
  db: Reader,
  organisation: OrganisationRef,
  entities: readonly EntityRef[],
): Promise<(entity: EntityRef) => AuditEntity> {
  const idsByType = new Map<string, Set<string>>();
  for (const { type, id } of entities) {
    // Ids are uuid columns: anything else cannot name a record, and PostgreSQL would refuse the query.
    if (!Object.hasOwn(DESCRIBERS, type) || !isUuid(id)) continue;
    let ids = idsByType.get(type);
    if (ids === undefined) idsByType.set(type, (ids = new Set()));
    ids.add(id);
  }
  const found = new Map<string, Described>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const describe = DESCRIBERS[type];
      if (describe === undefined) return;
      for (const [id, described] of await describe(db, organisation.id, [...ids])) {
        found.set(keyOf({ type, id }), described);
      }
    }),
  );
  return (entity) => {
    // The organisation itself (an import, its creation): no query needed.
    if (entity.type === "organisation" && entity.id === organisation.id) {
      return { ...entity, title: organisation.name, place: { kind: "organisation" } };
    }
    const described = found.get(keyOf(entity));
    return { type: entity.type, id: entity.id, title: described?.title ?? null, place: described?.place ?? null };
  };
}
