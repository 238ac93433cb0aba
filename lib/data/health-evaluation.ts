/**
 * The daily evaluation (README, "Scheduled work and notifications"): for each agreement of an organisation, its health
 * transitions up to a day (lib/domain/transitions.ts, the changelog's own health entries) that are not recorded yet,
 * recorded in `health_transitions`, one per record and day; for each, a notification to every member watching the
 * record and a delivery to each of the organisation's webhook endpoints. Run by lib/jobs as the system viewer.
 *
 * - Idempotent: a (record, day) already recorded is never recorded again, so evaluating twice, or two workers at
 *   once (the unique index and `skipDuplicates`), records, notifies and delivers nothing new.
 * - "Since the last evaluation" is what is not recorded yet, whatever its day: a status update recorded today but
 *   dated last week makes last week's transition known today, and it is notified today.
 * - A record's first evaluation records its history up to that day as a baseline, which notifies nobody: a new
 *   installation, an imported agreement or a new milestone does not send its whole past to everyone.
 * - One transaction per agreement, with its policy check and its audit event (`health.evaluate`); an agreement with
 *   nothing new writes nothing.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { authorize } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { indexSources } from "@/lib/domain/health";
import { isIsoDay } from "@/lib/domain/dates";
import { agreementHealthTransitions } from "@/lib/domain/transitions";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";
import { findAgreementTree } from "./agreement-tree";
import { fromDay, toAgreement, toDay, toSource } from "./mappers";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export interface EvaluationOptions {
  /** Whether the notifications made are to be emailed (an SMTP server is configured): their email is then pending. */
  readonly email?: boolean;
}

export interface AgreementEvaluation {
  readonly agreement: string;
  /** Transitions recorded by this evaluation, baseline ones included. */
  readonly recorded: number;
  /** Of those, the ones of records evaluated for the first time: notified to nobody. */
  readonly baseline: number;
  readonly notifications: number;
  readonly deliveries: number;
}

export interface OrganisationEvaluation {
  readonly organisation: string;
  readonly day: string;
  readonly agreements: readonly AgreementEvaluation[];
  /** Webhook deliveries made, to send (lib/jobs enqueues one job each, the delivery's id as the job's). */
  readonly deliveryIds: readonly string[];
  /** Members with an email pending in this organisation (lib/jobs enqueues one email job each). */
  readonly emailUserIds: readonly string[];
}

