/**
 * What a server action gives back to its form. Plain data and pure helpers only: client components import this.
 */
import type { FieldErrors } from "@/lib/domain/schemas/parse";

export type ActionState =
  | { readonly status: "idle" }
  | { readonly status: "ok"; readonly message: string }
  | {
      readonly status: "error";
      readonly message: string;
      readonly fieldErrors: FieldErrors;
      /** When the record changed under the form: what it holds now. */
      readonly current?: unknown;
      /** What the user submitted, so the form shows it again instead of losing it. */
      readonly values?: Readonly<Record<string, string | readonly string[]>>;
    };

export const IDLE: ActionState = { status: "idle" };

/** The submitted fields of a form (repeated names as arrays), to give back with an error. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return values;
}
