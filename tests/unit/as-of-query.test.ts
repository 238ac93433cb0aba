/** The `?asOf=` query of the scorecard and its changes page: one schema, a field message, today as the fallback. */
import { describe, expect, test } from "vitest";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";

const TODAY = "2026-01-15";

describe("resolveAsOf", () => {
  test.each([
    ["no asOf", {}, { asOf: TODAY, isToday: true, error: null }],
    ["an empty asOf (the form sent blank)", { asOf: "" }, { asOf: TODAY, isToday: true, error: null }],
    ["a blank asOf", { asOf: "  " }, { asOf: TODAY, isToday: true, error: null }],
    ["a past day", { asOf: "2025-10-31" }, { asOf: "2025-10-31", isToday: false, error: null }],
    ["a day with spaces around it", { asOf: " 2025-10-31 " }, { asOf: "2025-10-31", isToday: false, error: null }],
    ["today itself", { asOf: TODAY }, { asOf: TODAY, isToday: true, error: null }],
    [
      "a repeated parameter (the first counts)",
      { asOf: ["2025-11-21", "x"] },
      { asOf: "2025-11-21", isToday: false, error: null },
    ],
    ["other parameters only", { utm_source: "feed" }, { asOf: TODAY, isToday: true, error: null }],
    [
      "a day that does not exist",
      { asOf: "2025-13-45" },
      { asOf: TODAY, isToday: true, error: '"2025-13-45" is not a date; use YYYY-MM-DD.' },
    ],
    ["a month", { asOf: "2025-11" }, { asOf: TODAY, isToday: true, error: '"2025-11" is not a date; use YYYY-MM-DD.' }],
    [
      "words",
      { asOf: "yesterday" },
      { asOf: TODAY, isToday: true, error: '"yesterday" is not a date; use YYYY-MM-DD.' },
    ],
  ])("%s", (_name, query, expected) => {
    expect(resolveAsOf(query, TODAY)).toEqual(expected);
  });

  test("never throws, whatever the query", () => {
    for (const query of [null, undefined, 42, "asOf=2025-10-31", { asOf: 20251031 }, { asOf: [] }]) {
      expect(resolveAsOf(query, TODAY).asOf).toBe(TODAY);
    }
  });
});
