"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { signIn } from "next-auth/react";
import { signInRefusal } from "./sign-in-refusal";

interface SignInFormProps {
  /** A same-site path, already made safe by the page (lib/auth/session.ts safeCallbackPath). */
  callbackPath: string;
}

interface FormState {
  /** What was typed, put back after the form resets so that a wrong password does not cost the email too. */
  readonly email: string;
  readonly message: string | null;
  readonly fieldErrors: { readonly email?: string; readonly password?: string };
}

const initialState: FormState = { email: "", message: null, fieldErrors: {} };

/**
 * Email and password, posted to NextAuth's credentials endpoint with next-auth/react's signIn (which fetches the
 * CSRF token first). The server's refusal ("Wrong email or password.", "Too many attempts. Try again in N
 * minutes.") is one of the messages lib/auth/options.ts throws, in English: it is recognised (./sign-in-refusal.ts)
 * and said in the reader's language. Needs the "auth" messages (the sign-in page delivers them).
 */
export function SignInForm({ callbackPath }: SignInFormProps) {
  const t = useTranslations("auth.form");
  const id = useId();
  const refusalMessage = (error: string | null | undefined): string => {
    const refusal = signInRefusal(error);
    switch (refusal.kind) {
      case "wrongCredentials":
        return t("wrongCredentials");
      case "tooManyAttempts":
        return t("tooManyAttempts", { minutes: refusal.minutes });
      case "unavailable":
        return t("unavailable");
      case "other":
        return refusal.message;
    }
  };
  const [state, formAction, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      const email = String(form.get("email") ?? "").trim();
      const password = String(form.get("password") ?? "");
      const fieldErrors: { email?: string; password?: string } = {};
      if (email === "") fieldErrors.email = t("enterEmail");
      if (password === "") fieldErrors.password = t("enterPassword");
      if (fieldErrors.email || fieldErrors.password) {
        return { email, fieldErrors, message: t("checkFields") };
      }
      let result: Awaited<ReturnType<typeof signIn>>;
      try {
        result = await signIn("credentials", { email, password, redirect: false, callbackUrl: callbackPath });
      } catch {
        return { email, fieldErrors: {}, message: t("unavailable") };
      }
      if (result?.ok && !result.error) {
        // A full page load, so that everything rendered on the server (the header's name, the page) sees the session.
        window.location.assign(callbackPath);
        return { email, fieldErrors: {}, message: null };
      }
      return { email, fieldErrors: {}, message: refusalMessage(result?.error) };
    },
    initialState,
  );

  const emailError = state.fieldErrors.email;
  const passwordError = state.fieldErrors.password;
  const inputClass =
    "mt-1 min-h-11 w-full rounded-md border bg-white px-3 py-2 text-ink aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

  return (
    <form action={formAction} noValidate className="space-y-5" aria-describedby={`${id}-summary`}>
      {/* Announced when it changes: the outcome of each attempt. */}
      <div id={`${id}-summary`} aria-live="polite" role="status">
        {state.message ? (
          <p className="rounded-md border border-red-700 bg-red-50 px-3 py-2 font-medium text-red-800">
            {state.message}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor={`${id}-email`} className="block font-medium">
          {t("email")}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
          className={`${inputClass} border-stone-500`}
        />
        {emailError ? (
          <p id={`${id}-email-error`} className="mt-1 text-sm font-medium text-red-800">
            {emailError}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor={`${id}-password`} className="block font-medium">
          {t("password")}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${id}-password-error` : undefined}
          className={`${inputClass} border-stone-500`}
        />
        {passwordError ? (
          <p id={`${id}-password-error`} className="mt-1 text-sm font-medium text-red-800">
            {passwordError}
          </p>
        ) : null}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
