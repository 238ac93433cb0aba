"use client";
import { useLocale, useTranslations } from "next-intl";
import { ClientLink as Link, getPathname } from "@/lib/i18n/client-navigation";
import { useActionState, useId } from "react";
import { IDLE } from "@/lib/actions/state";
import type { SignUpState } from "@/app/[locale]/(personal)/invite/[token]/actions";
import { FormMessage } from "../FormMessage";
import { TextField } from "../TextField";

interface Props {
  action: (previous: SignUpState, form: FormData) => Promise<SignUpState>;
  token: string;
}

const inputClass =
  "mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-ink aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

/**
 * A new account through the invite link: name, email and password. The account and its membership are made in one
 * transaction; then the person signs in. What was typed comes back after a refusal, except the password.
 */
export function SignUpWithInviteForm({ action, token }: Props) {
  const t = useTranslations("members.invite.signUp");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(action, IDLE);
  const id = useId();

  if (state.status === "ok" && state.organisation) {
    // Signed in, the reader lands in the workspace in their language.
    const callback = getPathname({ href: `/w/${state.organisation.slug}`, locale });
    return (
      <div role="status" className="grid gap-3">
        <p className="font-medium text-green-800">{state.message}</p>
        <p>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(callback)}`}
            className="inline-block rounded-md bg-stone-900 px-4 py-2 font-semibold text-white no-underline hover:bg-stone-700"
          >
            {t("signIn", { organisation: state.organisation.name })}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="grid gap-5">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} id={`${id}-message`} />
      <TextField
        state={state}
        idPrefix={id}
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        className={inputClass}
      />
      <TextField
        state={state}
        idPrefix={id}
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        className={inputClass}
      />
      <TextField
        state={state}
        idPrefix={id}
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t("passwordHint")}
        className={inputClass}
      />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
