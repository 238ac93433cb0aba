import type { ActionState } from "@/lib/actions/state";

/** The outcome of a form's last submission, announced to screen readers. */
export function FormMessage({ state, id }: { state: ActionState; id: string }) {
  return (
    <div id={id} aria-live="polite" className="min-h-[1.5rem] text-sm">
      {state.status === "ok" ? <p className="text-green-800">{state.message}</p> : null}
      {state.status === "error" ? (
        <p role="alert" className="font-semibold text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** A field's errors, linked to the field by `aria-describedby={id}`. */
export function FieldErrors({ state, field, id }: { state: ActionState; field: string; id: string }) {
  const messages = state.status === "error" ? (state.fieldErrors[field] ?? []) : [];
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

/** The value the user submitted last time, when the submission was refused. */
export function submitted(state: ActionState, field: string): string | readonly string[] | undefined {
  return state.status === "error" ? state.values?.[field] : undefined;
}
