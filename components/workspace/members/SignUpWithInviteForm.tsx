"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import { IDLE } from "@/lib/actions/state";
import type { SignUpState } from "@/app/invite/[token]/actions";
import { FieldErrors, FormMessage, submitted } from "../FormMessage";

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
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(action, IDLE);
  const id = useId();

  if (state.status === "ok" && state.organisation) {
    const callback = `/w/${state.organisation.slug}`;
    return (
      <div role="status" className="grid gap-3">
        <p className="font-medium text-green-800">{state.message}</p>
        <p>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(callback)}`}
            className="inline-block rounded-md bg-stone-900 px-4 py-2 font-semibold text-white no-underline hover:bg-stone-700"
          >
            Sign in to {state.organisation.name}
          </Link>
        </p>
      </div>
    );
  }

  const invalid = (field: string) => (state.status === "error" && state.fieldErrors[field]?.length ? true : undefined);
  const previous = (field: string) => String(submitted(state, field) ?? "");
  return (
    <form action={formAction} noValidate className="grid gap-5">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} id={`${id}-message`} />
      <div>
        <label htmlFor={`${id}-name`} className="block font-medium">
          Name
        </label>
        <input
          id={`${id}-name`}
          name="name"
          autoComplete="name"
          required
          defaultValue={previous("name")}
          aria-invalid={invalid("name")}
          aria-describedby={`${id}-name-error`}
          className={inputClass}
        />
        <FieldErrors state={state} field="name" id={`${id}-name-error`} />
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="block font-medium">
          Email
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={previous("email")}
          aria-invalid={invalid("email")}
          aria-describedby={`${id}-email-error`}
          className={inputClass}
        />
        <FieldErrors state={state} field="email" id={`${id}-email-error`} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block font-medium">
          Password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={invalid("password")}
          aria-describedby={`${id}-password-hint ${id}-password-error`}
          className={inputClass}
        />
        <p id={`${id}-password-hint`} className="mt-1 text-sm text-muted">
          At least 12 characters.
        </p>
        <FieldErrors state={state} field="password" id={`${id}-password-error`} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}
