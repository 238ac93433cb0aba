"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  token: string;
  organisationName: string;
}

/** Joins the invite's organisation as the signed-in user; the action then opens the organisation's workspace. */
export function AcceptInviteForm({ action, token, organisationName }: Props) {
  const t = useTranslations("members.invite");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 justify-self-start rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? t("accepting") : t("accept", { organisation: organisationName })}
      </button>
      <FormMessage state={state} id="accept-invite-message" />
    </form>
  );
}
