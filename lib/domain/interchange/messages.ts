/**
 * Error messages of the interchange format: every message says what was expected and what was got.
 */
import type { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

const SHOWN_CHARS = 60;

/** A value as a reader should see it in a message: `"DONE"`, `0`, `null`, `an object`, `3 items`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (typeof value === "string") {
    if (value.trim() === "") return value === "" ? "an empty string" : "a blank string";
    const chars = Array.from(value);
    if (chars.length > SHOWN_CHARS) return `a text of ${chars.length} characters`;
    return JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.length === 1 ? "1 item" : `${value.length} items`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** `GB, FR` from a list of allowed values. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

export function unknownFieldMessage(key: string): string {
  return `unknown field ${JSON.stringify(key)}`;
}

/** The message of an issue raised by a schema whose expectation is `expected` ("a string", "one of A, B"). */
export function expectationMessage(issue: RawIssue, expected: string): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.length === 1
      ? unknownFieldMessage(String(issue.keys[0]))
      : `unknown fields ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  }
  if (issue.code === "custom" && typeof issue.message === "string" && issue.message !== "") return issue.message;
  return `expected ${expected}, got ${describeValue(issue.input)}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a finite number",
  int: "a whole number",
  boolean: "true or false",
  array: "an array",
  object: "an object",
};

/**
 * A fallback error map for issues whose schema did not say what it expects (none in interchangeSchema, but it keeps
 * every message in the same form should one be added without one).
 */
export function fallbackErrorMap(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return expectationMessage(issue, TYPE_NAMES[issue.expected] ?? `a value of type ${issue.expected}`);
    case "invalid_value":
      return expectationMessage(
        issue,
        issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${listValues(issue.values)}`,
      );
    case "unrecognized_keys":
      return expectationMessage(issue, "");
    case "too_small":
      return expectationMessage(issue, `${issue.origin} of at least ${String(issue.minimum)}`);
    case "too_big":
      return expectationMessage(issue, `${issue.origin} of at most ${String(issue.maximum)}`);
    default:
      return undefined;
  }
}
