"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { ROLES, type Role } from "@/lib/auth/viewer";
import { useFormat } from "@/lib/i18n/format";
import { FieldErrors, FormMessage, submitted } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  userId: string;
  name: string;
  role: Role;
}

/** Gives a member another role; the role shown on the page is sent along, so a change made meanwhile is a conflict. */
export function ChangeRoleForm({ action, org, userId, name, role }: Props) {
  const t = useTranslations("members.changeRole");
  const format = useFormat();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  return (
    <form action={formAction} className="grid gap-1">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="expectedRole" value={role} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          {t("label", { name })}
        </label>
        <select
          id={`${id}-role`}
          name="role"
          defaultValue={String(submitted(state, "role") ?? role)}
          aria-describedby={`${id}-role-error`}
          className="rounded border border-stone-400 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {format.role(r)}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending}
          aria-label={t("buttonLabel", { name })}
          className="rounded border-2 border-stone-900 px-2 py-0.5 text-sm font-semibold disabled:opacity-60"
        >
          {t("button")}
        </button>
      </div>
      <FieldErrors state={state} field="role" id={`${id}-role-error`} />
      <FormMessage state={state} id={`${id}-message`} />
    </form>
  );
}
