/**
 * The French of the messages that validation and the data layer write in English (lib/domain/messages-fr.ts): every
 * template the sources hold and every message the schemas can give has its French, which keeps the reader's values,
 * and the English stays the contract it is (spec/interchange.md).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password";
import { vocabulary } from "@/lib/domain/labels";
import { describeValue, expectationMessage, fallbackErrorMap } from "@/lib/domain/interchange/messages";
import { frenchMessage, localiseFieldErrors, localiseMessage, localiseMessages } from "@/lib/domain/messages-fr";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { createSourceSchema } from "@/lib/domain/schemas";
import { parseInput } from "@/lib/domain/schemas/parse";
import { HEALTHS, STATUSES } from "@/lib/domain/types";
import { messageTemplates, placeholders, ROOT, type MessageTemplate } from "../support/message-templates";

type RawIssue = z.core.$ZodRawIssue;

/** French typography: a no-break space, never a plain one, before `:` `;` `?` `!` `»` and after `«`. */
const PLAIN_SPACE_BEFORE_PUNCTUATION = / [:;?!»]|« /;

function expectFrench(english: string, kept: readonly string[] = []): string {
  const french = frenchMessage(english);
  expect(french, english).not.toBe(english);
  for (const value of kept) expect(french, english).toContain(value);
  expect(french, english).not.toMatch(PLAIN_SPACE_BEFORE_PUNCTUATION);
  return french;
}

// ---- Every template of the sources ----

/**
 * Sample values for the placeholders, by the expression written in the template (`file:expression` where the same
 * expression means different things in different files). Values the reader gave or the record holds (keys, paths,
 * limits) must appear in the French as they are; those of WORDS are words of the message, which the French
 * translates (each is tried).
 */
const VALUES: Readonly<Record<string, string>> = {
  PASSWORD_MAX_LENGTH: "200",
  PASSWORD_MIN_LENGTH: "12",
  EMAIL_MAX_LENGTH: "320",
  MAX_DOCUMENT_CHARS: "5000000",
  "text.length": "5000001",
  max: "300",
  min: "1",
  "LIMITS.idChars": "80",
  "LIMITS.urlChars": "2000",
  "LIMITS.textChars": "10000",
  "LIMITS.maxWeight": "1000",
  "siblings.length - 1": "3",
  "data.position": "7",
  more: "3",
  first: "0",
  "located.line": "3",
  "located.column": "14",
  slug: "uk-france",
  id: "new-key",
  key: "bbc-1",
  commitment: "returns",
  agreement: "uk-france",
  agreementSlug: "uk-france",
  orgSlug: "demo",
  "options.agreement": "uk-france",
  "address.milestone": "pilot",
  "address.commitment": "returns",
  "address.agreement": "uk-france",
  "address.indicator": "crossings",
  "target.agreement": "uk-france",
  "target.commitment": "returns",
  "target.milestone": "pilot",
  "c.key": "returns",
  "c.responsible": "DE",
  'parties.join(", ")': "GB, FR",
  '[...new Set(partyCodes)].join(", ")': "GB, FR",
  'sortedSlugs(existing).join(", ")': "uk-france, returns-2025",
  "listValues(values)": "DONE, PARTIAL",
  "organisation.name": "Demo Org",
  "membership.user.name": "Ada Lovelace",
  "String(issue.input)": "2025-13",
  "JSON.stringify(value)": '"Not A Key"',
  "JSON.stringify(key)": '"bbc-9"',
  "JSON.stringify(party)": '"GB"',
  "JSON.stringify(responsible)": '"DE"',
  "formatPath([...base, first])": "sources[0]",
  "formatPath([...path, first])": "agreements[0].commitments[0].milestones[0].statusUpdates[1].sources[0]",
  'formatPath([...agreementPath, "parties", first])': "agreements[0].parties[0]",
  "error instanceof Error ? error.message : String(error)": "Unexpected token",
  "describeChar(ch)": '"}"',
  next: "x",
  close: "]",
  "lib/domain/interchange/references.ts:update.status": "COMPLETE",
};

