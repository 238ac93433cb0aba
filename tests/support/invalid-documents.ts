/**
 * A valid accordwatch/v1 document and a table of ways to break it, each with the JSON path and message the import
 * must report. Shared by the unit tests of the format and the integration tests of the import.
 */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid document with one of everything; each case below breaks one thing in a fresh copy. */
export function validDocument(): Json {
  return {
    format: "accordwatch/v1",
    sources: [
      {
        id: "bbc-2025-10-23",
        url: "https://www.bbc.co.uk/news/example",
        outlet: "BBC",
        title: "France backing away from pledge to intercept migrant boats, sources tell BBC",
        published: "2025-10-23",
        kind: "MEDIA_REPORT",
      },
      {
        id: "times-2025-11",
        outlet: "The Times",
        title: "[Report on the UK prime minister's letter to President Macron]",
        published: "2025-11",
        kind: "MEDIA_REPORT",
      },
      { id: "uncited", outlet: "Elsewhere", title: "Not cited", published: "2025", kind: "STATEMENT" },
    ],
    agreements: [
      {
        slug: "uk-france-small-boats-2025",
        title: "UK–France measures against small-boat crossings",
        summary: "Measures agreed in July 2025.",
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: true,
        settings: { staleAfterDays: 45, warnBeforeDays: 14 },
        commitments: [
          {
            id: "maritime-interception",
            title: "French police intercept small boats in shallow water",
            description: "",
            responsible: "FR",
            owner: "French gendarmerie",
            tags: ["maritime"],
            weight: 1,
            milestones: [
              {
                id: "adopt-doctrine",
                title: "Doctrine adopted",
                owner: "French gendarmerie",
                deadlineChanges: [
                  { on: "2025-11", to: "2025-11", reason: "The prime minister's letter", sources: ["times-2025-11"] },
                ],
                statusUpdates: [
                  { on: "2025-07", status: "IN_PROGRESS", rationale: "Vowed in July", sources: ["times-2025-11"] },
                ],
                evidence: [{ source: "bbc-2025-10-23", stance: "INDICATES_DELAY", quote: "still being studied" }],
              },
              {
                id: "deploy-tactics",
                title: "Tactics deployed",
                owner: "Gendarmerie maritime",
                deadline: "2025-Q4",
                deadlineChanges: [],
                statusUpdates: [{ on: "2025-07", status: "NOT_STARTED", rationale: "Not yet", sources: [] }],
                evidence: [],
              },
            ],
            indicators: [],
          },
          {
            id: "one-in-one-out",
            title: "Returns scheme",
            description: "The returns deal with France.",
            responsible: "joint",
            owner: "Home Office",
            tags: [],
            weight: 1,
            milestones: [],
            indicators: [
              {
                id: "people-removed",
                title: "People removed to France under the scheme",
                unit: "people",
                observations: [{ on: "2025-11", value: 153, source: "times-2025-11", quote: "the 153 migrants" }],
              },
            ],
          },
        ],
      },
      {
        slug: "a-draft",
        title: "A draft",
        summary: "Not published.",
        parties: ["GB", "IE"],
        announced: "2025",
        published: false,
        commitments: [],
      },
    ],
  };
}

export const M0 = "agreements[0].commitments[0].milestones[0]";

export interface InvalidCase {
  /** The kind of mistake, as the test name. */
  readonly name: string;
  /** Breaks a fresh valid document (or returns something else entirely). */
  readonly breakIt: (doc: Json) => unknown;
  readonly path: string;
  readonly message: string;
  /** How many errors the broken document has in all (default 1). */
  readonly count?: number;
}

