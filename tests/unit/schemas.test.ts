/**
 * The input schema of every editing command (lib/data/commands registry): generated inputs never make parsing
 * throw, a refused input always yields messages by field path, and a few exact cases per schema.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commands } from "@/lib/data/commands";
import { formatTimestamp } from "@/lib/data/commands/shared";
import { commandSchemas, parseInput, type CommandName, type FieldErrors } from "@/lib/domain/schemas";
import { formatPath } from "@/lib/domain/interchange/issues";
import { anyValue, expectFieldLevel, RUNS } from "../support/property";

const UUID = "0196b2a4-7c1e-7d3a-9f00-0a1b2c3d4e5f";
const MILESTONE = { agreement: "uk-france-2025", commitment: "returns", milestone: "enact-scheme" };

/** One valid input of every command. */
const valid: Record<CommandName, Record<string, unknown>> = {
  createAgreement: {
    slug: "uk-france-2025",
    title: "UK–France measures",
    summary: "What was agreed.",
    parties: ["GB", "FR"],
    announced: "2025-07",
    published: false,
    settings: { staleAfterDays: 45, warnBeforeDays: 14 },
  },
  updateAgreement: {
    agreement: "uk-france-2025",
    expectedVersion: 3,
    title: "UK–France measures",
    summary: "What was agreed.",
    parties: ["GB", "FR"],
    announced: "2025-Q3",
    settings: { staleAfterDays: 45, warnBeforeDays: 14 },
  },
  setAgreementPublished: { agreement: "uk-france-2025", expectedVersion: 1, published: true },
  createCommitment: {
    agreement: "uk-france-2025",
    id: "returns",
    title: "One in, one out",
    description: "",
    responsible: "joint",
    owner: "Home Office",
    tags: ["returns"],
    weight: 1,
  },
  updateCommitment: {
    agreement: "uk-france-2025",
    commitment: "returns",
    expectedVersion: 2,
    title: "One in, one out",
    description: "More.",
    responsible: "GB",
    owner: "Home Office",
    tags: [],
    weight: 0.5,
  },
  createMilestone: {
    agreement: "uk-france-2025",
    commitment: "returns",
    id: "enact-scheme",
    title: "Scheme enacted",
    owner: "Home Office",
    deadline: "2025-09",
  },
  updateMilestone: { ...MILESTONE, expectedVersion: 1, title: "Scheme enacted", owner: "Home Office", deadline: null },
  moveMilestone: { ...MILESTONE, expectedVersion: 1, position: 0 },
  recordStatusUpdate: {
    ...MILESTONE,
    expectedVersion: 4,
    on: "2025-09-18",
    status: "COMPLETE",
    rationale: "The first removal took place.",
    sources: ["times-2025-11"],
  },
  recordDeadlineChange: {
    ...MILESTONE,
    on: "2025-11",
    to: "2026",
    reason: "Put back.",
    sources: ["times-2025-11", "bbc-2025-10-23"],
  },
  createSource: {
    id: "times-2025-11",
    url: "https://www.thetimes.com/a",
    outlet: "The Times",
    title: "[A report]",
    published: "2025-11",
    kind: "MEDIA_REPORT",
  },
  updateSource: {
    source: "times-2025-11",
    expectedVersion: 1,
    url: null,
    outlet: "The Times",
    title: "[A report]",
    published: "2025-11-21",
    kind: "PARLIAMENTARY_RECORD",
  },
  linkEvidence: { ...MILESTONE, source: "times-2025-11", stance: "SUPPORTS", quote: "153 migrants" },
  updateEvidence: { ...MILESTONE, evidence: UUID, expectedVersion: 1, stance: "CONTRADICTS", quote: "Q." },
  removeEvidence: { ...MILESTONE, evidence: UUID, expectedVersion: 2, reason: "Linked in error." },
  createIndicator: {
    agreement: "uk-france-2025",
    commitment: "returns",
    id: "people-removed",
    title: "People removed",
    unit: "people",
    target: 800,
  },
  recordObservation: {
    agreement: "uk-france-2025",
    commitment: "returns",
    indicator: "people-removed",
    expectedVersion: 1,
    on: "2025-11",
    value: 153,
    source: "times-2025-11",
    quote: "153 migrants",
  },
};

