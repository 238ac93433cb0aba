"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  endpointId: string;
  url: string;
}

/** Removes a webhook endpoint: nothing more is sent to it, its pending deliveries included. */
export function DeleteWebhookForm({ action, org, endpointId, url }: Props) {
  const t = useTranslations("notifications.deleteWebhook");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("buttonLabel", { url })}
        className="rounded border-2 border-red-800 px-3 py-1 text-sm font-semibold text-red-800 disabled:opacity-60"
      >
        {pending ? t("pending") : t("button")}
      </button>
      <FormMessage state={state} id={`delete-webhook-${endpointId}`} />
    </form>
  );
}
