"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  /** One notification; all of the member's when absent. */
  notificationId?: string;
  /** The notification's title, for screen readers ("Mark … as read"). */
  title?: string;
}

/** Marks one notification, or all of them, as read. */
export function MarkReadForm({ action, org, notificationId, title }: Props) {
  const t = useTranslations("notifications.markRead");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const one = notificationId !== undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      {one ? <input type="hidden" name="notificationId" value={notificationId} /> : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={one && title ? t("buttonLabel", { title }) : undefined}
        className="rounded border-2 border-stone-900 px-3 py-1 text-sm font-semibold disabled:opacity-60"
      >
        {pending ? t("pending") : one ? t("button") : t("all")}
      </button>
      <FormMessage state={state} id={`mark-read-${notificationId ?? "all"}`} />
    </form>
  );
}
