/**
 * Reviewers' comments on commitments and milestones. Internal to the organisation: only the workspace reads them.
 * The public reads (public.ts), exports (load-dataset.ts) and feeds never select from this table.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { addCommentSchema, recordKey, type AddCommentInput, type RecordTarget } from "@/lib/domain/schemas/comments";
import { parseInput } from "@/lib/domain/schemas/parse";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

type Tx = Pick<Prisma.TransactionClient, "agreement" | "commitment" | "milestone">;

export interface ResolvedTarget {
  agreementId: string;
  commitmentId: string;
  /** Null when the target is the commitment itself. */
  milestoneId: string | null;
}

/** The ids of a commitment or milestone of the organisation, or NotFoundError naming what is missing. */
export async function resolveRecordTarget(
  tx: Tx,
  organisationId: string,
  target: RecordTarget,
): Promise<ResolvedTarget> {
  const agreement = await tx.agreement.findUnique({
    where: { organisationId_slug: { organisationId, slug: target.agreement } },
    select: { id: true },
  });
  if (agreement === null) throw new NotFoundError(`There is no agreement "${target.agreement}".`);
  const commitment = await tx.commitment.findFirst({
    where: { organisationId, agreementId: agreement.id, key: target.commitment },
    select: { id: true },
  });
  if (commitment === null) throw new NotFoundError(`There is no commitment "${target.commitment}" in this agreement.`);
  if (target.milestone === undefined)
    return { agreementId: agreement.id, commitmentId: commitment.id, milestoneId: null };
  const milestone = await tx.milestone.findFirst({
    where: { organisationId, commitmentId: commitment.id, key: target.milestone },
    select: { id: true },
  });
  if (milestone === null) throw new NotFoundError(`There is no milestone "${target.milestone}" in this commitment.`);
  return { agreementId: agreement.id, commitmentId: commitment.id, milestoneId: milestone.id };
}

export interface CommentView {
  id: string;
  body: string;
  /** Null when the author's account has been deleted since. */
  authorName: string | null;
  createdAt: Date;
}

/** A comment on a commitment, or on one of its milestones. Reviewers and up. */
export async function addComment(viewer: Viewer, orgSlug: string, input: AddCommentInput): Promise<CommentView> {
  const parsed = parseInput(addCommentSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { body, ...target } = parsed.data;

  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:comment");
    const resolved = await resolveRecordTarget(tx, organisation.id, target);
    // A comment hangs on exactly one record: the milestone when there is one, else the commitment.
    const comment = await tx.comment.create({
      data: {
        organisationId: organisation.id,
        commitmentId: resolved.milestoneId === null ? resolved.commitmentId : null,
        milestoneId: resolved.milestoneId,
        authorId: viewer.kind === "user" ? viewer.userId : null,
        body,
      },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "comment.create",
      entityType: "comment",
      entityId: comment.id,
      after: { ...target, body },
    });
    return {
      id: comment.id,
      body,
      authorName: viewer.kind === "user" ? viewer.name : null,
      createdAt: comment.createdAt,
    };
  });
}

/**
 * An agreement's comments, oldest first, grouped by record: `commitment` for a commitment's own comments and
 * `commitment/milestone` for a milestone's (recordKey), the same keys as getAgreement's versions.
 */
export async function listComments(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<Record<string, CommentView[]>> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug);
  const agreement = await db.agreement.findUnique({
    where: { organisationId_slug: { organisationId: organisation.id, slug: agreementSlug } },
    select: { id: true },
  });
  if (agreement === null) throw new NotFoundError(`There is no agreement "${agreementSlug}".`);
  const rows = await db.comment.findMany({
    where: {
      organisationId: organisation.id,
      OR: [
        { commitment: { organisationId: organisation.id, agreementId: agreement.id } },
        { milestone: { organisationId: organisation.id, commitment: { agreementId: agreement.id } } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      commitment: { select: { key: true } },
      milestone: { select: { key: true, commitment: { select: { key: true } } } },
    },
  });
  const grouped: Record<string, CommentView[]> = {};
  for (const row of rows) {
    const key = row.milestone
      ? recordKey(row.milestone.commitment.key, row.milestone.key)
      : row.commitment
        ? recordKey(row.commitment.key)
        : null;
    // The schema's rule "exactly one of commitment and milestone" makes null impossible; skip rather than guess.
    if (key === null) continue;
    (grouped[key] ??= []).push({
      id: row.id,
      body: row.body,
      authorName: row.author?.name ?? null,
      createdAt: row.createdAt,
    });
  }
  return grouped;
}
