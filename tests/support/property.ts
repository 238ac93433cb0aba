/**
 * What the property tests of inputs share (fast-check): any value a caller might pass, and what every refusal must
 * look like. Used by tests/unit/schemas.test.ts (the editing commands' schemas) and
 * tests/integration/input-properties.test.ts (members, comments and watchlist through the data layer).
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { FieldErrors } from "@/lib/domain/schemas";

/** Generated inputs per property. */
export const RUNS = 500;

export function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every refusal is a set of non-empty messages, each under a field path ("" only when the input is no object). */
export function expectFieldLevel(input: unknown, errors: FieldErrors): void {
  const paths = Object.keys(errors);
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) {
    if (path === "") expect(isPlainObject(input)).toBe(false);
    expect(errors[path]?.length).toBeGreaterThan(0);
    for (const message of errors[path] ?? []) {
      expect(typeof message).toBe("string");
      expect(message.trim()).not.toBe("");
    }
  }
}

/** Any value: JSON, and what JSON cannot carry (undefined, NaN, Infinity, -0, dates, null prototypes…). */
export const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.double(),
  fc.string(),
);
