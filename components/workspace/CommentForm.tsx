"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "./FormMessage";
import { TextField } from "./TextField";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  agreement: string;
  commitment: string;
  /** Absent for a comment on the commitment itself. */
  milestone?: string;
}

/** Adds an internal comment to a commitment or milestone. */
export function CommentForm(props: Props) {
  const t = useTranslations("review.comments");
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  const id = useId();
  return (
    <form action={formAction} className="mt-2 grid gap-2">
      <input type="hidden" name="org" value={props.org} />
      <input type="hidden" name="agreement" value={props.agreement} />
      <input type="hidden" name="commitment" value={props.commitment} />
      <input type="hidden" name="milestone" value={props.milestone ?? ""} />
      {/* React resets the form after each submission: TextField gives the typed text back after an error. */}
      <TextField
        state={state}
        idPrefix={id}
        name="body"
        label={t("field")}
        rows={2}
        className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded border-2 border-stone-900 px-3 py-1.5 text-sm font-semibold disabled:opacity-60"
        >
          {t("add")}
        </button>
        <FormMessage state={state} id={`${id}-message`} />
      </div>
    </form>
  );
}
