import type { ActionState } from "@/lib/actions/state";
import { FieldErrors, submitted } from "./FormMessage";

interface Props {
  /** The form's last outcome: its error for this field, and what was typed, come from it. */
  state: ActionState;
  /** Prefix for element ids (a form's useId()). */
  idPrefix: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  /** A short help text under the field, read with it by screen readers. */
  hint?: string;
  /** A textarea of this many rows instead of an input. */
  rows?: number;
  /** The value before any submission. */
  initial?: string;
  className?: string;
}

/**
 * A labelled text field of a workspace form: its error beside it (linked by aria-describedby, announced), marked
 * invalid when refused, and what the user typed given back after a refusal — except a password, never echoed.
 */
export function TextField({
  state,
  idPrefix,
  name,
  label,
  type = "text",
  hint,
  rows,
  initial,
  className,
  ...rest
}: Props) {
  const id = `${idPrefix}-${name}`;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const refused = state.status === "error" && (state.fieldErrors[name]?.length ?? 0) > 0;
  const typed = type === "password" ? undefined : submitted(state, name);
  const common = {
    id,
    name,
    defaultValue: typed === undefined ? initial : String(typed),
    "aria-invalid": refused ? true : undefined,
    "aria-describedby": hintId ? `${hintId} ${errorId}` : errorId,
    className:
      className ??
      "mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-ink aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700",
    required: rest.required,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} autoComplete={rest.autoComplete} minLength={rest.minLength} />
      )}
      {hintId ? (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldErrors state={state} field={name} id={errorId} />
    </div>
  );
}
