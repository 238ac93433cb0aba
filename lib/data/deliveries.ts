/**
 * What the scheduled work (lib/jobs) reads and records around sending: a webhook delivery's request and the outcome
 * of each attempt; a member's pending notification emails and whether they went. The network is lib/jobs' business;
 * every write here is one transaction with its audit event, for the system viewer only ("organisation:evaluate").
 *
 * A delivery that succeeded is never sent again: getWebhookRequest returns null for it, whoever asks and however often
 * (a retried or duplicated job, a second worker).
 */
import { authorize } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/domain/locale";
import { recordAudit } from "./audit";
import { isUuid } from "./members/last-admin";
import { toTransitionView, transitionSelect, type TransitionView } from "./notifications";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

/** The JSON body of a delivery (README, "Webhooks"): the same bytes on every attempt of a delivery. */
export interface WebhookPayload {
  /** The delivery's id, also in the X-Accordwatch-Delivery header: what a recipient deduplicates by. */
  readonly id: string;
  readonly type: "health.transition";
  readonly organisation: string;
  readonly transition: {
    readonly id: string;
    readonly changeId: string;
    readonly day: string;
    readonly agreement: { readonly slug: string; readonly title: string; readonly published: boolean };
    readonly commitment: { readonly id: string; readonly title: string };
    readonly milestone: { readonly id: string; readonly title: string } | null;
    readonly from: string | null;
    readonly health: string;
    readonly flags: ReadonlyArray<{ readonly flag: string; readonly since: string }>;
    readonly title: string;
    readonly summary: string;
    /** When the evaluation recorded it (ISO 8601, UTC). */
    readonly recordedAt: string;
  };
}

export interface WebhookRequest {
  readonly deliveryId: string;
  readonly url: string;
  /** The endpoint's signing key: for the signature only, never to be logged. */
  readonly secret: string;
  readonly attempts: number;
  readonly body: string;
}

function payloadOf(organisation: string, deliveryId: string, t: TransitionView, recordedAt: Date): WebhookPayload {
  return {
    id: deliveryId,
    type: "health.transition",
    organisation,
    transition: {
      id: t.id,
      changeId: t.changeId,
      day: t.day,
      agreement: t.agreement,
      commitment: { id: t.commitment.key, title: t.commitment.title },
      milestone: t.milestone === null ? null : { id: t.milestone.key, title: t.milestone.title },
      from: t.from,
      health: t.health,
      flags: t.flags,
      title: t.texts.en.title,
      summary: t.texts.en.summary,
      recordedAt: recordedAt.toISOString(),
    },
  };
}

/** The request to send for a pending delivery; null when it is delivered or failed already, or gone. */
export async function getWebhookRequest(
  viewer: Viewer,
  orgSlug: string,
  deliveryId: string,
): Promise<WebhookRequest | null> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:evaluate");
  if (!isUuid(deliveryId)) return null;
  const row = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, organisationId: organisation.id, state: "PENDING" },
    select: {
      id: true,
      attempts: true,
      endpoint: { select: { url: true, secret: true } },
      transition: { select: { ...transitionSelect, createdAt: true } },
    },
  });
  if (row === null) return null;
  const payload = payloadOf(organisation.slug, row.id, toTransitionView(row.transition), row.transition.createdAt);
  return {
    deliveryId: row.id,
    url: row.endpoint.url,
    secret: row.endpoint.secret,
    attempts: row.attempts,
    body: JSON.stringify(payload),
  };
}

export interface WebhookAttempt {
  /** The HTTP status answered; null when there was no answer (refused, timed out). */
  readonly status: number | null;
  /** Why it failed, in a few words (never the secret); null on success. */
  readonly error: string | null;
  /** No attempt will follow this one: a failure makes the delivery FAILED. */
  readonly last: boolean;
}

/**
 * Records an attempt of a pending delivery: DELIVERED on a 2xx answer, FAILED on the last failing one, PENDING
 * otherwise. Returns the delivery's state after it; null when it was not pending (nothing recorded).
 */
