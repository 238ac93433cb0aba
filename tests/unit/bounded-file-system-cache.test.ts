/** What the ISR cache may write to disk (lib/http/bounded-file-system-cache.mjs): a bound a crawler cannot move. */
import { describe, expect, it } from "vitest";
import { daySegmentOfKey, keepsOnDisk } from "@/lib/http/bounded-file-system-cache.mjs";

const TODAY = "2025-11-21";
const page = (status?: number) => ({ kind: "APP_PAGE", html: "<html></html>", status });

describe("daySegmentOfKey: the day of a key of the day-segmented public tree", () => {
  it.each([
    ["/en/asof/2025-11-21/demo", "2025-11-21"],
    ["/fr/asof/2025-07-10/demo/uk-france/commitments/c-1/milestones/m-1", "2025-07-10"],
    ["/en/asof/invalid/demo/uk-france", "invalid"],
    ["/en/embed/demo/uk-france/2025-11-21", "2025-11-21"],
    ["/route-cache/abc/$/en/asof/2025-11-21/demo", "2025-11-21"],
    ["/en", null],
    ["/fr", null],
    ["/_not-found", null],
    ["/en/embed/demo/uk-france", null],
    ["/en/w/demo", null],
    ["https://example.org/fetch", null],
  ])("%s → %s", (key, day) => {
    expect(daySegmentOfKey(key)).toBe(day);
  });
});

describe("keepsOnDisk", () => {
  it.each([
    ["today's page", "/en/asof/2025-11-21/demo/uk-france", page(200), true],
    ["today's page with no status", "/en/asof/2025-11-21/demo/uk-france", page(), true],
    ["today's widget", "/fr/embed/demo/uk-france/2025-11-21", page(200), true],
    ["the page of a refused day (it shows today)", "/en/asof/after-today/demo/uk-france", page(200), true],
    ["a past day's page", "/en/asof/2025-11-20/demo/uk-france", page(200), false],
    ["a past day's widget", "/en/embed/demo/uk-france/2025-07-10", page(200), false],
    ["an unknown agreement's not-found page", "/en/asof/2025-11-21/demo/no-such-agreement", page(404), false],
    ["an unknown organisation's, on a refused day", "/fr/asof/invalid/nobody", page(404), false],
    ["the home page", "/en", page(200), true],
    ["the build's not-found page", "/_not-found", page(404), true],
    ["a fetch cache entry", "/en/asof/2025-11-20/x", { kind: "FETCH", data: {} }, true],
    ["nothing", "/en/asof/2025-11-20/x", null, true],
  ])("%s: %s", (_name, key, value, expected) => {
    expect(keepsOnDisk(key, value, TODAY)).toBe(expected);
  });
});
