/**
 * Invalid accordwatch/v1 documents (spec/interchange.md, "Import behaviour"): every error names its JSON path and
 * what was expected, and all errors are reported at once.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  formatIssues,
  interchangeSchema,
  parseInterchange,
  parseInterchangeText,
  type InterchangeIssue,
  type ParseResult,
} from "@/lib/domain/interchange";

import { invalidCases as cases, M0, validDocument, type Json } from "../support/invalid-documents";

function errorsOf(result: ParseResult): InterchangeIssue[] {
  if (result.ok) throw new Error("expected the document to be refused");
  return result.errors;
}

describe("an invalid accordwatch/v1 document", () => {
  it("starts from a valid document, so that each case below fails for its own reason only", () => {
    const result = parseInterchange(validDocument());
    expect(result.ok ? [] : formatIssues(result.errors)).toEqual([]);
  });

  it("covers at least 20 distinct kinds of mistake", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("is refused for $name, at $path", ({ breakIt, path, message, count }) => {
    const doc = validDocument();
    const broken = breakIt(doc);
    const errors = errorsOf(parseInterchange(broken === undefined ? doc : broken));
    expect(errors).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(errors, formatIssues(errors)).toHaveLength(count ?? 1);
  });

  it("accepts a NOT_STARTED status update with no sources", () => {
    const doc = validDocument();
    const update = doc.agreements[0].commitments[0].milestones[0].statusUpdates[0];
    update.status = "NOT_STARTED";
    update.sources = [];
    expect(parseInterchange(doc).ok).toBe(true);
  });

  it("reports every problem of a document at once, structural and referential, in document order", () => {
    const doc = validDocument();
    doc.sources[1].published = "2025-13";
    doc.agreements[0].commitments[0].milestones[0].statusUpdates[0].status = "DONE";
    doc.agreements[0].commitments[0].milestones[0].evidence[0].source = "bbc-x";
    doc.agreements[0].commitments[0].responsible = "DE";
    doc.agreements[0].commitments[1].indicators[0].observations[0].value = "many";
    doc.agreements[1].parties = ["GB", "GB"];
    doc.colour = "red";
    const errors = errorsOf(parseInterchange(doc));
    expect(errors.map((e) => e.path)).toEqual([
      "sources[1].published",
      "agreements[0].commitments[0].responsible",
      `${M0}.statusUpdates[0].status`,
      `${M0}.evidence[0].source`,
      "agreements[0].commitments[1].indicators[0].observations[0].value",
      "agreements[1].parties[1]",
      "colour",
    ]);
    expect(errors[2]?.message).toBe(
      'expected one of NOT_STARTED, IN_PROGRESS, COMPLETE, PARTIAL, ABANDONED, got "DONE"',
    );
    expect(errors[3]?.message).toBe('source "bbc-x" is not defined in sources');
  });

  it("reports each of several unknown fields of one object at its own path", () => {
    const doc = validDocument();
    doc.sources[0].colour = "red";
    doc.sources[0]["weird key"] = 1;
    const errors = errorsOf(parseInterchange(doc));
    expect(errors).toEqual([
      { path: "sources[0].colour", message: 'unknown field "colour"' },
      { path: 'sources[0]["weird key"]', message: 'unknown field "weird key"' },
    ]);
  });

  it("prints one line per problem, path first, the root as (root)", () => {
    const doc = validDocument();
    doc.agreements[0].commitments[0].milestones[0].statusUpdates[0].status = "DONE";
    const errors = errorsOf(parseInterchange(doc));
    expect(formatIssues([...errors, { path: "", message: "something at the root" }])).toBe(
      `${M0}.statusUpdates[0].status: expected one of NOT_STARTED, IN_PROGRESS, COMPLETE, PARTIAL, ABANDONED, got "DONE"\n` +
        "(root): something at the root",
    );
  });
});

describe("the text of a document", () => {
  it("is refused with the line and column of a JSON syntax error, at the root", () => {
    const text = '{\n  "format": "accordwatch/v1",\n  "sources": [,]\n}\n';
    const errors = errorsOf(parseInterchangeText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe("");
    expect(errors[0]?.message).toBe('invalid JSON at line 3, column 15: unexpected ",", expected a value');
  });

  it("is refused at the place of a trailing comma", () => {
    const errors = errorsOf(parseInterchangeText('{"format": "accordwatch/v1",\n}'));
    expect(errors).toEqual([
      { path: "", message: 'invalid JSON at line 2, column 1: unexpected "}", expected a double-quoted property name' },
    ]);
  });

  it("is refused when it ends too early or is empty", () => {
    expect(errorsOf(parseInterchangeText('{"format": "accordwatch/v1"'))[0]?.message).toBe(
      "invalid JSON at line 1, column 28: unexpected end of input",
    );
    expect(errorsOf(parseInterchangeText(""))[0]?.message).toBe(
      "invalid JSON at line 1, column 1: unexpected end of input",
    );
  });

  it("is refused with the place of an unterminated string", () => {
    expect(errorsOf(parseInterchangeText('{\n"format": "accordwatch/v1}'))[0]?.message).toBe(
      "invalid JSON at line 2, column 11: unterminated string",
    );
  });

  it("is read when it starts with a byte order mark", () => {
    expect(parseInterchangeText("\uFEFF" + JSON.stringify(validDocument())).ok).toBe(true);
  });

  it("reports the problems of valid JSON like parseInterchange does", () => {
    const doc = validDocument();
    doc.format = "other";
    expect(errorsOf(parseInterchangeText(JSON.stringify(doc)))).toEqual([
      { path: "format", message: 'expected "accordwatch/v1", got "other"' },
    ]);
  });
});

describe("the interchange schema", () => {
  it("refuses unknown fields on its own, with the same message", () => {
    const doc = validDocument();
    doc.agreements[0].colour = "red";
    const result = interchangeSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('unknown field "colour"');
  });

  it("can be described as JSON Schema, with strict objects and the optional fields not required", () => {
    const schema = z.toJSONSchema(interchangeSchema, { io: "input" }) as Json;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["format", "sources", "agreements"]);
    const source = schema.properties.sources.items;
    expect(source.additionalProperties).toBe(false);
    expect(source.required).toEqual(["id", "outlet", "title", "published", "kind"]);
  });
});
