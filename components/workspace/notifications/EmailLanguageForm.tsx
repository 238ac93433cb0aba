"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/domain/locale";
import { FieldErrors, FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  /** The language chosen; the page's when none was. */
  locale: Locale;
}

/** The language of the emails Accordwatch sends the member. */
export function EmailLanguageForm({ action, org, locale }: Props) {
  const t = useTranslations("notifications.emailLanguage");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  return (
    <div>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="org" value={org} />
        <div>
          <label htmlFor={`${id}-locale`} className="block text-sm font-medium">
            {t("label")}
          </label>
          <select
            id={`${id}-locale`}
            name="locale"
            defaultValue={locale}
            aria-describedby={`${id}-locale-error`}
            className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
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
      <FieldErrors state={state} field="locale" id={`${id}-locale-error`} />
      <FormMessage state={state} id={`${id}-message`} />
    </div>
  );
}
