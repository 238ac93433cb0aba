"use server";
/**
 * Server actions of the webhooks page: thin (read the form, run the lib/data operation through runFormAction,
 * revalidate the page). Validation and authorization (admins only) are lib/data's.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { createWebhookEndpoint, deleteWebhookEndpoint, type CreatedWebhookEndpoint } from "@/lib/data/webhooks";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export type CreateWebhookState = ActionState & {
  /** The new endpoint with its secret: shown once, by the form that made it. */
  readonly created?: Pick<CreatedWebhookEndpoint, "url" | "secret">;
};

export async function createWebhookAction(_previous: CreateWebhookState, form: FormData): Promise<CreateWebhookState> {
  const org = text(form, "org");
  const t = await getTranslations("notifications.actions");
  let created: CreatedWebhookEndpoint | undefined;
  const state = await runFormAction(form, async (viewer) => {
    created = await createWebhookEndpoint(viewer, org, {
      url: text(form, "url"),
      includeDrafts: form.get("includeDrafts") === "on",
    });
    revalidatePath(`/w/${org}/webhooks`);
    return t("webhookCreated");
  });
  if (state.status !== "ok" || created === undefined) return state;
  return { ...state, created: { url: created.url, secret: created.secret } };
}

export async function deleteWebhookAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("notifications.actions");
  return runFormAction(form, async (viewer) => {
    await deleteWebhookEndpoint(viewer, org, text(form, "endpointId"));
    revalidatePath(`/w/${org}/webhooks`);
    return t("webhookDeleted");
  });
}
