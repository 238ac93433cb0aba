"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage, submitted } from "./FormMessage";

/** One choice of a select or a group of checkboxes. */
export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

interface FieldBase {
  /** The form field's name: the command input's path (`title`, `settings.staleAfterDays`, `parties[0]`). */
  readonly name: string;
  readonly label: string;
  /** A short help text under the field, read with it by screen readers. */
  readonly hint?: string;
  readonly required?: boolean;
  /** Spans the whole row of a two-column form. */
  readonly wide?: boolean;
}

/**
 * A field of an editing form, as plain data: a server page describes its form with these, so that every editing
 * form labels, describes, marks and refills its fields in one way.
 */
export type FieldSpec =
  | (FieldBase & { readonly kind: "text"; readonly initial?: string; readonly rows?: number })
  | (FieldBase & { readonly kind: "number"; readonly initial?: number | null; readonly step?: string })
  | (FieldBase & { readonly kind: "select"; readonly options: readonly FieldOption[]; readonly initial?: string })
  | (FieldBase & {
      readonly kind: "checkboxes";
      readonly options: readonly FieldOption[];
      readonly initial?: readonly string[];
      /** Shown when there is nothing to choose from. */
      readonly empty?: string;
    });

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  /** The record's address and version, sent back unchanged. */
  hidden: Readonly<Record<string, string | number>>;
  fields: readonly FieldSpec[];
  submitLabel: string;
  /** Names the form for assistive technologies (e.g. "Edit milestone Deploy the unit"). */
  label: string;
  /** Two columns on wide screens. */
  columns?: boolean;
}

const inputClass =
  "mt-1 w-full rounded border border-stone-500 bg-white px-2 py-1.5 text-ink aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

/**
 * An editing form of the workspace, described by its fields. Every field has its label, its hint and its errors
 * beside it (linked by aria-describedby, announced); after a refusal it shows what was typed; errors on a part of a
 * field (`sources[1]`) show under the field, and errors on no field under the form, so that none is hidden. When the
 * record changed under the form, the values it holds now are listed under the message.
 */
export function EditorForm({ action, hidden, fields, submitLabel, label, columns }: Props) {
  const t = useTranslations("editor.form");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = useId();
  const names = fields.map((field) => field.name);
  const unplaced =
    state.status === "error"
      ? Object.entries(state.fieldErrors).filter(([path]) => !names.some((name) => belongsTo(path, name)))
      : [];
  return (
    <form
      action={formAction}
      aria-label={label}
      className="mt-3 grid gap-3 rounded-lg border border-rule bg-stone-50 p-3"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={columns ? "grid gap-3 sm:grid-cols-2" : "grid gap-3"}>
        {fields.map((field) => (
          <div key={field.name} className={columns && field.wide ? "sm:col-span-2" : undefined}>
            <Field field={field} state={state} idPrefix={id} />
          </div>
        ))}
      </div>
      {unplaced.length > 0 ? (
        <ul className="text-sm text-red-800">
          {unplaced.map(([path, messages]) => (
            <li key={path}>
              {path === "" ? messages.join(" ") : t("pathError", { path, message: messages.join(" ") })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("saving") : submitLabel}
        </button>
        <FormMessage state={state} id={`${id}-message`} />
      </div>
      {state.status === "error" && state.current !== undefined ? (
        <CurrentValues current={state.current} fields={fields} />
      ) : null}
    </form>
  );
}

/** Whether an error at `path` is about the field `name` (itself, an element or a member of it). */
function belongsTo(path: string, name: string): boolean {
  return path === name || path.startsWith(`${name}[`) || path.startsWith(`${name}.`);
}

function Field({ field, state, idPrefix }: { field: FieldSpec; state: ActionState; idPrefix: string }) {
  const t = useTranslations("editor.form");
  const id = `${idPrefix}-${field.name}`;
  const errorId = `${id}-error`;
  const hintId = field.hint ? `${id}-hint` : null;
  const messages =
    state.status === "error"
      ? Object.entries(state.fieldErrors)
          .filter(([path]) => belongsTo(path, field.name))
          .flatMap(([path, list]) =>
            path === field.name ? list : list.map((m) => t("pathError", { path, message: m })),
          )
      : [];
  const describedBy = hintId ? `${hintId} ${errorId}` : errorId;
  const typed = submitted(state, field.name);
  const invalid = messages.length > 0 ? true : undefined;
  const hint = hintId ? (
    <p id={hintId} className="mt-1 text-sm text-muted">
      {field.hint}
    </p>
  ) : null;
  const errors = (
    <p id={errorId} aria-live="polite" className="text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );

  if (field.kind === "checkboxes") {
    const chosen = new Set(typed === undefined ? (field.initial ?? []) : [typed].flat());
    return (
      <fieldset aria-describedby={describedBy}>
        <legend className="text-sm font-medium">{field.label}</legend>
        {field.options.length === 0 ? (
          <p className="text-sm text-muted">{field.empty ?? t("nothingToChoose")}</p>
        ) : null}
        <ul className="mt-1 grid max-h-64 gap-1 overflow-y-auto">
          {field.options.map((option) => (
            <li key={option.value}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={field.name}
                  value={option.value}
                  defaultChecked={chosen.has(option.value)}
                  className="mt-1"
                />
                <span>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
        {hint}
        {errors}
      </fieldset>
    );
  }

  const initial = field.kind === "number" ? (field.initial == null ? "" : String(field.initial)) : field.initial;
  const common = {
    id,
    name: field.name,
    defaultValue: typed === undefined ? initial : String(typed),
    required: field.required,
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  let control;
  if (field.kind === "select") {
    control = (
      <select {...common}>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === "number") {
    control = <input {...common} type="text" inputMode="decimal" />;
  } else if (field.rows) {
    control = <textarea {...common} rows={field.rows} />;
  } else {
    control = <input {...common} type="text" />;
  }
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
      </label>
      {control}
      {hint}
      {errors}
    </>
  );
}

/** The record as it is now (a conflict's `current`), one line per field, labelled as the form labels it. */
function CurrentValues({ current, fields }: { current: unknown; fields: readonly FieldSpec[] }) {
  const t = useTranslations("editor.form");
  const labels = new Map(fields.map((field) => [field.name, field.label]));
  const rows = flatten(current, "").filter(([path]) => path !== "version");
  return (
    <section aria-label={t("currentValues")} className="rounded border border-amber-600 bg-amber-50 p-2 text-sm">
      <h4 className="font-semibold">{t("currentValuesHeading")}</h4>
      <dl className="mt-1 grid gap-x-3 sm:grid-cols-[max-content_1fr]">
        {rows.map(([path, value]) => (
          <div key={path} className="contents">
            <dt className="font-medium">{labels.get(path) ?? path}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** `{settings: {staleAfterDays: 45}, parties: ["GB", "FR"]}` → `[["settings.staleAfterDays", "45"], ["parties", "GB, FR"]]`. */
function flatten(value: unknown, path: string): Array<[string, string]> {
  if (value === null || value === undefined) return [[path, "—"]];
  if (Array.isArray(value)) return [[path, value.map((v) => String(v)).join(", ") || "—"]];
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => flatten(v, path === "" ? key : `${path}.${key}`));
  }
  return [[path, String(value)]];
}
