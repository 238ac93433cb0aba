"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  organisationName: string;
  userId: string;
  name: string;
}

/** Removes a member after a second, explicit step: the button only appears once "Remove…" is opened. */
export function RemoveMemberForm({ action, org, organisationName, userId, name }: Props) {
  const t = useTranslations("members.remove");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <div>
      <details>
        <summary className="cursor-pointer text-sm font-medium">{t("open")}</summary>
        <form action={formAction} className="mt-2 grid gap-2 rounded border border-red-700 bg-red-50 p-2 text-sm">
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="userId" value={userId} />
          <p>{t("warning", { name, organisation: organisationName })}</p>
          <button
            type="submit"
            disabled={pending}
            className="justify-self-start rounded bg-red-800 px-2 py-1 font-semibold text-white disabled:opacity-60"
          >
            {pending ? t("pending") : t("button", { name })}
          </button>
        </form>
      </details>
      <FormMessage state={state} id={`remove-${userId}`} />
    </div>
  );
}