/** The organisations there are, by slug: what the daily evaluation goes through. The scheduled work only. */
export async function listOrganisationsToEvaluate(viewer: Viewer): Promise<string[]> {
  authorize(viewer, "organisation:evaluate", {});
  const db = await getDb();
  const rows = await db.organisation.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

/** Evaluates every agreement of the organisation as of `day` (`YYYY-MM-DD`, UTC). The scheduled work only. */
export async function evaluateHealth(
  viewer: Viewer,
  orgSlug: string,
  day: string,
  options: EvaluationOptions = {},
): Promise<OrganisationEvaluation> {
  if (!isIsoDay(day)) throw ValidationError.field("day", "Give a date as YYYY-MM-DD.");
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:evaluate");
  const agreements = await db.agreement.findMany({
    where: { organisationId: organisation.id },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: { id: true },
  });
  const results: AgreementEvaluation[] = [];
  const deliveryIds: string[] = [];
  const emailUserIds = new Set<string>();
  for (const { id } of agreements) {
    const outcome = await db.$transaction(
      async (tx) => {
        // Checked again in the transaction that writes (STYLE.md: the policy, then the write and its audit event).
        await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:evaluate");
        return evaluateAgreement(tx, viewer, organisation.id, id, day, options);
      },
      // PGlite runs one transaction at a time: leave room for a queue of them before giving up.
      { timeout: 30_000, maxWait: 30_000 },
    );
    if (outcome === null) continue;
    results.push(outcome.summary);
    deliveryIds.push(...outcome.deliveryIds);
    outcome.emailUserIds.forEach((userId) => emailUserIds.add(userId));
  }
  return { organisation: organisation.slug, day, agreements: results, deliveryIds, emailUserIds: [...emailUserIds] };
}

type Tx = Prisma.TransactionClient;

interface Outcome {
  readonly summary: AgreementEvaluation;
  readonly deliveryIds: string[];
  readonly emailUserIds: string[];
}

async function evaluateAgreement(
  tx: Tx,
  viewer: Viewer,
  organisationId: string,
  agreementId: string,
  day: string,
  options: EvaluationOptions,
): Promise<Outcome | null> {
  const found = await findAgreementTree(tx, organisationId, { id: agreementId });
  // Deleted since the list was read.
  if (found === null) return null;
  const row = found.agreement;
  const sources = await tx.source.findMany({ where: { organisationId } });
  const entries = agreementHealthTransitions(toAgreement(row), indexSources(sources.map(toSource)), { until: day });

  const commitmentIds = new Map(row.commitments.map((c) => [c.key, c.id]));
  const milestoneIds = new Map(row.commitments.flatMap((c) => c.milestones.map((m) => [`${c.key}/${m.key}`, m.id])));
  const recorded = await tx.healthTransition.findMany({
    where: { organisationId, agreementId },
    select: { recordId: true, day: true },
  });
  const known = new Set(recorded.map((r) => `${r.recordId}/${toDay(r.day)}`));
  const evaluated = new Set(recorded.map((r) => r.recordId));

  const fresh = entries.flatMap((entry) => {
    const commitmentId = commitmentIds.get(entry.commitment);
    const milestoneId = entry.milestone === null ? null : milestoneIds.get(`${entry.commitment}/${entry.milestone}`);
    if (commitmentId === undefined || milestoneId === undefined) return [];
    const recordId = milestoneId ?? commitmentId;
    if (known.has(`${recordId}/${entry.day}`)) return [];
    return [
      {
        organisationId,
        agreementId,
        commitmentId,
        milestoneId,
        recordId,
        day: fromDay(entry.day),
        fromHealth: entry.from,
        health: entry.health,
        flags: entry.flags as unknown as Prisma.InputJsonValue,
        texts: entry.texts as unknown as Prisma.InputJsonValue,
        changeId: entry.changeId,
        evaluatedOn: fromDay(day),
        baseline: !evaluated.has(recordId),
      },
    ];
  });

  const previous = await tx.healthEvaluation.findUnique({ where: { agreementId }, select: { lastDay: true } });
  const advances = previous === null || toDay(previous.lastDay) < day;
  if (fresh.length === 0 && !advances) return null;

  // skipDuplicates: a worker evaluating the same agreement at the same time has recorded some of them since the
  // read above; only the rows inserted here come back, and only those are notified and delivered (once).
  const inserted =
    fresh.length === 0
      ? []
      : await tx.healthTransition.createManyAndReturn({
          data: fresh,
          skipDuplicates: true,
          select: { id: true, commitmentId: true, milestoneId: true, baseline: true },
        });
  const told = inserted.filter((t) => !t.baseline);

  const notifications = told.length === 0 ? [] : await notifyWatchers(tx, organisationId, told, options);
  const deliveryIds = told.length === 0 ? [] : await queueDeliveries(tx, organisationId, row.published, told);

  await tx.healthEvaluation.upsert({
    where: { agreementId },
    create: { agreementId, organisationId, lastDay: fromDay(day) },
    update: advances ? { lastDay: fromDay(day) } : {},
  });

  const summary: AgreementEvaluation = {
    agreement: row.slug,
    recorded: inserted.length,
    baseline: inserted.length - told.length,
    notifications: notifications.length,
    deliveries: deliveryIds.length,
  };
  await recordAudit(tx, viewer, {
    organisationId,
    action: "health.evaluate",
    entityType: "agreement",
    entityId: agreementId,
    ...(previous === null ? {} : { before: { lastDay: toDay(previous.lastDay) } }),
    after: { day, ...summary },
  });
  const emailUserIds = [...new Set(notifications.filter((n) => n.emailState === "PENDING").map((n) => n.userId))];
  return { summary, deliveryIds, emailUserIds };
}

/**
 * A notification for each (member watching the record, transition): a milestone's transition to those watching the
 * milestone, a commitment's to those watching the commitment. Only current members: a watchlist entry outlives a
 * membership removed since.
 */
async function notifyWatchers(
  tx: Tx,
  organisationId: string,
  transitions: ReadonlyArray<{ id: string; commitmentId: string; milestoneId: string | null }>,
  options: EvaluationOptions,
): Promise<Array<{ userId: string; emailState: "NONE" | "PENDING" }>> {
  const milestoneIds = transitions.flatMap((t) => (t.milestoneId === null ? [] : [t.milestoneId]));
  const commitmentIds = transitions.flatMap((t) => (t.milestoneId === null ? [t.commitmentId] : []));
  const watchers = await tx.watchlistEntry.findMany({
    where: {
      organisationId,
      OR: [{ milestoneId: { in: milestoneIds } }, { commitmentId: { in: commitmentIds }, milestoneId: null }],
      user: { memberships: { some: { organisationId } } },
    },
    select: { userId: true, commitmentId: true, milestoneId: true },
  });
  const emailState = options.email === true ? ("PENDING" as const) : ("NONE" as const);
  const data = transitions.flatMap((t) =>
    watchers
      .filter((w) => (t.milestoneId === null ? w.commitmentId === t.commitmentId : w.milestoneId === t.milestoneId))
      .map((w) => ({ organisationId, userId: w.userId, transitionId: t.id, emailState })),
  );
  if (data.length === 0) return [];
  return tx.notification.createManyAndReturn({
    data,
    skipDuplicates: true,
    select: { userId: true, emailState: true },
  }) as Promise<Array<{ userId: string; emailState: "NONE" | "PENDING" }>>;
}

/** A delivery of each transition to each endpoint (a draft's only to endpoints that asked for drafts). */
async function queueDeliveries(
  tx: Tx,
  organisationId: string,
  published: boolean,
  transitions: ReadonlyArray<{ id: string }>,
): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organisationId, ...(published ? {} : { includeDrafts: true }) },
    select: { id: true },
  });
  const data = endpoints.flatMap((endpoint) =>
    transitions.map((t) => ({ organisationId, endpointId: endpoint.id, transitionId: t.id })),
  );
  if (data.length === 0) return [];
  const rows = await tx.webhookDelivery.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } });
  return rows.map((r) => r.id);
}
