"use server";
/** Server actions of the organisation's workspace pages: a new agreement, and the organisation's sources. */
import { redirectHere } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { revalidatePublicPages } from "@/lib/actions/revalidate";
import { agreementInput, optionalText, text, version } from "@/lib/actions/form-input";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { createAgreement, createSource, updateSource } from "@/lib/data/commands";

export async function createAgreementAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const slug = text(form, "slug").trim();
  const t = await getTranslations("workspace.saved");
  const state = await runFormAction(form, async (viewer) => {
    await createAgreement(viewer, org, {
      slug,
      ...agreementInput(form),
    });
    revalidatePath(`/w/${org}`);
    return t("agreementCreated");
  });
  // A new agreement is a draft: its editor goes on to its commitments.
  if (state.status === "ok") return redirectHere(`/w/${org}/${slug}`);
  return state;
}

/** Sources are cited by every agreement of the organisation: a change shows on all their pages. */
function revalidateSources(org: string): void {
  revalidatePath(`/w/${org}`, "layout");
  revalidatePublicPages();
}

function sourceValues(form: FormData) {
  return {
    title: text(form, "title"),
    outlet: text(form, "outlet"),
    url: optionalText(form, "url"),
    published: text(form, "published"),
    kind: text(form, "kind"),
  };
}

export async function createSourceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("workspace.saved");
  return runFormAction(form, async (viewer) => {
    await createSource(viewer, org, { id: text(form, "id").trim(), ...sourceValues(form) });
    revalidateSources(org);
    return t("sourceAdded");
  });
}

export async function updateSourceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("workspace.saved");
  return runFormAction(form, async (viewer) => {
    const values = sourceValues(form);
    await updateSource(viewer, org, {
      source: text(form, "source"),
      expectedVersion: version(form),
      ...values,
      url: values.url ?? null,
    });
    revalidateSources(org);
    return t("sourceSaved");
  });
}
