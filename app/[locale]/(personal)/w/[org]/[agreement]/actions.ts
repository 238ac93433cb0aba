"use server";
/**
 * Server actions of the workspace agreement page: thin (read the form into the command's input, run it through
 * runFormAction, revalidate the pages that show the record). Validation and authorization are the command's.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { revalidatePublicPages } from "@/lib/actions/revalidate";
import { agreementInput, all, list, nullableText, number, optionalText, text, version } from "@/lib/actions/form-input";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import type { Viewer } from "@/lib/auth/viewer";
import { addComment } from "@/lib/data/comments";
import {
  createCommitment,
  createIndicator,
  createMilestone,
  linkEvidence,
  moveMilestone,
  recordDeadlineChange,
  recordObservation,
  recordStatusUpdate,
  removeEvidence,
  setAgreementPublished,
  updateAgreement,
  updateCommitment,
  updateEvidence,
  updateMilestone,
} from "@/lib/data/commands";
import { unwatch, watch } from "@/lib/data/watchlist";

/** The success messages of these actions, in the language of the page that sent the form. */
type SavedText = Awaited<ReturnType<typeof getTranslations<"editor.saved">>>;

function revalidateAgreement(org: string, agreement: string): void {
  revalidatePath(`/w/${org}/${agreement}`);
  revalidatePath(`/w/${org}`);
  revalidatePublicPages();
}

/**
 * An edit of the agreement named by the form's `org` and `agreement`: runs it, and on success revalidates the
 * workspace and public pages that show the agreement.
 */
async function editAgreement(
  form: FormData,
  run: (viewer: Viewer, org: string, agreement: string, t: SavedText) => Promise<string>,
): Promise<ActionState> {
  const org = text(form, "org");
  const agreement = text(form, "agreement");
  const t = await getTranslations("editor.saved");
  return runFormAction(form, async (viewer) => {
    const message = await run(viewer, org, agreement, t);
    revalidateAgreement(org, agreement);
    return message;
  });
}

/** The milestone a form edits: its agreement, commitment and key. */
function milestoneAddress(form: FormData) {
  return {
    agreement: text(form, "agreement"),
    commitment: text(form, "commitment"),
    milestone: text(form, "milestone"),
  };
}

export async function updateAgreementAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await updateAgreement(viewer, org, {
      agreement,
      expectedVersion: version(form),
      ...agreementInput(form),
    });
    return t("agreementSaved");
  });
}

export async function setPublishedAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const published = text(form, "published") === "true";
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await setAgreementPublished(viewer, org, { agreement, expectedVersion: version(form), published });
    return published ? t("published") : t("unpublished");
  });
}

export async function createCommitmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await createCommitment(viewer, org, {
      agreement,
      id: text(form, "id"),
      title: text(form, "title"),
      description: optionalText(form, "description"),
      responsible: text(form, "responsible"),
      owner: text(form, "owner"),
      tags: list(form, "tags"),
      weight: number(form, "weight"),
    });
    return t("commitmentAdded");
  });
}

export async function updateCommitmentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await updateCommitment(viewer, org, {
      agreement,
      commitment: text(form, "commitment"),
      expectedVersion: version(form),
      title: text(form, "title"),
      description: text(form, "description"),
      responsible: text(form, "responsible"),
      owner: text(form, "owner"),
      tags: list(form, "tags"),
      weight: number(form, "weight"),
    });
    return t("commitmentSaved");
  });
}

export async function createMilestoneAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await createMilestone(viewer, org, {
      agreement,
      commitment: text(form, "commitment"),
      id: text(form, "id"),
      title: text(form, "title"),
      owner: text(form, "owner"),
      deadline: optionalText(form, "deadline"),
    });
    return t("milestoneAdded");
  });
}

export async function updateMilestoneAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await updateMilestone(viewer, org, {
      ...milestoneAddress(form),
      expectedVersion: version(form),
      title: text(form, "title"),
      owner: text(form, "owner"),
      deadline: nullableText(form, "deadline"),
    });
    return t("milestoneSaved");
  });
}

export async function moveMilestoneAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await moveMilestone(viewer, org, {
      ...milestoneAddress(form),
      expectedVersion: version(form),
      position: number(form, "position"),
    });
    return t("milestoneMoved");
  });
}

export async function recordStatusUpdateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await recordStatusUpdate(viewer, org, {
      ...milestoneAddress(form),
      expectedVersion: version(form),
      on: text(form, "on"),
      status: text(form, "status"),
      rationale: text(form, "rationale"),
      sources: all(form, "sources"),
    });
    return t("statusUpdateRecorded");
  });
}

export async function recordDeadlineChangeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await recordDeadlineChange(viewer, org, {
      ...milestoneAddress(form),
      expectedVersion: version(form),
      on: text(form, "on"),
      to: text(form, "to"),
      reason: text(form, "reason"),
      sources: all(form, "sources"),
    });
    return t("deadlineChangeRecorded");
  });
}

export async function linkEvidenceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await linkEvidence(viewer, org, {
      ...milestoneAddress(form),
      source: text(form, "source"),
      stance: text(form, "stance"),
      quote: text(form, "quote"),
    });
    return t("evidenceLinked");
  });
}

export async function updateEvidenceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await updateEvidence(viewer, org, {
      ...milestoneAddress(form),
      evidence: text(form, "evidence"),
      expectedVersion: version(form),
      stance: text(form, "stance"),
      quote: text(form, "quote"),
    });
    return t("evidenceSaved");
  });
}

export async function removeEvidenceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, _agreement, t) => {
    await removeEvidence(viewer, org, {
      ...milestoneAddress(form),
      evidence: text(form, "evidence"),
      expectedVersion: version(form),
      reason: text(form, "reason"),
    });
    return t("evidenceRemoved");
  });
}

export async function createIndicatorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await createIndicator(viewer, org, {
      agreement,
      commitment: text(form, "commitment"),
      id: text(form, "id"),
      title: text(form, "title"),
      unit: text(form, "unit"),
      target: number(form, "target"),
    });
    return t("indicatorAdded");
  });
}

export async function recordObservationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return editAgreement(form, async (viewer, org, agreement, t) => {
    await recordObservation(viewer, org, {
      agreement,
      commitment: text(form, "commitment"),
      indicator: text(form, "indicator"),
      expectedVersion: version(form),
      on: text(form, "on"),
      value: number(form, "value"),
      source: text(form, "source"),
      quote: text(form, "quote"),
    });
    return t("observationRecorded");
  });
}

/** The record a reviewer's form points at: a commitment, or a milestone of it when the field is filled. */
function recordTarget(form: FormData) {
  const milestone = text(form, "milestone");
  return {
    agreement: text(form, "agreement"),
    commitment: text(form, "commitment"),
    ...(milestone === "" ? {} : { milestone }),
  };
}

export async function addCommentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const target = recordTarget(form);
  const t = await getTranslations("editor.saved");
  return runFormAction(form, async (viewer) => {
    await addComment(viewer, org, { ...target, body: text(form, "body") });
    revalidatePath(`/w/${org}/${target.agreement}`);
    revalidatePath(`/w/${org}/history`);
    revalidatePath(`/w/${org}/changes`);
    return t("commentAdded");
  });
}

export async function setWatchingAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const target = recordTarget(form);
  const watching = text(form, "watching") === "true";
  const t = await getTranslations("editor.saved");
  return runFormAction(form, async (viewer) => {
    await (watching ? watch : unwatch)(viewer, org, target);
    revalidatePath(`/w/${org}/${target.agreement}`);
    revalidatePath(`/w/${org}/watchlist`);
    return watching ? t("watching") : t("notWatching");
  });
}
