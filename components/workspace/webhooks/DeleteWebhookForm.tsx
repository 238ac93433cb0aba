"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { ButtonForm } from "../ButtonForm";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  endpointId: string;
  url: string;
}

/** Removes a webhook endpoint: nothing more is sent to it, its pending deliveries included. */
export function DeleteWebhookForm({ action, org, endpointId, url }: Props) {
  const t = useTranslations("notifications.deleteWebhook");
  return (
    <ButtonForm
      action={action}
      fields={{ org, endpointId }}
      label={t("button")}
      accessibleLabel={t("buttonLabel", { url })}
      pendingLabel={t("pending")}
      tone="danger"
      messageId={`delete-webhook-${endpointId}`}
    />
  );
}
