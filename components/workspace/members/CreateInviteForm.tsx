"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE } from "@/lib/actions/state";
import { ROLES } from "@/lib/auth/viewer";
import { useFormat } from "@/lib/i18n/format";
import type { CreateInviteState } from "@/app/[locale]/(personal)/w/[org]/members/actions";
import { FieldErrors, FormMessage, submitted } from "../FormMessage";

interface Props {
  action: (previous: CreateInviteState, form: FormData) => Promise<CreateInviteState>;
  org: string;
}

/** Creates an invitation link with a role, and shows the full link once: only its hash is kept. */
export function CreateInviteForm({ action, org }: Props) {
  const t = useTranslations("members.createInvite");
  const format = useFormat();
  const [state, formAction, pending] = useActionState<CreateInviteState, FormData>(action, IDLE);
  const id = useId();
  const invite = state.status === "ok" ? state.invite : undefined;
  return (
    <div className="grid gap-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="org" value={org} />
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            {t("role")}
          </label>
          <select
            id={`${id}-role`}
            name="role"
            defaultValue={String(submitted(state, "role") ?? "EDITOR")}
            aria-describedby={`${id}-role-error`}
            className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {format.role(r)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("pending") : t("button")}
        </button>
      </form>
      <FieldErrors state={state} field="role" id={`${id}-role-error`} />
      <FormMessage state={state} id={`${id}-message`} />
      {invite ? (
        <div className="rounded-lg border border-emerald-700 bg-emerald-50 p-3">
          <label htmlFor={`${id}-link`} className="block text-sm font-medium">
            {t("link", { role: format.role(invite.role) })}
          </label>
          <input
            id={`${id}-link`}
            readOnly
            value={invite.url}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby={`${id}-link-hint`}
            className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5 font-mono text-sm"
          />
          <p id={`${id}-link-hint`} className="mt-1 text-sm">
            {/* expiresAt is an ISO instant in UTC: its day and its hours and minutes. */}
            {t("linkHint", { day: format.day(invite.expiresAt.slice(0, 10)), time: invite.expiresAt.slice(11, 16) })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
