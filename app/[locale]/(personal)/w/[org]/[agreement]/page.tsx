import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { AgreementEditor, type EditorActions } from "@/components/workspace/AgreementEditor";
import { CommentForm } from "@/components/workspace/CommentForm";
import { CommentThread } from "@/components/workspace/CommentThread";
import { PublishForm } from "@/components/workspace/PublishForm";
import { WatchButton } from "@/components/workspace/WatchButton";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { listComments } from "@/lib/data/comments";
import { NotFoundError } from "@/lib/data/errors";
import { listRecordEntities } from "@/lib/data/history";
import { listWatchlist } from "@/lib/data/watchlist";
import { getAgreement } from "@/lib/data/workspace";
import { recordKey } from "@/lib/domain/schemas/comments";
import {
  addCommentAction,
  createCommitmentAction,
  createIndicatorAction,
  createMilestoneAction,
  linkEvidenceAction,
  moveMilestoneAction,
  recordDeadlineChangeAction,
  recordObservationAction,
  recordStatusUpdateAction,
  removeEvidenceAction,
  setPublishedAction,
  setWatchingAction,
  updateAgreementAction,
  updateCommitmentAction,
  updateEvidenceAction,
  updateMilestoneAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.agreement");
  return { title: t("metaTitle") };
}

interface Props {
  params: Promise<{ org: string; agreement: string }>;
}

/**
 * An agreement in the workspace, drafts included: health and reasons as of today beside every milestone, and for
 * editors the forms that change it. Every change re-renders this page, so the new health shows at once.
 */
export default async function WorkspaceAgreementPage({ params }: Props) {
  const { org, agreement: slug } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/${slug}`);
  const [found, comments, watchlist, entities] = await Promise.all([
    getAgreement(viewer, org, slug),
    listComments(viewer, org, slug),
    listWatchlist(viewer, org),
    listRecordEntities(viewer, org, slug),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { organisation, agreement, versions } = found;
  const [t, nav, format] = await Promise.all([
    getTranslations("workspace.agreement"),
    getTranslations("workspace.nav"),
    getFormat(),
  ]);
  const watched = new Set(
    watchlist
      .filter((item) => item.agreement.slug === agreement.slug)
      .map((item) => recordKey(item.commitment.key, item.milestone?.key)),
  );
  const mayComment = can(viewer, "organisation:comment", { organisation: organisation.slug });
  const historyHref = (key: string): string | null => {
    const entity = entities.records[key];
    if (entity === undefined) return null;
    const query = new URLSearchParams({ entityType: entity.type, entityId: entity.id });
    return `/w/${organisation.slug}/history?${query.toString()}`;
  };
  const reviewerTools = (title: string, commitment: string, milestone?: string) => {
    const key = recordKey(commitment, milestone);
    const history = historyHref(key);
    const headingId = `comments-${key.replace("/", "-")}`;
    return (
      <div className="mt-3 border-t border-rule pt-3">
        <div className="flex flex-wrap items-center gap-3">
          <WatchButton
            action={setWatchingAction}
            org={organisation.slug}
            agreement={agreement.slug}
            commitment={commitment}
            milestone={milestone}
            watching={watched.has(key)}
            label={title}
          />
          {history ? (
            <Link href={history} className="text-sm" aria-label={t("historyOf", { title })}>
              {t("history")}
            </Link>
          ) : null}
        </div>
        <CommentThread comments={comments[key] ?? []} headingId={headingId} headingLevel={milestone ? 4 : 3} />
        {mayComment ? (
          <CommentForm
            action={addCommentAction}
            org={organisation.slug}
            agreement={agreement.slug}
            commitment={commitment}
            milestone={milestone}
          />
        ) : null}
      </div>
    );
  };
  const asOf = new Date().toISOString().slice(0, 10);
  const mayEdit = can(viewer, "organisation:write", { organisation: organisation.slug });
  const actions: EditorActions | null = mayEdit
    ? {
        updateAgreement: updateAgreementAction,
        createCommitment: createCommitmentAction,
        updateCommitment: updateCommitmentAction,
        createMilestone: createMilestoneAction,
        updateMilestone: updateMilestoneAction,
        moveMilestone: moveMilestoneAction,
        recordStatusUpdate: recordStatusUpdateAction,
        recordDeadlineChange: recordDeadlineChangeAction,
        linkEvidence: linkEvidenceAction,
        updateEvidence: updateEvidenceAction,
        removeEvidence: removeEvidenceAction,
        createIndicator: createIndicatorAction,
        recordObservation: recordObservationAction,
      }
    : null;

  return (
    <div>
      <nav aria-label={nav("breadcrumbs")} className="text-sm">
        <Link href="/w">{nav("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">{agreement.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <span className="rounded border border-stone-400 px-1.5 font-semibold">
          {agreement.published ? t("published") : t("draft")}
        </span>
        <span className="text-muted">{t("healthAsOf", { date: format.day(asOf) })}</span>
        {agreement.published ? (
          <Link href={`/${organisation.slug}/${agreement.slug}`}>{t("publicScorecard")}</Link>
        ) : null}
        <Link
          href={`/w/${organisation.slug}/history?${new URLSearchParams({ entityType: "agreement", entityId: entities.agreement.id }).toString()}`}
        >
          {t("agreementHistory")}
        </Link>
        <Link href={`/w/${organisation.slug}/${agreement.slug}/briefing`}>{t("briefing")}</Link>
      </p>
      {mayEdit ? (
        <div className="mt-4">
          <PublishForm
            action={setPublishedAction}
            org={organisation.slug}
            agreement={agreement.slug}
            expectedVersion={versions.agreement}
            published={agreement.published}
          />
        </div>
      ) : null}

      <AgreementEditor found={found} asOf={asOf} actions={actions} reviewerTools={reviewerTools} />
    </div>
  );
}