const WORDS: Readonly<Record<string, readonly string[]>> = {
  'more === 1 ? "error" : "errors"': ["error", "errors"],
  "located.message": ["unexpected end of input", 'unexpected "]", expected a double-quoted property name'],
  "lib/data/health-document.ts:what": ["agreement", "published agreement"],
  "lib/data/members/last-admin.ts:what": ["removed", "demoted"],
  "lib/domain/schemas/fields.ts:what": ["party", "source"],
  "lib/domain/interchange/schema.ts:what": ["source ids", "status updates", "evidence links", "tags"],
  "lib/domain/interchange/references.ts:label": ["id", "slug"],
  "lib/domain/schemas/find.ts:label": ["search text", "owner", "tag"],
  "membership.role.toLowerCase()": ["admin", "editor", "reviewer"],
  // A form's status is said by its label in French.
  "lib/domain/schemas/milestone.ts:update.status": STATUSES.filter((s) => s !== "NOT_STARTED"),
  'COMMENT_MAX_CHARS.toLocaleString("en-GB")': ["5,000"],
  healthList: [HEALTHS.map((h) => vocabulary("en").health[h]).join(", ")],
};

/** Templates whose English a French page never shows, and who says it instead. */
const SAID_ELSEWHERE: Readonly<Record<string, string>> = {
  "Changed by ${latest.actor} at ${formatTimestamp(latest.createdAt)}; reload to see the current values.":
    "lib/actions/run-action.ts says it from the error's changedBy and changedAt (workspace.errors.changedBy)",
};

interface Sample {
  readonly english: string;
  readonly kept: readonly string[];
}

/** Every message a template can give with the samples: one per combination of WORDS. */
function samplesOf({ file, kind, template }: MessageTemplate): Sample[] {
  let samples: Sample[] = [{ english: "", kept: [] }];
  let rest = template;
  for (const expression of placeholders(template)) {
    const marker = `\${${expression}}`;
    const at = rest.indexOf(marker);
    const literal = rest.slice(0, at);
    rest = rest.slice(at + marker.length);
    const value = VALUES[`${file}:${expression}`] ?? VALUES[expression];
    const words = WORDS[`${file}:${expression}`] ?? WORDS[expression];
    if (value === undefined && words === undefined) {
      throw new Error(`${file}: no sample for \${${expression}} in "${template}" (add one to VALUES or WORDS)`);
    }
    samples = samples.flatMap((s) =>
      value !== undefined
        ? [{ english: s.english + literal + value, kept: [...s.kept, value] }]
        : (words ?? []).map((word) => ({ english: s.english + literal + word, kept: s.kept })),
    );
  }
  return samples.map((s) => {
    const english = s.english + rest;
    return kind === "expectation"
      ? { english: `expected ${english}, got "Not A Key"`, kept: [...s.kept, '"Not A Key"'] }
      : { english, kept: s.kept };
  });
}

describe("every message template in the sources", () => {
  const templates = messageTemplates();

  it("are found where messages are written", () => {
    const files = new Set(templates.map((t) => t.file));
    for (const file of [
      "lib/domain/interchange/schema.ts",
      "lib/domain/interchange/references.ts",
      "lib/domain/schemas/fields.ts",
      "lib/domain/schemas/find.ts",
      "lib/data/commands/shared.ts",
      "lib/data/members/last-admin.ts",
    ]) {
      expect(files).toContain(file);
    }
    expect(templates.length).toBeGreaterThan(100);
  });

  it.each(
    templates.filter((t) => !Object.hasOwn(SAID_ELSEWHERE, t.template)).map((t) => [t.file, t.template, t] as const),
  )("%s: %s has its French", (_file, _template, template) => {
    for (const { english, kept } of samplesOf(template)) expectFrench(english, kept);
  });
});

// ---- Every message the schemas can give ----

interface Def {
  readonly type: string;
  readonly error?: (issue: RawIssue) => unknown;
  readonly checks?: readonly { readonly _zod: { readonly def: Def } }[];
  readonly shape?: Readonly<Record<string, unknown>>;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly out?: unknown;
  readonly options?: readonly unknown[];
  readonly keyType?: unknown;
  readonly valueType?: unknown;
}

