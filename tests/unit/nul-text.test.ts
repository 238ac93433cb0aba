/**
 * PostgreSQL text cannot hold U+0000. Every free text an import or a form may carry refuses it by path, so that the
 * database never answers with an error nobody can act on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInterchange } from "@/lib/domain/interchange";
import { createCommitmentSchema, createSourceSchema, parseInput } from "@/lib/domain/schemas";

const demo = JSON.parse(readFileSync("data/demo.accordwatch.json", "utf8")) as {
  agreements: Array<{ commitments: Array<{ description: string; milestones: Array<{ title: string }> }> }>;
};

describe("the null character in texts", () => {
  it("is refused in an imported milestone title and commitment description, at their paths", () => {
    const document = structuredClone(demo);
    const commitment = document.agreements[0]!.commitments[0]!;
    commitment.milestones[0]!.title = "Adopt\u0000 the doctrine";
    commitment.description = "A description\u0000";
    const result = parseInterchange(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
    expect(messages["agreements[0].commitments[0].milestones[0].title"]).toMatch(/null character/);
    expect(messages["agreements[0].commitments[0].description"]).toMatch(/null character/);
  });

  it("is refused in a form's text fields, by field", () => {
    const source = parseInput(createSourceSchema, {
      id: "gazette",
      title: "Boats\u0000",
      outlet: "Gazette",
      published: "2025-11",
      kind: "MEDIA_REPORT",
    });
    expect(source.ok).toBe(false);
    if (!source.ok) expect(source.fieldErrors.title?.join(" ")).toMatch(/null character/);

    const commitment = parseInput(createCommitmentSchema, {
      agreement: "a",
      id: "c",
      title: "Patrols",
      description: "\u0000",
      responsible: "FR",
      owner: "Ministry",
    });
    expect(commitment.ok).toBe(false);
    if (!commitment.ok) expect(Object.keys(commitment.fieldErrors)).toEqual(["description"]);
  });

  it("leaves other control characters and ordinary text alone", () => {
    expect(
      parseInput(createSourceSchema, {
        id: "gazette",
        title: "Line one\nline two\ttabbed",
        outlet: "Gazette",
        published: "2025-11",
        kind: "MEDIA_REPORT",
      }).ok,
    ).toBe(true);
  });
});
