/**
 * The organisation's history, read from the audit log: per record and per organisation, and "what changed since a
 * date" for a reviewer's briefing. Members only (reviewer and up), drafts included: the log is internal.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { isIsoDay } from "@/lib/domain/dates";
import { recordKey } from "@/lib/domain/schemas/comments";
import { describeEntities, type AuditEntity, type EntityRef } from "./audit-entities";
import { NotFoundError, ValidationError } from "./errors";
import { isUuid } from "./members/last-admin";
import { fromDay } from "./mappers";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEventView {
  /** The event's sequence number, as text (a bigint in the database); also the pagination cursor. */
  id: string;
  /** A user's email, or e.g. `cli:root`. */
  actor: string;
  action: string;
  /** The record acted on, with its title and place in the workspace when it still exists. */
  entity: AuditEntity;
  before: JsonValue | null;
  after: JsonValue | null;
  reason: string | null;
  createdAt: Date;
}

export const MAX_AUDIT_PAGE = 200;

export interface ListAuditEventsOptions {
  entityType?: string;
  entityId?: string;
  /** Events at or after this instant. */
  since?: Date;
  /** Page size, 1 to MAX_AUDIT_PAGE (default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page: events older than it. */
  cursor?: string | null;
}

export interface AuditEventPage {
  events: AuditEventView[];
  /** The record the page is filtered to (entityType and entityId both given), described like the events' ones. */
  subject: AuditEntity | null;
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const eventSelect = {
  id: true,
  actor: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  reason: true,
  createdAt: true,
} as const satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

type Organisation = Parameters<typeof describeEntities>[1];

/** The rows as views, their entities described in a bounded number of queries (audit-entities.ts). */
async function toViews(
  db: Parameters<typeof describeEntities>[0],
  organisation: Organisation,
  rows: readonly EventRow[],
  extra: readonly EntityRef[] = [],
): Promise<{ views: AuditEventView[]; describe: (entity: EntityRef) => AuditEntity }> {
  const refs = rows.map((row) => ({ type: row.entityType, id: row.entityId }));
  const describe = await describeEntities(db, organisation, [...refs, ...extra]);
  const views = rows.map((row): AuditEventView => ({
    id: row.id.toString(),
    actor: row.actor,
    action: row.action,
    entity: describe({ type: row.entityType, id: row.entityId }),
    // Prisma's JsonValue is this same JSON shape; null in the column and JSON null read alike for the history.
    before: (row.before ?? null) as JsonValue | null,
    after: (row.after ?? null) as JsonValue | null,
    reason: row.reason,
    createdAt: row.createdAt,
  }));
  return { views, describe };
}

/** Ids are positive integers; a cursor that is not one is a client's mistake. */
function parseCursor(cursor: string): bigint {
  if (!/^[1-9][0-9]{0,18}$/.test(cursor)) throw ValidationError.field("cursor", "Not a page of this history.");
  return BigInt(cursor);
}

/**
 * The ids of the comments on a commitment (its own, not its milestones') or on a milestone, for that record's history.
 * Comment events name the comment, not the record it is on (comments.ts records the record's keys in `after`, and keys
 * change when a milestone moves); the comments table knows the record by id, whatever happened to it since.
 */
async function commentIdsOn(
  db: Pick<Prisma.TransactionClient, "comment">,
  organisationId: string,
  record: EntityRef,
): Promise<string[]> {
  if (!isUuid(record.id)) return [];
  const on =
    record.type === "milestone"
      ? { milestoneId: record.id }
      : record.type === "commitment"
        ? { commitmentId: record.id, milestoneId: null }
        : null;
  if (on === null) return [];
  const rows = await db.comment.findMany({ where: { organisationId, ...on }, select: { id: true } });
  return rows.map((row) => row.id);
}

/**
 * The organisation's audit events, newest first, a page at a time (by id, so pages never skip or repeat). Filtered to
 * a commitment or a milestone, the page also holds the events of the comments on it.
 */
export async function listAuditEvents(
  viewer: Viewer,
  orgSlug: string,
  options: ListAuditEventsOptions = {},
): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), MAX_AUDIT_PAGE);
  const cursor = options.cursor ? parseCursor(options.cursor) : null;
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const ofEntity: Prisma.AuditEventWhereInput = {
    ...(options.entityType === undefined ? {} : { entityType: options.entityType }),
    ...(options.entityId === undefined ? {} : { entityId: options.entityId }),
  };
  const comments =
    options.entityType === undefined || options.entityId === undefined
      ? []
      : await commentIdsOn(db, organisation.id, { type: options.entityType, id: options.entityId });
  const rows = await db.auditEvent.findMany({
    where: {
      organisationId: organisation.id,
      ...(comments.length === 0 ? ofEntity : { OR: [ofEntity, { entityType: "comment", entityId: { in: comments } }] }),
      ...(options.since === undefined ? {} : { createdAt: { gte: options.since } }),
      ...(cursor === null ? {} : { id: { lt: cursor } }),
    },
    orderBy: { id: "desc" },
    // One more than asked: whether there is a next page, without a count.
    take: limit + 1,
    select: eventSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const subject =
    options.entityType === undefined || options.entityId === undefined
      ? null
      : { type: options.entityType, id: options.entityId };
  const { views, describe } = await toViews(db, organisation, page, subject === null ? [] : [subject]);
  return {
    events: views,
    subject: subject === null ? null : describe(subject),
    nextCursor: rows.length > limit && last !== undefined ? last.id.toString() : null,
  };
}

export const MAX_CHANGED_SINCE = 5_000;

/**
 * Everything that changed in the organisation from the start of `sinceDay` (YYYY-MM-DD, UTC), drafts included, oldest
 * first so that a briefing reads in order. At most MAX_CHANGED_SINCE events: `truncated` says when there were more
 * (the newest are the ones left out; ask again from a later day).
 */
export async function changedSince(
  viewer: Viewer,
  orgSlug: string,
  sinceDay: string,
): Promise<{ events: AuditEventView[]; truncated: boolean }> {
  if (!isIsoDay(sinceDay)) throw ValidationError.field("since", "Give a date as YYYY-MM-DD.");
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const rows = await db.auditEvent.findMany({
    where: { organisationId: organisation.id, createdAt: { gte: fromDay(sinceDay) } },
    orderBy: { id: "asc" },
    take: MAX_CHANGED_SINCE + 1,
    select: eventSelect,
  });
  const { views } = await toViews(db, organisation, rows.slice(0, MAX_CHANGED_SINCE));
  return { events: views, truncated: rows.length > MAX_CHANGED_SINCE };
}

/** The audit log's entity (type and database id) of each record on an agreement's page, keyed like recordKey. */
export interface RecordEntities {
  agreement: { type: "agreement"; id: string };
  /** `commitment` and `commitment/milestone` keys, as recordKey makes them. */
  records: Record<string, { type: "commitment" | "milestone"; id: string }>;
}

/**
 * Audit events name records by database id, pages by keys: this maps one to the other for an agreement, so that a
 * page can link each record to its history. Members only; NotFoundError for an agreement not in the organisation.
 */
export async function listRecordEntities(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<RecordEntities> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const agreement = await db.agreement.findUnique({
    where: { organisationId_slug: { organisationId: organisation.id, slug: agreementSlug } },
    select: {
      id: true,
      commitments: {
        where: { organisationId: organisation.id },
        select: {
          id: true,
          key: true,
          milestones: { where: { organisationId: organisation.id }, select: { id: true, key: true } },
        },
      },
    },
  });
  if (agreement === null) throw new NotFoundError(`There is no agreement "${agreementSlug}".`);
  const records: RecordEntities["records"] = {};
  for (const commitment of agreement.commitments) {
    records[recordKey(commitment.key)] = { type: "commitment", id: commitment.id };
    for (const milestone of commitment.milestones) {
      records[recordKey(commitment.key, milestone.key)] = { type: "milestone", id: milestone.id };
    }
  }
  return { agreement: { type: "agreement", id: agreement.id }, records };
}
