"use client";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { STATUSES, type Source, type Status } from "@/lib/domain/types";
import { STATUS_LABELS } from "@/components/labels";
import { FieldErrors, FormMessage, submitted } from "./FormMessage";
import { TextField } from "./TextField";

const fieldClass = "mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  agreement: string;
  commitment: string;
  milestone: string;
  expectedVersion: number;
  currentStatus: Status;
  sources: readonly Source[];
}

/** Records a status update on a milestone: status, date with its precision, rationale and sources. */
export function StatusUpdateForm(props: Props) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  const id = useId();
  const previous = (field: string) => submitted(state, field);
  const chosenSources = new Set([previous("sources") ?? []].flat());
  return (
    <form action={formAction} className="mt-3 grid gap-3 rounded-lg border border-rule bg-stone-50 p-3">
      <input type="hidden" name="org" value={props.org} />
      <input type="hidden" name="agreement" value={props.agreement} />
      <input type="hidden" name="commitment" value={props.commitment} />
      <input type="hidden" name="milestone" value={props.milestone} />
      <input type="hidden" name="expectedVersion" value={props.expectedVersion} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-status`} className="block text-sm font-medium">
            Status
          </label>
          <select
            id={`${id}-status`}
            name="status"
            defaultValue={String(previous("status") ?? props.currentStatus)}
            aria-describedby={`${id}-status-error`}
            className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldErrors state={state} field="status" id={`${id}-status-error`} />
        </div>
        <TextField
          state={state}
          idPrefix={id}
          name="on"
          label="Date (2025-11-21, 2025-11, 2025-Q4 or 2025)"
          required
          className={fieldClass}
        />
      </div>
      <TextField
        state={state}
        idPrefix={id}
        name="rationale"
        label="Rationale"
        rows={2}
        required
        className={fieldClass}
      />
      <fieldset aria-describedby={`${id}-sources-error`}>
        <legend className="text-sm font-medium">Sources (at least one unless not started)</legend>
        {props.sources.length === 0 ? <p className="text-sm text-muted">The organisation has no sources yet.</p> : null}
        <ul className="mt-1 grid gap-1">
          {props.sources.map((source) => (
            <li key={source.id}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="sources"
                  value={source.id}
                  defaultChecked={chosenSources.has(source.id)}
                  className="mt-1"
                />
                <span>
                  {source.outlet}: {source.title}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors state={state} field="sources" id={`${id}-sources-error`} />
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Record status update"}
        </button>
        <FormMessage state={state} id={`${id}-message`} />
      </div>
    </form>
  );
}
