"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

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
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="inviteId" value={inviteId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("buttonLabel", { description })}
        className="rounded border-2 border-stone-900 px-3 py-1 text-sm font-semibold disabled:opacity-60"
      >
        {t("button")}
      </button>
      <FormMessage state={state} id={`revoke-${inviteId}`} />
    </form>
  );
}