export const invalidCases: readonly InvalidCase[] = [
  {
    name: "a document of another format",
    breakIt: (d) => ({ ...d, format: "accordwatch/v2" }),
    path: "format",
    message: 'expected "accordwatch/v1", got "accordwatch/v2"',
  },
  {
    name: "a document without its format",
    breakIt: ({ format: _format, ...d }) => d,
    path: "format",
    message: 'expected "accordwatch/v1", got nothing',
  },
  { name: "an array instead of an object", breakIt: () => [], path: "", message: "expected an object, got 0 items" },
  {
    name: "a string instead of an object",
    breakIt: () => "hello",
    path: "",
    message: 'expected an object, got "hello"',
  },
  { name: "null instead of a document", breakIt: () => null, path: "", message: "expected an object, got null" },
  {
    name: "a status update citing an undefined source",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].sources = ["bbc-x"]),
    path: `${M0}.statusUpdates[0].sources[0]`,
    message: 'source "bbc-x" is not defined in sources',
  },
  {
    name: "a deadline change citing an undefined source",
    breakIt: (d) => void d.agreements[0].commitments[0].milestones[0].deadlineChanges[0].sources.push("le-monde"),
    path: `${M0}.deadlineChanges[0].sources[1]`,
    message: 'source "le-monde" is not defined in sources',
  },
  {
    name: "evidence citing an undefined source",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].evidence[0].source = "bbc-2025-10-24"),
    path: `${M0}.evidence[0].source`,
    message: 'source "bbc-2025-10-24" is not defined in sources',
  },
  {
    name: "an observation citing an undefined source",
    breakIt: (d) => void (d.agreements[0].commitments[1].indicators[0].observations[0].source = "home-office"),
    path: "agreements[0].commitments[1].indicators[0].observations[0].source",
    message: 'source "home-office" is not defined in sources',
  },
  {
    name: "a status update citing the same source twice",
    breakIt: (d) => void d.agreements[0].commitments[0].milestones[0].statusUpdates[0].sources.push("times-2025-11"),
    path: `${M0}.statusUpdates[0].sources[1]`,
    message:
      'duplicate source "times-2025-11" (also at agreements[0].commitments[0].milestones[0].statusUpdates[0].sources[0])',
  },
  {
    name: "a javascript: URL",
    breakIt: (d) => void (d.sources[0].url = "javascript:alert(1)"),
    path: "sources[0].url",
    message: 'expected an http or https URL of at most 2000 characters, got "javascript:alert(1)"',
  },
  {
    name: "a data: URL",
    breakIt: (d) => void (d.sources[0].url = "data:text/html,<script>alert(1)</script>"),
    path: "sources[0].url",
    message: "expected an http or https URL",
  },
  {
    name: "an ftp: URL",
    breakIt: (d) => void (d.sources[0].url = "ftp://example.org/file"),
    path: "sources[0].url",
    message: 'expected an http or https URL of at most 2000 characters, got "ftp://example.org/file"',
  },
  {
    name: "a relative URL",
    breakIt: (d) => void (d.sources[0].url = "/news/uk-123"),
    path: "sources[0].url",
    message: 'got "/news/uk-123"',
  },
  {
    name: "a URL without a host",
    breakIt: (d) => void (d.sources[0].url = "https:///path"),
    path: "sources[0].url",
    message: "expected an http or https URL",
  },
  {
    name: "a third party",
    breakIt: (d) => void d.agreements[0].parties.push("DE"),
    path: "agreements[0].parties",
    message: "expected exactly 2 party codes, got 3 items",
  },
  {
    name: "a single party",
    breakIt: (d) => void (d.agreements[1].parties = ["GB"]),
    path: "agreements[1].parties",
    message: "expected exactly 2 party codes, got 1 item",
  },
  {
    name: "the same party twice",
    breakIt: (d) => void (d.agreements[0].parties = ["FR", "FR"]),
    path: "agreements[0].parties[1]",
    message: 'duplicate party "FR" (also at agreements[0].parties[0])',
  },
  {
    name: "a code that is not an assigned ISO 3166-1 alpha-2 code",
    breakIt: (d) => void (d.agreements[0].parties[0] = "UK"),
    path: "agreements[0].parties[0]",
    message: 'expected an ISO 3166-1 alpha-2 country code such as "GB", got "UK"',
  },
  {
    name: "a code that is not assigned, without also blaming the commitment responsible for the other party",
    breakIt: (d) => void (d.agreements[0].parties[1] = "XX"),
    path: "agreements[0].parties[1]",
    message: 'expected an ISO 3166-1 alpha-2 country code such as "GB", got "XX"',
  },
  {
    name: "a country code in lower case",
    breakIt: (d) => void (d.agreements[1].parties[1] = "ie"),
    path: "agreements[1].parties[1]",
    message: 'expected an ISO 3166-1 alpha-2 country code such as "GB", got "ie"',
  },
  {
    name: "a month 13",
    breakIt: (d) => void (d.sources[1].published = "2025-13"),
    path: "sources[1].published",
    message: 'expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-13"',
  },
  {
    name: "a 30 February",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].on = "2025-02-30"),
    path: `${M0}.statusUpdates[0].on`,
    message: 'expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-02-30"',
  },
  {
    name: "a fifth quarter",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[1].deadline = "2025-Q5"),
    path: "agreements[0].commitments[0].milestones[1].deadline",
    message: 'expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-Q5"',
  },
  {
    name: "a date written in words",
    breakIt: (d) => void (d.agreements[0].announced = "July 2025"),
    path: "agreements[0].announced",
    message: 'got "July 2025"',
  },
  {
    name: "a deadline of null instead of left out",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[1].deadline = null),
    path: "agreements[0].commitments[0].milestones[1].deadline",
    message: "expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got null",
  },
  {
    name: "a duplicate source id",
    breakIt: (d) => void (d.sources[2].id = "bbc-2025-10-23"),
    path: "sources[2].id",
    message: 'duplicate id "bbc-2025-10-23" (also at sources[0])',
  },
  {
    name: "a duplicate agreement slug",
    breakIt: (d) => void (d.agreements[1].slug = "uk-france-small-boats-2025"),
    path: "agreements[1].slug",
    message: 'duplicate slug "uk-france-small-boats-2025" (also at agreements[0])',
  },
  {
    name: "a duplicate commitment id",
    breakIt: (d) => void (d.agreements[0].commitments[1].id = "maritime-interception"),
    path: "agreements[0].commitments[1].id",
    message: 'duplicate id "maritime-interception" (also at agreements[0].commitments[0])',
  },
  {
    name: "a duplicate milestone id",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[1].id = "adopt-doctrine"),
    path: "agreements[0].commitments[0].milestones[1].id",
    message: 'duplicate id "adopt-doctrine" (also at agreements[0].commitments[0].milestones[0])',
  },
  {
    name: "a duplicate indicator id",
    breakIt: (d) => {
      const indicators = d.agreements[0].commitments[1].indicators;
      indicators.push({ ...indicators[0], observations: [] });
    },
    path: "agreements[0].commitments[1].indicators[1].id",
    message: 'duplicate id "people-removed" (also at agreements[0].commitments[1].indicators[0])',
  },
  {
    name: "an unknown field",
    breakIt: (d) => void (d.agreements[0].commitments[0].colour = "red"),
    path: "agreements[0].commitments[0].colour",
    message: 'unknown field "colour"',
  },
  {
    name: "an unknown field at the root",
    breakIt: (d) => void (d.version = 2),
    path: "version",
    message: 'unknown field "version"',
  },
  {
    name: "a missing required field",
    breakIt: (d) => void delete d.agreements[0].commitments[0].milestones[0].owner,
    path: `${M0}.owner`,
    message: "expected a non-empty text of at most 300 characters, got nothing (the field is missing)",
  },
  {
    name: "a status that does not exist",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].status = "DONE"),
    path: `${M0}.statusUpdates[0].status`,
    message: 'expected one of NOT_STARTED, IN_PROGRESS, COMPLETE, PARTIAL, ABANDONED, got "DONE"',
  },
  {
    name: "a stance that does not exist",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].evidence[0].stance = "AGREES"),
    path: `${M0}.evidence[0].stance`,
    message: 'expected one of SUPPORTS, INDICATES_DELAY, CONTRADICTS, NEUTRAL, got "AGREES"',
  },
  {
    name: "a source kind that does not exist",
    breakIt: (d) => void (d.sources[0].kind = "BLOG"),
    path: "sources[0].kind",
    message: 'expected one of OFFICIAL_DOCUMENT, STATEMENT, MEDIA_REPORT, LEAK, DATA, PARLIAMENTARY_RECORD, got "BLOG"',
  },
  {
    name: "an empty rationale",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].rationale = ""),
    path: `${M0}.statusUpdates[0].rationale`,
    message: "expected a non-empty text of at most 10000 characters, got an empty string",
  },
  {
    name: "a blank rationale",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].rationale = "  \n "),
    path: `${M0}.statusUpdates[0].rationale`,
    message: "expected a non-empty text",
  },
  {
    name: "a status other than NOT_STARTED with no sources",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].statusUpdates[0].sources = []),
    path: `${M0}.statusUpdates[0].sources`,
    message: "expected at least one source for status IN_PROGRESS (only NOT_STARTED may have none), got none",
  },
  {
    name: "an empty quote",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[0].evidence[0].quote = ""),
    path: `${M0}.evidence[0].quote`,
    message: "expected a non-empty text of at most 10000 characters, got an empty string",
  },
  {
    name: "an empty observation quote",
    breakIt: (d) => void (d.agreements[0].commitments[1].indicators[0].observations[0].quote = " "),
    path: "agreements[0].commitments[1].indicators[0].observations[0].quote",
    message: "expected a non-empty text",
  },
  {
    name: "a weight of 0",
    breakIt: (d) => void (d.agreements[0].commitments[0].weight = 0),
    path: "agreements[0].commitments[0].weight",
    message: "expected a number greater than 0 and at most 1000, got 0",
  },
  {
    name: "a negative weight",
    breakIt: (d) => void (d.agreements[0].commitments[1].weight = -1),
    path: "agreements[0].commitments[1].weight",
    message: "expected a number greater than 0 and at most 1000, got -1",
  },
  {
    name: "staleAfterDays of 0",
    breakIt: (d) => void (d.agreements[0].settings.staleAfterDays = 0),
    path: "agreements[0].settings.staleAfterDays",
    message: "expected a whole number from 1 to 3650, got 0",
  },
  {
    name: "staleAfterDays above 3650",
    breakIt: (d) => void (d.agreements[0].settings.staleAfterDays = 3651),
    path: "agreements[0].settings.staleAfterDays",
    message: "expected a whole number from 1 to 3650, got 3651",
  },
  {
    name: "warnBeforeDays that is not a whole number",
    breakIt: (d) => void (d.agreements[0].settings.warnBeforeDays = 1.5),
    path: "agreements[0].settings.warnBeforeDays",
    message: "expected a whole number from 0 to 365, got 1.5",
  },
  {
    name: "a slug with capitals and spaces",
    breakIt: (d) => void (d.agreements[0].slug = "UK France"),
    path: "agreements[0].slug",
    message: 'expected a slug of 1 to 80 characters a-z, 0-9 or "-", got "UK France"',
  },
  {
    name: "a slug longer than 80 characters",
    breakIt: (d) => void (d.agreements[1].slug = "a".repeat(81)),
    path: "agreements[1].slug",
    message: "expected a slug of 1 to 80 characters",
  },
  {
    name: "an id with characters outside a-z, 0-9 and -",
    breakIt: (d) => void (d.agreements[0].commitments[0].milestones[1].id = "deploy_tactics"),
    path: "agreements[0].commitments[0].milestones[1].id",
    message: 'expected an id of 1 to 80 characters a-z, 0-9 or "-", got "deploy_tactics"',
  },
  {
    name: "a responsible that is not a party",
    breakIt: (d) => void (d.agreements[0].commitments[0].responsible = "DE"),
    path: "agreements[0].commitments[0].responsible",
    message: 'expected one of the agreement\'s parties (GB, FR) or "joint", got "DE"',
  },
  {
    name: "a value that is not a number",
    breakIt: (d) => void (d.agreements[0].commitments[1].indicators[0].observations[0].value = "153"),
    path: "agreements[0].commitments[1].indicators[0].observations[0].value",
    message: 'expected a finite number, got "153"',
  },
  {
    name: "a value that is not finite",
    breakIt: (d) => void (d.agreements[0].commitments[1].indicators[0].observations[0].value = Infinity),
    path: "agreements[0].commitments[1].indicators[0].observations[0].value",
    message: "expected a finite number, got Infinity",
  },
  {
    name: "a target that is not a number",
    breakIt: (d) => void (d.agreements[0].commitments[1].indicators[0].target = null),
    path: "agreements[0].commitments[1].indicators[0].target",
    message: "expected a finite number, got null",
  },
  {
    name: "published that is not a boolean",
    breakIt: (d) => void (d.agreements[0].published = "yes"),
    path: "agreements[0].published",
    message: 'expected true or false, got "yes"',
  },
  {
    name: "a title longer than 300 characters",
    breakIt: (d) => void (d.agreements[0].title = "x".repeat(301)),
    path: "agreements[0].title",
    message: "expected a non-empty text of at most 300 characters, got a text of 301 characters",
  },
  {
    name: "sources that are not a list (and so cannot be cited)",
    breakIt: (d) => void (d.sources = {}),
    path: "sources",
    message: "expected an array of at most 10000 sources, got an object",
  },
  {
    name: "an agreement that is not an object",
    breakIt: (d) => void (d.agreements[1] = "a-draft"),
    path: "agreements[1]",
    message: 'expected an object, got "a-draft"',
  },
];