/** Exact cases: an input (the valid one with these fields changed, `undefined` removing one) and its messages. */
const exact: Record<CommandName, Array<[string, Record<string, unknown>, FieldErrors | "ok"]>> = {
  createAgreement: [
    ["fills in the defaults", { published: undefined, settings: undefined }, "ok"],
    [
      "refuses twice the same party",
      { parties: ["GB", "GB"] },
      { "parties[1]": ['duplicate party "GB" (also at [0])'] },
    ],
    [
      "refuses a party that is not an ISO code",
      { parties: ["GB", "UK"] },
      { "parties[1]": ['expected an ISO 3166-1 alpha-2 country code such as "GB", got "UK"'] },
    ],
    [
      "refuses three parties",
      { parties: ["GB", "FR", "DE"] },
      { parties: ["expected exactly 2 party codes, got 3 items"] },
    ],
    [
      "refuses a month 13",
      { announced: "2025-13" },
      { announced: ['expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-13"'] },
    ],
    [
      "refuses a slug with capitals",
      { slug: "UK-France" },
      { slug: ['expected a slug of 1 to 80 characters a-z, 0-9 or "-", got "UK-France"'] },
    ],
    [
      "refuses settings out of range",
      { settings: { staleAfterDays: 0, warnBeforeDays: 366 } },
      {
        "settings.staleAfterDays": ["expected a whole number from 1 to 3650, got 0"],
        "settings.warnBeforeDays": ["expected a whole number from 0 to 365, got 366"],
      },
    ],
    ["refuses an unknown field", { id: "x" }, { id: ['unknown field "id"'] }],
  ],
  updateAgreement: [
    [
      "needs the version the form was loaded with",
      { expectedVersion: undefined },
      {
        expectedVersion: [
          "expected the version of the record as it was loaded (a whole number of at least 1), got nothing (the field is missing)",
        ],
      },
    ],
    [
      "needs both settings",
      { settings: { staleAfterDays: 10 } },
      { "settings.warnBeforeDays": ["expected a whole number from 0 to 365, got nothing (the field is missing)"] },
    ],
    ["does not publish (its own command does)", { published: true }, { published: ['unknown field "published"'] }],
  ],
  setAgreementPublished: [
    ["takes a boolean", { published: "yes" }, { published: ['expected true or false, got "yes"'] }],
    [
      "takes a whole version",
      { expectedVersion: 1.5 },
      {
        expectedVersion: [
          "expected the version of the record as it was loaded (a whole number of at least 1), got 1.5",
        ],
      },
    ],
  ],
  createCommitment: [
    ["fills in the defaults", { description: undefined, tags: undefined, weight: undefined }, "ok"],
    ["refuses a weight of 0", { weight: 0 }, { weight: ["expected a number greater than 0 and at most 1000, got 0"] }],
    [
      "refuses an empty owner",
      { owner: "  " },
      { owner: ["expected a non-empty text of at most 300 characters, got an empty string"] },
    ],
  ],
  updateCommitment: [
    [
      "needs every field (a form saves all it shows)",
      { tags: undefined },
      { tags: ["expected an array of at most 20 tags, got nothing (the field is missing)"] },
    ],
    [
      "refuses an empty responsible",
      { responsible: "" },
      { responsible: ['expected one of the agreement\'s parties or "joint", got an empty string'] },
    ],
  ],
  createMilestone: [
    ["takes no deadline", { deadline: undefined }, "ok"],
    ["takes a quarter", { deadline: "2025-Q4" }, "ok"],
    [
      "refuses a day that does not exist",
      { deadline: "2025-02-30" },
      { deadline: ['expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-02-30"'] },
    ],
  ],
  updateMilestone: [
    ["sets a deadline", { deadline: "2026" }, "ok"],
    [
      "needs the deadline said, even when there is none",
      { deadline: undefined },
      { deadline: ["expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got nothing (the field is missing)"] },
    ],
  ],
  moveMilestone: [
    [
      "refuses a negative position",
      { position: -1 },
      { position: ["expected a position in the commitment's list, from 0, got -1"] },
    ],
    [
      "refuses a fractional position",
      { position: 0.5 },
      { position: ["expected a position in the commitment's list, from 0, got 0.5"] },
    ],
  ],
  recordStatusUpdate: [
    ["takes NOT_STARTED without a source", { status: "NOT_STARTED", sources: [] }, "ok"],
    ["leaves the version check out when not given", { expectedVersion: undefined }, "ok"],
    [
      "needs a source for any other status",
      { status: "IN_PROGRESS", sources: [] },
      { sources: ["expected at least one source: a status of IN_PROGRESS cites what it relies on"] },
    ],
    [
      "reports every field at once, the missing source too",
      { status: "PARTIAL", sources: [], rationale: "" },
      {
        rationale: ["expected a non-empty text of at most 10000 characters, got an empty string"],
        sources: ["expected at least one source: a status of PARTIAL cites what it relies on"],
      },
    ],
    [
      "refuses a status that is not one",
      { status: "DONE" },
      { status: ['expected one of NOT_STARTED, IN_PROGRESS, COMPLETE, PARTIAL, ABANDONED, got "DONE"'] },
    ],
    ["refuses a source cited twice", { sources: ["a", "a"] }, { "sources[1]": ['duplicate source "a" (also at [0])'] }],
  ],
  recordDeadlineChange: [
    ["needs a source", { sources: [] }, { sources: ["expected at least one source, got none"] }],
    [
      "needs a reason",
      { reason: undefined },
      { reason: ["expected a non-empty text of at most 10000 characters, got nothing (the field is missing)"] },
    ],
    [
      "refuses a quarter 5",
      { to: "2026-Q5" },
      { to: ['expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2026-Q5"'] },
    ],
  ],
  createSource: [
    ["takes no URL", { url: undefined }, "ok"],
    [
      "refuses a javascript: URL",
      { url: "javascript:alert(1)" },
      { url: ['expected an http or https URL of at most 2000 characters, got "javascript:alert(1)"'] },
    ],
    [
      "refuses an ftp URL",
      { url: "ftp://example.com/a" },
      { url: ['expected an http or https URL of at most 2000 characters, got "ftp://example.com/a"'] },
    ],
    [
      "refuses an unknown kind",
      { kind: "BLOG" },
      {
        kind: [
          'expected one of OFFICIAL_DOCUMENT, STATEMENT, MEDIA_REPORT, LEAK, DATA, PARLIAMENTARY_RECORD, got "BLOG"',
        ],
      },
    ],
  ],
  updateSource: [
    ["takes a URL", { url: "http://example.com/" }, "ok"],
    ["takes no URL", { url: undefined }, "ok"],
    ["does not rename a source", { id: "other" }, { id: ['unknown field "id"'] }],
  ],
  linkEvidence: [
    [
      "refuses an unknown stance",
      { stance: "AGREES" },
      { stance: ['expected one of SUPPORTS, INDICATES_DELAY, CONTRADICTS, NEUTRAL, got "AGREES"'] },
    ],
    [
      "refuses a blank quote",
      { quote: " \n " },
      { quote: ["expected a non-empty text of at most 10000 characters, got an empty string"] },
    ],
  ],
  updateEvidence: [
    [
      "refuses an id that is not one",
      { evidence: "1" },
      { evidence: ['expected the id of an evidence link, got "1"'] },
    ],
  ],
  removeEvidence: [
    [
      "needs a reason",
      { reason: "" },
      { reason: ["expected a non-empty text of at most 10000 characters, got an empty string"] },
    ],
  ],
  createIndicator: [
    ["takes no target", { target: undefined }, "ok"],
    ["refuses an infinite target", { target: Infinity }, { target: ["expected a finite number, got Infinity"] }],
  ],
  recordObservation: [
    ["takes a negative value", { value: -3.25 }, "ok"],
    ["refuses NaN", { value: Number.NaN }, { value: ["expected a finite number, got NaN"] }],
    ["refuses a number in a string", { value: "153" }, { value: ['expected a finite number, got "153"'] }],
    [
      "needs a source",
      { source: undefined },
      { source: ['expected an id of 1 to 80 characters a-z, 0-9 or "-", got nothing (the field is missing)'] },
    ],
    [
      "needs a quote",
      { quote: "" },
      { quote: ["expected a non-empty text of at most 10000 characters, got an empty string"] },
    ],
  ],
};

