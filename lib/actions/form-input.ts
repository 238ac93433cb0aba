/**
 * Reading a submitted form into a command's input. No validation here: every value goes to the command as typed,
 * or as the JSON value it plainly is, and the command's zod schema gives the field-level messages. Pure.
 */

/** A text field; a missing field is "". */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A text field that may be left empty: undefined when it is (the command's default applies). */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = text(form, name).trim();
  return value === "" ? undefined : value;
}

/** A text field whose emptiness means "none": null when empty. */
export function nullableText(form: FormData, name: string): string | null {
  return optionalText(form, name) ?? null;
}

/** Every value of a repeated field (checkboxes). */
export function all(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === "string");
}

/** A list typed as text, one entry per comma or line: "asylum, returns" → ["asylum", "returns"]. */
export function list(form: FormData, name: string): string[] {
  return text(form, name)
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * A number field: undefined when empty; the number when the text is one; otherwise the text itself, so that the
 * schema's message quotes what was typed ("expected a number …, got "ten"").
 */
export function number(form: FormData, name: string): number | string | undefined {
  const value = text(form, name).trim();
  if (value === "") return undefined;
  const parsed = Number(value);
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) && Number.isFinite(parsed) ? parsed : value;
}

/** The version a form was loaded with (hidden field); undefined when the form sent none. */
export function version(form: FormData): number | string | undefined {
  return number(form, "expectedVersion");
}

/** The fields an agreement's create and edit forms share (agreementFields in components/workspace/editor-fields.ts). */
export function agreementInput(form: FormData) {
  return {
    title: text(form, "title"),
    summary: text(form, "summary"),
    parties: [text(form, "parties[0]"), text(form, "parties[1]")],
    announced: text(form, "announced"),
    settings: {
      staleAfterDays: number(form, "settings.staleAfterDays"),
      warnBeforeDays: number(form, "settings.warnBeforeDays"),
    },
  };
}