function isSchema(value: unknown): value is { readonly _zod: { readonly def: Def } } {
  return typeof value === "object" && value !== null && "_zod" in value;
}

const INPUTS: readonly unknown[] = ["Not A Key", undefined];

/** The message of each error option of a schema and of the schemas inside it, for each of INPUTS. */
function schemaMessages(schema: unknown, into: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (!isSchema(schema) || seen.has(schema)) return into;
  seen.add(schema);
  const def = schema._zod.def;
  for (const error of [def.error, ...(def.checks ?? []).map((c) => c._zod.def.error)]) {
    if (error === undefined) continue;
    for (const input of INPUTS) {
      const said = error({ code: "invalid_type", expected: "string", input } as RawIssue);
      const message = typeof said === "string" ? said : (said as { message?: unknown } | undefined)?.message;
      if (typeof message === "string") into.add(message);
    }
  }
  const inner = [def.element, def.innerType, def.in, def.out, def.keyType, def.valueType, ...(def.options ?? [])];
  for (const child of [...Object.values(def.shape ?? {}), ...inner]) schemaMessages(child, into, seen);
  return into;
}

const domainModules = messageTemplates()
  .map((t) => t.file)
  .filter((file, i, files) => file.startsWith("lib/domain/") && files.indexOf(file) === i);
const exported = await Promise.all(
  [...domainModules, "lib/domain/schemas/index.ts"].map(async (file) =>
    Object.values((await import(path.join(ROOT, file))) as Record<string, unknown>),
  ),
);
const harvested = new Set<string>();
for (const schema of [...exported.flat(), newPasswordSchema]) schemaMessages(schema, harvested);
const schemaMessageList = [...harvested];

describe("every message the schemas can give", () => {
  it("are found", () => {
    expect(schemaMessageList.length).toBeGreaterThan(50);
    expect(schemaMessageList).toContain('expected a slug of 1 to 80 characters a-z, 0-9 or "-", got "Not A Key"');
    expect(schemaMessageList).toContain('"Not A Key" is not a date; use YYYY-MM-DD.');
  });

  it.each(schemaMessageList)("%s has its French", (english) => {
    expectFrench(english, english.includes('"Not A Key"') ? ['"Not A Key"'] : []);
  });
});

// ---- The grammar ----

