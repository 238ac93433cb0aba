"use client";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "./FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  /** The hidden fields naming the record the button acts on (`org`, its id). */
  fields: Readonly<Record<string, string>>;
  label: string;
  /** The button's name for screen readers: what it acts on, since a list holds one button per record. */
  accessibleLabel: string;
  /** Shown while the action runs; the label when not given. */
  pendingLabel?: string;
  tone?: "plain" | "danger";
  /** The id of the outcome's message, unique on the page. */
  messageId: string;
}

/** One button that runs a server action on one record, with the action's outcome beside it. */
export function ButtonForm({ action, fields, label, accessibleLabel, pendingLabel, tone = "plain", messageId }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const colour = tone === "danger" ? "border-red-800 text-red-800" : "border-stone-900";
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`rounded border-2 px-3 py-1 text-sm font-semibold disabled:opacity-60 ${colour}`}
      >
        {pending ? (pendingLabel ?? label) : label}
      </button>
      <FormMessage state={state} id={messageId} />
    </form>
  );
}