export async function recordWebhookAttempt(
  viewer: Viewer,
  orgSlug: string,
  deliveryId: string,
  attempt: WebhookAttempt,
): Promise<"PENDING" | "DELIVERED" | "FAILED" | null> {
  if (!isUuid(deliveryId)) {
    // Authorized all the same, so that nobody learns more from a malformed id than from an unknown one.
    const db = await getDb();
    await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:evaluate");
    return null;
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:evaluate");
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    const state = ok ? "DELIVERED" : attempt.last ? "FAILED" : "PENDING";
    const now = new Date();
    // Compare-and-set on the state: of two workers racing on one delivery, one records it.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, organisationId: organisation.id, state: "PENDING" },
      data: {
        state,
        attempts: { increment: 1 },
        lastAttemptAt: now,
        lastStatus: attempt.status,
        lastError: ok ? null : (attempt.error ?? `HTTP ${attempt.status}`).slice(0, 500),
        ...(ok ? { deliveredAt: now } : {}),
      },
    });
    if (count === 0) return null;
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "webhook.deliver",
      entityType: "webhook-delivery",
      entityId: deliveryId,
      after: { state, status: attempt.status, ...(ok ? {} : { error: attempt.error }) },
    });
    return state;
  });
}

export interface NotificationEmail {
  readonly to: string;
  readonly name: string;
  /** The member's language for emails; English when they chose none. */
  readonly locale: Locale;
  readonly organisation: { readonly slug: string; readonly name: string };
  readonly notificationIds: readonly string[];
  readonly transitions: readonly TransitionView[];
}

/** A member's notifications in the organisation whose email is pending, oldest first; null when there is none. */
export async function getPendingNotificationEmail(
  viewer: Viewer,
  orgSlug: string,
  userId: string,
): Promise<NotificationEmail | null> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:evaluate");
  if (!isUuid(userId)) return null;
  const user = await db.user.findFirst({
    where: { id: userId, memberships: { some: { organisationId: organisation.id } } },
    select: { email: true, name: true, locale: true },
  });
  if (user === null) return null;
  const rows = await db.notification.findMany({
    where: { organisationId: organisation.id, userId, emailState: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, transition: { select: transitionSelect } },
  });
  if (rows.length === 0) return null;
  return {
    to: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : "en",
    organisation: { slug: organisation.slug, name: organisation.name },
    notificationIds: rows.map((r) => r.id),
    transitions: rows.map((r) => toTransitionView(r.transition)),
  };
}

/** Records that the email of these notifications went (SENT) or will not (FAILED); only pending ones change. */
export async function recordNotificationEmail(
  viewer: Viewer,
  orgSlug: string,
  userId: string,
  notificationIds: readonly string[],
  outcome: "SENT" | "FAILED",
): Promise<number> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:evaluate");
    const ids = notificationIds.filter(isUuid);
    if (!isUuid(userId) || ids.length === 0) return 0;
    const { count } = await tx.notification.updateMany({
      where: { id: { in: ids }, organisationId: organisation.id, userId, emailState: "PENDING" },
      data: { emailState: outcome, ...(outcome === "SENT" ? { emailedAt: new Date() } : {}) },
    });
    if (count === 0) return 0;
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "notification.email",
      entityType: "user",
      entityId: userId,
      after: { outcome, count },
    });
    return count;
  });
}

export interface UnsentWork {
  readonly deliveries: ReadonlyArray<{ readonly organisation: string; readonly deliveryId: string }>;
  readonly emails: ReadonlyArray<{ readonly organisation: string; readonly userId: string }>;
}

/**
 * Every pending delivery and every member with a pending email, in every organisation: what a worker starting up
 * (re)queues, in case the process that made them stopped before queueing their jobs. Queueing is idempotent (a
 * delivery's job has the delivery's id), so a delivery queued already is not queued twice.
 */
export async function listUnsentWork(viewer: Viewer): Promise<UnsentWork> {
  authorize(viewer, "organisation:evaluate", {});
  const db = await getDb();
  const [deliveries, emails] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { state: "PENDING" },
      orderBy: { id: "asc" },
      take: 10_000,
      select: { id: true, organisation: { select: { slug: true } } },
    }),
    db.notification.findMany({
      where: { emailState: "PENDING" },
      distinct: ["organisationId", "userId"],
      select: { userId: true, organisation: { select: { slug: true } } },
    }),
  ]);
  return {
    deliveries: deliveries.map((d) => ({ organisation: d.organisation.slug, deliveryId: d.id })),
    emails: emails.map((e) => ({ organisation: e.organisation.slug, userId: e.userId })),
  };
}