function isJsonValue(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("the grammar of interchange/messages.ts", () => {
  it.each(
    [
      undefined,
      null,
      "",
      "   ",
      "x".repeat(61),
      "DONE",
      'say "hi", got you',
      0,
      -1.5,
      Number.NaN,
      true,
      10n,
      [],
      ["a"],
      ["a", "b"],
      {},
      () => 0,
      Symbol("s"),
    ].map((value) => [describeValue(value), value] as const),
  )("says what was got: %s", (shown, value) => {
    const english = expectationMessage(
      { code: "invalid_type", expected: "string", input: value } as RawIssue,
      "a string",
    );
    // A value written as JSON (a string, a number, true) is the reader's own: it is kept as it is.
    const kept = isJsonValue(shown) ? [shown] : [];
    expectFrench(english, kept);
  });

  const issues: readonly RawIssue[] = [
    ...["string", "number", "int", "boolean", "array", "object", "date"].map(
      (expected) => ({ code: "invalid_type", expected, input: "Not A Key" }) as RawIssue,
    ),
    { code: "invalid_value", values: ["accordwatch/v1"], input: "Not A Key" } as RawIssue,
    { code: "invalid_value", values: [1], input: "Not A Key" } as RawIssue,
    { code: "invalid_value", values: ["A", "B", "C"], input: "Not A Key" } as RawIssue,
    { code: "unrecognized_keys", keys: ["Not A Key"], input: {} } as RawIssue,
    { code: "unrecognized_keys", keys: ["Not A Key", "other"], input: {} } as RawIssue,
    ...["string", "number", "int", "array", "set"].flatMap((origin) => [
      { code: "too_small", origin, minimum: 2, input: "Not A Key" } as RawIssue,
      { code: "too_big", origin, maximum: 9, input: "Not A Key" } as RawIssue,
    ]),
  ];

  it.each(issues.map((issue) => [fallbackErrorMap(issue) ?? "", issue] as const))(
    "has the French of the fallback message %s",
    (english) => {
      expectFrench(english, ['"Not A Key"']);
    },
  );

  it.each([
    [
      'expected a slug of 1 to 80 characters a-z, 0-9 or "-", got "Not A Key"',
      'attendu\u00a0: une adresse (slug) de 1 à 80 caractères a-z, 0-9 ou "-"\u00a0; reçu\u00a0: "Not A Key"',
    ],
    [
      'expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-13"',
      'attendu\u00a0: une date AAAA-MM-JJ, AAAA-MM, AAAA-Qn ou AAAA\u00a0; reçu\u00a0: "2025-13"',
    ],
    ['"2025-13" is not a date; use YYYY-MM-DD.', '"2025-13" n’est pas une date\u00a0; utilisez le format AAAA-MM-JJ.'],
    [
      "The day asked for is after today; a page can only be shown as it stood on a past day.",
      "Le jour demandé est postérieur à aujourd’hui\u00a0; une page ne peut être montrée que telle qu’elle était un jour passé.",
    ],
    [
      "The day asked for is before 1900; no page is shown as of a day that early.",
      "Le jour demandé est antérieur à 1900\u00a0; aucune page n’est montrée à une date aussi ancienne.",
    ],
    ['unknown field "colour"', 'champ inconnu "colour"'],
    ['duplicate id "bbc" (also at sources[0])', 'clé "bbc" en double (également à sources[0])'],
    [
      "The last admin of an organisation cannot be removed: make another member an admin first.",
      "Le dernier administrateur d’une organisation ne peut pas être retiré\u00a0: nommez d’abord un autre membre administrateur.",
    ],
    [
      'there is a source "bbc-1" already: choose another id',
      'il y a déjà une source "bbc-1"\u00a0: choisissez une autre clé',
    ],
    [
      "expected at least one source: a status of COMPLETE cites what it relies on",
      "attendu\u00a0: au moins une source\u00a0; le statut «\u00a0Achevé\u00a0» cite ce sur quoi il repose",
    ],
  ])("says %s as %s", (english, french) => {
    expect(frenchMessage(english)).toBe(french);
  });

  it.each([
    // An expectation or a word it does not know: the whole message stays English, never half translated.
    'expected a colour of the rainbow, got "Not A Key"',
    'expected an array of at most 3 colours, got "Not A Key"',
    'duplicate colour "red" (also at [0])',
    "The last admin of an organisation cannot be promoted: make another member an admin first.",
    "Something nobody wrote.",
    "",
  ])("leaves a message it does not know in English: %s", (english) => {
    expect(frenchMessage(english)).toBe(english);
  });
});

// ---- English stays the contract ----

describe("English", () => {
  it("is the text as written", () => {
    for (const english of schemaMessageList) expect(localiseMessage(english, "en")).toBe(english);
    const errors = { id: ['expected an id of 1 to 80 characters a-z, 0-9 or "-", got "Not A Key"'] };
    expect(localiseFieldErrors(errors, "en")).toBe(errors);
    expect(localiseMessages({ asOf: "x" }, "en")).toEqual({ asOf: "x" });
  });

  it("is what the schemas still write", () => {
    const parsed = parseInput(createSourceSchema, {
      id: "Not A Key",
      outlet: "BBC",
      title: "Small boats",
      published: "2025-13",
      kind: "MEDIA_REPORT",
    });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        id: ['expected an id of 1 to 80 characters a-z, 0-9 or "-", got "Not A Key"'],
        published: ['expected a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, got "2025-13"'],
      },
    });
    expect(resolveAsOf({ asOf: "not-a-date" }, "2025-11-21").error).toBe('"not-a-date" is not a date; use YYYY-MM-DD.');
  });

  it("keeps each field under its path in French, __proto__ included", () => {
    const errors: Record<string, string[]> = {};
    Object.defineProperty(errors, "__proto__", { value: ['unknown field "__proto__"'], enumerable: true });
    const french = localiseFieldErrors(errors, "fr");
    expect(Object.hasOwn(french, "__proto__")).toBe(true);
    expect(french["__proto__"]).toEqual(['champ inconnu "__proto__"']);
  });
});
