/**
 * Parsing a command's input into field-level messages: what a form shows next to each field, and what the
 * data layer's ValidationError carries. Pure.
 */
import type { z } from "zod";
import { formatPath } from "../interchange/issues";
import { fallbackErrorMap, unknownFieldMessage } from "../interchange/messages";

/** Messages by field path (`title`, `settings.staleAfterDays`, `sources[1]`); "" is the input as a whole. */
export type FieldErrors = Record<string, string[]>;

export type ParsedInput<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/**
 * Adds a message under `path`. Paths come from the input's own keys, so "__proto__" or "constructor" must become
 * own properties, never reach the prototype.
 */
export function addFieldError(errors: FieldErrors, path: string, message: string): void {
  const messages = Object.hasOwn(errors, path) ? errors[path] : undefined;
  if (messages !== undefined) messages.push(message);
  else Object.defineProperty(errors, path, { value: [message], enumerable: true, writable: true, configurable: true });
}

/** Field errors of zod issues; an unknown field is reported at the field itself, as the interchange import does. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) addFieldError(errors, formatPath([...path, key]), unknownFieldMessage(key));
    } else {
      addFieldError(errors, formatPath(path), issue.message);
    }
  }
  return errors;
}

/** Never throws for any input: a refused input gives at least one message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParsedInput<z.output<S>> {
  const result = schema.safeParse(input, { error: fallbackErrorMap });
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors = fieldErrorsOf(result.error.issues);
  return { ok: false, fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : { "": ["invalid input"] } };
}
