/**
 * The public export (spec/interchange.md, "Export behaviour"): published agreements only, and only the sources they
 * cite.
 */
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName, isCountryCode } from "@/lib/domain/countries";
import { formatIssues, parseInterchange, publicDataset, serializeInterchange } from "@/lib/domain/interchange";
import type { Dataset } from "@/lib/domain/types";

const source = (id: string) => ({ id, outlet: "Outlet", title: `Title of ${id}`, published: "2025-11", kind: "DATA" });

/** A published agreement citing sources in each of the four places, a draft citing its own, and an uncited one. */
function dataset(): Dataset {
  const result = parseInterchange({
    format: "accordwatch/v1",
    sources: [
      source("by-status"),
      source("by-deadline"),
      source("by-evidence"),
      source("by-observation"),
      source("draft-only"),
      source("cited-by-nothing"),
    ],
    agreements: [
      {
        slug: "public-one",
        title: "Public",
        summary: "Published.",
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: true,
        commitments: [
          {
            id: "c",
            title: "Commitment",
            description: "",
            responsible: "joint",
            owner: "Both",
            milestones: [
              {
                id: "m",
                title: "Milestone",
                owner: "Both",
                deadlineChanges: [{ on: "2025-11", to: "2025-12", reason: "Moved", sources: ["by-deadline"] }],
                statusUpdates: [{ on: "2025-11", status: "IN_PROGRESS", rationale: "Going", sources: ["by-status"] }],
                evidence: [{ source: "by-evidence", stance: "SUPPORTS", quote: "Quoted" }],
              },
            ],
            indicators: [
              {
                id: "i",
                title: "Indicator",
                unit: "people",
                observations: [{ on: "2025-11", value: 1, source: "by-observation", quote: "one" }],
              },
            ],
          },
        ],
      },
      {
        slug: "a-draft",
        title: "Draft",
        summary: "Not published.",
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: false,
        commitments: [
          {
            id: "c",
            title: "Commitment",
            description: "",
            responsible: "GB",
            owner: "Home Office",
            milestones: [
              {
                id: "m",
                title: "Milestone",
                owner: "Home Office",
                deadlineChanges: [],
                statusUpdates: [
                  { on: "2025-11", status: "COMPLETE", rationale: "Done", sources: ["draft-only", "by-status"] },
                ],
                evidence: [],
              },
            ],
          },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(formatIssues(result.errors));
  return result.dataset;
}

describe("the public dataset", () => {
  it("keeps published agreements only", () => {
    expect(publicDataset(dataset()).agreements.map((a) => a.slug)).toEqual(["public-one"]);
  });

  it("keeps the sources cited by a status update, a deadline change, evidence or an observation, and no other", () => {
    expect(publicDataset(dataset()).sources.map((s) => s.id)).toEqual([
      "by-deadline",
      "by-evidence",
      "by-observation",
      "by-status",
    ]);
  });

  it("is empty when nothing is published", () => {
    const d = dataset();
    const none = publicDataset({ ...d, agreements: d.agreements.filter((a) => a.published === false) });
    expect(none).toEqual({ sources: [], agreements: [] });
  });

  it("is itself a valid document that round-trips", () => {
    const text = serializeInterchange(publicDataset(dataset()));
    const again = parseInterchange(JSON.parse(text));
    expect(again.ok && serializeInterchange(again.dataset)).toBe(text);
  });
});

describe("the ISO 3166-1 alpha-2 codes", () => {
  it("are the 249 officially assigned codes, in order", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });

  it("accept the parties of the demo and refuse reserved, user-assigned and lower-case codes", () => {
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("FR")).toBe(true);
    for (const code of ["UK", "EU", "XK", "ZZ", "FX", "gb", "GBR", "", "constructor"]) {
      expect(isCountryCode(code), code).toBe(false);
    }
  });

  it("have English names for display", () => {
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("FR")).toBe("France");
    expect(countryName("UK")).toBe("UK");
  });
});
