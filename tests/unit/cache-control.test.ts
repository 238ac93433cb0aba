import { describe, expect, it } from "vitest";
import {
  AFTER_TODAY,
  AFTER_TODAY_MESSAGE,
  asOfSegment,
  BEFORE_EARLIEST,
  BEFORE_EARLIEST_MESSAGE,
  EARLIEST_DAY,
  INVALID_DAY,
  INVALID_DAY_MESSAGE,
  resolveAsOfSegment,
} from "@/lib/domain/schemas/as-of";
import { cachedPagePath, isUncachedPublicPage, sharedCacheExpiry } from "@/lib/http/cache-control";

const TODAY = "2025-11-21";

describe("cachedPagePath: where proxy.ts sends a page address (without its language) for a day", () => {
  it.each([
    ["/demo", "/asof/2025-11-21/demo"],
    ["/demo/uk-france", "/asof/2025-11-21/demo/uk-france"],
    ["/demo/uk-france/changes", "/asof/2025-11-21/demo/uk-france/changes"],
    ["/demo/uk-france/commitments/c-1", "/asof/2025-11-21/demo/uk-france/commitments/c-1"],
    [
      "/demo/uk-france/commitments/c-1/milestones/m-1",
      "/asof/2025-11-21/demo/uk-france/commitments/c-1/milestones/m-1",
    ],
    ["/demo/sources/bbc-2025", "/asof/2025-11-21/demo/sources/bbc-2025"],
    // Unknown addresses go to the cached tree too, whose not-found answers them (and is cached as briefly).
    ["/no-such-org/x/y", "/asof/2025-11-21/no-such-org/x/y"],
    // The asof tree is not reachable from outside: an address that names it is an organisation called "asof".
    ["/asof/2020-01-01/demo", "/asof/2025-11-21/asof/2020-01-01/demo"],
    ["/embed/demo/uk-france", "/embed/demo/uk-france/2025-11-21"],
  ])("%s → %s", (path, expected) => {
    expect(cachedPagePath(path, TODAY)).toBe(expected);
  });

  it.each([
    ["/", "the home page: cached by itself, it shows no day"],
    ["/w/demo", "the workspace"],
    ["/w", "the workspace"],
    ["/signin", "sign-in"],
    ["/account", "the account"],
    ["/invite/abc", "an invitation"],
    ["/api/v1/demo/agreements", "the API"],
    ["/demo/find", "the find page: its query is its own"],
    ["/demo/feed.xml", "a feed"],
    ["/demo/uk-france/feed.xml", "a feed"],
    ["/demo/uk-france/og-image.png", "the share image"],
    ["/embed/demo", "an incomplete widget address"],
  ])("%s stays where it is (%s)", (path) => {
    expect(cachedPagePath(path, TODAY)).toBeNull();
  });

  it("puts the refused day's segment in the path, never the reader's text", () => {
    expect(cachedPagePath("/demo/uk-france", asOfSegment({ asOf: "<script>" }, TODAY))).toBe(
      "/asof/invalid/demo/uk-france",
    );
  });
});

describe("isUncachedPublicPage: the public pages rendered per request, which the proxy marks cacheable", () => {
  it.each([
    ["/demo/find", true],
    ["/demo/find/x", false],
    ["/w/find", false],
    ["/demo", false],
    ["/demo/uk-france", false],
  ])("%s → %s", (path, expected) => {
    expect(isUncachedPublicPage(path)).toBe(expected);
  });
});

describe("asOfSegment and resolveAsOfSegment: the day of a cached page, through its path", () => {
  it.each([
    [{}, TODAY],
    [{ asOf: "2025-07-10" }, "2025-07-10"],
    [{ asOf: ["2025-07-10", "2025-01-01"] }, "2025-07-10"],
    [{ asOf: [] }, TODAY],
    [{ asOf: " " }, TODAY],
    [{ asOf: "2025-13-45" }, INVALID_DAY],
    [{ asOf: "yesterday" }, INVALID_DAY],
    [{ asOf: "../../etc" }, INVALID_DAY],
    [{ asOf: EARLIEST_DAY }, EARLIEST_DAY],
    [{ asOf: "2025-11-22" }, AFTER_TODAY],
    [{ asOf: "9999-12-31" }, AFTER_TODAY],
    [{ asOf: "1899-12-31" }, BEFORE_EARLIEST],
    [{ asOf: "0001-01-01" }, BEFORE_EARLIEST],
  ])("%j → %s", (query, segment) => {
    expect(asOfSegment(query, TODAY)).toBe(segment);
  });

  it("reads a day back, saying whether it is today", () => {
    expect(resolveAsOfSegment("2025-07-10", TODAY)).toEqual({ asOf: "2025-07-10", isToday: false, error: null });
    expect(resolveAsOfSegment(TODAY, TODAY)).toEqual({ asOf: TODAY, isToday: true, error: null });
  });

  it("shows today with the message for the refused segment, and for any other text in its place", () => {
    for (const segment of [INVALID_DAY, "2025-02-30", "x"]) {
      expect(resolveAsOfSegment(segment, TODAY)).toEqual({ asOf: TODAY, isToday: true, error: INVALID_DAY_MESSAGE });
    }
  });
});

describe("the days that get a cached page of their own are bounded", () => {
  it("gives every day after today one segment, and every day before the earliest another", () => {
    const segments = new Set<string>();
    for (let year = 1; year <= 9999; year += 7) {
      segments.add(asOfSegment({ asOf: `${String(year).padStart(4, "0")}-06-15` }, TODAY));
    }
    const days = [...segments].filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s));
    expect(days.every((d) => d >= EARLIEST_DAY && d <= TODAY)).toBe(true);
    expect(segments.has(AFTER_TODAY) && segments.has(BEFORE_EARLIEST)).toBe(true);
  });

  it.each([
    [AFTER_TODAY, AFTER_TODAY_MESSAGE],
    ["2025-11-22", AFTER_TODAY_MESSAGE],
    [BEFORE_EARLIEST, BEFORE_EARLIEST_MESSAGE],
    ["1899-12-31", BEFORE_EARLIEST_MESSAGE],
  ])("shows today for the segment %s, saying why", (segment, message) => {
    expect(resolveAsOfSegment(segment, TODAY)).toEqual({ asOf: TODAY, isToday: true, error: message });
  });

  it("has no message for a segment named like a property of every object", () => {
    expect(resolveAsOfSegment("constructor", TODAY).error).toBe(INVALID_DAY_MESSAGE);
  });
});

describe("sharedCacheExpiry: the end of the second an answer was made in, for nginx (X-Accel-Expires)", () => {
  it.each([
    [Date.UTC(2025, 10, 21, 12, 0, 0, 0), "@1763726400"],
    [Date.UTC(2025, 10, 21, 12, 0, 0, 999), "@1763726400"],
    [Date.UTC(2025, 10, 21, 12, 0, 1, 0), "@1763726401"],
  ])("%d ms → %s", (nowMs, expected) => {
    expect(sharedCacheExpiry(nowMs)).toBe(expected);
  });
});
