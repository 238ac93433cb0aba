"use server";
/**
 * Server actions of the workspace agreement page: thin (parse the form into the command's input, run it through
 * runFormAction, revalidate the pages that show the record). Validation and authorization are the command's.
 */
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { addComment } from "@/lib/data/comments";
import { recordStatusUpdate, setAgreementPublished } from "@/lib/data/commands";
import { unwatch, watch } from "@/lib/data/watchlist";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function version(form: FormData): number | undefined {
  const raw = text(form, "expectedVersion");
  return raw === "" ? undefined : Number(raw);
}

function revalidateAgreement(org: string, agreement: string): void {
  revalidatePath(`/w/${org}/${agreement}`);
  revalidatePath(`/w/${org}`);
  revalidatePath(`/${org}/${agreement}`);
  revalidatePath(`/${org}`);
  revalidatePath("/");
}

export async function recordStatusUpdateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const agreement = text(form, "agreement");
  return runFormAction(form, async (viewer) => {
    await recordStatusUpdate(viewer, org, {
      agreement,
      commitment: text(form, "commitment"),
      milestone: text(form, "milestone"),
      expectedVersion: version(form),
      on: text(form, "on"),
      status: text(form, "status"),
      rationale: text(form, "rationale"),
      sources: form.getAll("sources").filter((s) => typeof s === "string"),
    });
    revalidateAgreement(org, agreement);
    return "Status update recorded.";
  });
}

export async function setPublishedAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const agreement = text(form, "agreement");
  const published = text(form, "published") === "true";
  return runFormAction(form, async (viewer) => {
    await setAgreementPublished(viewer, org, { agreement, expectedVersion: version(form), published });
    revalidateAgreement(org, agreement);
    return published
      ? "Published: the agreement is on the public scorecard."
      : "Unpublished: the agreement is a draft.";
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
  return runFormAction(form, async (viewer) => {
    await addComment(viewer, org, { ...target, body: text(form, "body") });
    revalidatePath(`/w/${org}/${target.agreement}`);
    revalidatePath(`/w/${org}/history`);
    revalidatePath(`/w/${org}/changes`);
    return "Comment added.";
  });
}

export async function setWatchingAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const target = recordTarget(form);
  const watching = text(form, "watching") === "true";
  return runFormAction(form, async (viewer) => {
    await (watching ? watch : unwatch)(viewer, org, target);
    revalidatePath(`/w/${org}/${target.agreement}`);
    revalidatePath(`/w/${org}/watchlist`);
    return watching ? "Added to your watchlist." : "Removed from your watchlist.";
  });
}
