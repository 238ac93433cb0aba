/**
 * A member's notifications: the health transitions of the records they watch (made by the daily evaluation,
 * lib/data/health-evaluation.ts), on /w/{org}/notifications. Personal: a member reads and marks only their own (every
 * query has the user as well as the organisation in its where); the command line has none.
 */
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/domain/locale";
import { parseInput } from "@/lib/domain/schemas/parse";
import {
  emailLanguageSchema,
  markNotificationsReadSchema,
  type MarkNotificationsReadInput,
} from "@/lib/domain/schemas/webhooks";
import type { TransitionText } from "@/lib/domain/transitions";
import type { Flag, Health } from "@/lib/domain/types";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";
import { toDay } from "./mappers";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export const NOTIFICATIONS_PAGE_SIZE = 100;

/** A recorded transition as notifications, emails and webhooks show it. */
export interface TransitionView {
  readonly id: string;
  /** `YYYY-MM-DD`: the day it took effect. */
  readonly day: string;
  readonly agreement: { readonly slug: string; readonly title: string; readonly published: boolean };
  readonly commitment: { readonly key: string; readonly title: string };
  readonly milestone: { readonly key: string; readonly title: string } | null;
  readonly from: Health | null;
  readonly health: Health;
  readonly flags: ReadonlyArray<{ readonly flag: Flag; readonly since: string }>;
  readonly texts: Readonly<Record<Locale, TransitionText>>;
  readonly changeId: string;
}

export interface NotificationView extends TransitionView {
  readonly notificationId: string;
  readonly readAt: Date | null;
  readonly createdAt: Date;
}

/** What a query selects of a transition for TransitionView. */
export const transitionSelect = {
  id: true,
  day: true,
  fromHealth: true,
  health: true,
  flags: true,
  texts: true,
  changeId: true,
  agreement: { select: { slug: true, title: true, published: true } },
  commitment: { select: { key: true, title: true } },
  milestone: { select: { key: true, title: true } },
} as const;

interface TransitionRow {
  id: string;
  day: Date;
  fromHealth: Health | null;
  health: Health;
  flags: unknown;
  texts: unknown;
  changeId: string;
  agreement: { slug: string; title: string; published: boolean };
  commitment: { key: string; title: string };
  milestone: { key: string; title: string } | null;
}

export function toTransitionView(row: TransitionRow): TransitionView {
  return {
    id: row.id,
    day: toDay(row.day),
    agreement: row.agreement,
    commitment: row.commitment,
    milestone: row.milestone,
    from: row.fromHealth,
    health: row.health,
    // Written by the evaluation from lib/domain/transitions.ts: these shapes.
    flags: row.flags as TransitionView["flags"],
    texts: row.texts as TransitionView["texts"],
    changeId: row.changeId,
  };
}

/** Only a signed-in person has notifications (not the command line). */
function userIdOf(viewer: Viewer): string {
  if (viewer.kind !== "user") throw new ForbiddenError("Only a signed-in member has notifications.");
  return viewer.userId;
}

/** The viewer's notifications in the organisation, newest first (at most NOTIFICATIONS_PAGE_SIZE). Members only. */
export async function listNotifications(viewer: Viewer, orgSlug: string): Promise<NotificationView[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  if (viewer.kind !== "user") return [];
  const rows = await db.notification.findMany({
    where: { organisationId: organisation.id, userId: viewer.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, readAt: true, createdAt: true, transition: { select: transitionSelect } },
  });
  // Within one evaluation (one createdAt), the older transition first, as the changelog reads.
  return rows
    .map((row) => ({
      ...toTransitionView(row.transition),
      notificationId: row.id,
      readAt: row.readAt,
      createdAt: row.createdAt,
    }))
    .sort((a, b) =>
      a.createdAt.getTime() !== b.createdAt.getTime()
        ? b.createdAt.getTime() - a.createdAt.getTime()
        : b.day < a.day
          ? -1
          : b.day > a.day
            ? 1
            : 0,
    );
}

/** How many of the viewer's notifications in the organisation are unread. Members only; 0 for the command line. */
export async function countUnreadNotifications(viewer: Viewer, orgSlug: string): Promise<number> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  if (viewer.kind !== "user") return 0;
  return db.notification.count({ where: { organisationId: organisation.id, userId: viewer.userId, readAt: null } });
}

/**
 * Marks some of the viewer's notifications (`ids`), or all of them (`all`), as read; those read already, and ids
 * that are not the viewer's, are left alone. Returns how many it marked.
 */
export async function markNotificationsRead(
  viewer: Viewer,
  orgSlug: string,
  input: MarkNotificationsReadInput,
): Promise<number> {
  const parsed = parseInput(markNotificationsReadSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug);
    const userId = userIdOf(viewer);
    const where = {
      organisationId: organisation.id,
      userId,
      readAt: null,
      ...("ids" in parsed.data ? { id: { in: parsed.data.ids } } : {}),
    };
    const { count } = await tx.notification.updateMany({ where, data: { readAt: new Date() } });
    if (count === 0) return 0;
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "notification.read",
      entityType: "user",
      entityId: userId,
      after: { count, ...("ids" in parsed.data ? { ids: parsed.data.ids } : { all: true }) },
    });
    return count;
  });
}

/** The viewer's language for the emails Accordwatch sends them; null: English. Signed-in people only. */
export async function getEmailLanguage(viewer: Viewer): Promise<Locale | null> {
  const userId = userIdOf(viewer);
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return row?.locale === "en" || row?.locale === "fr" ? row.locale : null;
}

/** Sets the viewer's own language for the emails Accordwatch sends them. Signed-in people only. */
export async function setEmailLanguage(viewer: Viewer, input: { locale: Locale }): Promise<void> {
  const parsed = parseInput(emailLanguageSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const userId = userIdOf(viewer);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
    if (before === null) throw new ForbiddenError("Only a signed-in member has notifications.");
    if (before.locale === parsed.data.locale) return;
    await tx.user.update({ where: { id: userId }, data: { locale: parsed.data.locale } });
    await recordAudit(tx, viewer, {
      organisationId: null,
      action: "user.email-language",
      entityType: "user",
      entityId: userId,
      before: { locale: before.locale },
      after: { locale: parsed.data.locale },
    });
  });
}
