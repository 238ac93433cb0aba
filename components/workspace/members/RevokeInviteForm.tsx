"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { ButtonForm } from "../ButtonForm";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  inviteId: string;
  /**
   * What the button withdraws, for screen readers, in the reader's language: "the editor invitation created
   * 23 November 2025".
   */
  description: string;
}

/** Withdraws an unused invitation, so that its link stops working. */
export function RevokeInviteForm({ action, org, inviteId, description }: Props) {
  const t = useTranslations("members.revoke");
  return (
    <ButtonForm
      action={action}
      fields={{ org, inviteId }}
      label={t("button")}
      accessibleLabel={t("buttonLabel", { description })}
      messageId={`revoke-${inviteId}`}
    />
  );
}