function withChanges(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete input[key];
    else input[key] = value;
  }
  return input;
}

describe("the conflict message", () => {
  it("says when in UTC, to the minute", () => {
    expect(formatTimestamp(new Date("2025-11-23T14:05:59.999Z"))).toBe("23 November 2025, 14:05 UTC");
    expect(formatTimestamp(new Date("2026-01-02T00:00:00Z"))).toBe("2 January 2026, 00:00 UTC");
  });
});

describe("the registry of commands", () => {
  it("pairs every command with the schema of the same name", () => {
    expect(commands.map((c) => c.name)).toEqual(Object.keys(commandSchemas));
    for (const command of commands) expect(command.schema).toBe(commandSchemas[command.name]);
    expect(Object.keys(valid).sort()).toEqual(Object.keys(commandSchemas).sort());
  });
});

describe.each(commands.map((c) => [c.name, c.schema] as const))("the input of %s", (name, schema) => {
  const example = valid[name];
  const fields = Object.keys(schema instanceof Object && "shape" in schema ? (schema.shape as object) : example);

  it("accepts its valid example", () => {
    expect(parseInput(schema, example)).toMatchObject({ ok: true });
  });

  it(`never throws on ${RUNS} arbitrary values, and refuses with field-level messages`, () => {
    // Objects with the schema's own field names reach the field rules, not only "expected an object".
    const shaped = fc.dictionary(fc.constantFrom(...fields, "__proto__", "constructor", "extra"), anyValue);
    fc.assert(
      fc.property(fc.oneof(anyValue, shaped), (input) => {
        const parsed = parseInput(schema, input);
        if (!parsed.ok) expectFieldLevel(input, parsed.fieldErrors);
      }),
      { numRuns: RUNS },
    );
  });

  it(`reports a change to one field of a valid input at that field (${RUNS} mutations)`, () => {
    const mutation = fc.oneof(
      fc.record({ field: fc.constantFrom(...Object.keys(example)), value: anyValue }),
      fc.record({ field: fc.constantFrom(...Object.keys(example)), value: fc.constant(undefined) }),
      fc.record({
        field: fc.string({ minLength: 1 }).filter((key) => !fields.includes(key) && key !== "__proto__"),
        value: anyValue,
      }),
    );
    fc.assert(
      fc.property(mutation, ({ field, value }) => {
        const input = withChanges(example, { [field]: value });
        if (value === undefined) delete input[field];
        const parsed = parseInput(schema, input);
        if (parsed.ok) return;
        expectFieldLevel(input, parsed.fieldErrors);
        const at = formatPath([field]);
        for (const path of Object.keys(parsed.fieldErrors)) {
          expect(path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`), `${path} under ${at}`).toBe(
            true,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each(exact[name])("%s", (_title, changes, expected) => {
    const parsed = parseInput(schema, withChanges(example, changes));
    if (expected === "ok") expect(parsed).toMatchObject({ ok: true });
    else expect(parsed).toEqual({ ok: false, fieldErrors: expected });
  });

  it("refuses what is not an object as a whole", () => {
    expect(parseInput(schema, null)).toEqual({ ok: false, fieldErrors: { "": ["expected an object, got null"] } });
    expect(parseInput(schema, [example])).toEqual({
      ok: false,
      fieldErrors: { "": ["expected an object, got 1 item"] },
    });
  });
});
