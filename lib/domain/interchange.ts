/**
 * The interchange format accordwatch/v1 (../shared/spec/interchange.md): one JSON document carrying one
 * organisation's agreements with their whole history, for import, export, open data and the demo dataset.
 *
 * Parsing is all or nothing and reports every problem at once, each with its JSON path and a message saying what
 * was expected and what was got: the structure (interchangeSchema) and the references between parts
 * (checkReferences) are checked together on the same input.
 */
import type { Dataset } from "./types";
import { toDataset } from "./interchange/convert";
import { locateJsonError } from "./interchange/json";
import { orderIssues, type InterchangeIssue, type RawInterchangeIssue } from "./interchange/issues";
import { fallbackErrorMap, unknownFieldMessage } from "./interchange/messages";
import { checkReferences } from "./interchange/references";
import { interchangeSchema } from "./interchange/schema";

export {
  DATE_EXPECTED,
  FORMAT,
  LIMITS,
  SLUG_PATTERN,
  agreementSchema,
  commitmentSchema,
  dateTextSchema,
  deadlineChangeSchema,
  evidenceSchema,
  idSchema,
  indicatorSchema,
  interchangeSchema,
  isHttpUrl,
  milestoneSchema,
  observationSchema,
  partyCodeSchema,
  settingsSchema,
  slugSchema,
  sourceSchema,
  statusUpdateSchema,
  urlSchema,
  type InterchangeDocument,
  type ParsedInterchangeDocument,
} from "./interchange/schema";
export { citedSourceIds, publicDataset, serializeInterchange, toInterchange } from "./interchange/convert";
export { MAX_ISSUES, formatIssues, formatPath, type InterchangeIssue } from "./interchange/issues";
export { checkReferences } from "./interchange/references";
export { locateJsonError, type JsonSyntaxError } from "./interchange/json";

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; errors: InterchangeIssue[] };

/** A text longer than this is refused before it is parsed. */
export const MAX_DOCUMENT_CHARS = 20_000_000;

/** Validates a parsed JSON value as an accordwatch/v1 document: its Dataset, or all of its problems. */
export function parseInterchange(input: unknown): ParseResult {
  const structure = interchangeSchema.safeParse(input, { error: fallbackErrorMap });
  const issues: RawInterchangeIssue[] = [];
  if (!structure.success) {
    for (const issue of structure.error.issues) {
      const path = issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
      if (issue.code === "unrecognized_keys") {
        // One issue per unknown field, at the field itself.
        for (const key of issue.keys) issues.push({ path: [...path, key], message: unknownFieldMessage(key) });
      } else {
        issues.push({ path, message: issue.message });
      }
    }
  }
  issues.push(...checkReferences(input));
  if (issues.length > 0 || !structure.success) {
    const errors = orderIssues(input, issues);
    return { ok: false, errors: errors.length > 0 ? errors : [{ path: "", message: "invalid document" }] };
  }
  return { ok: true, dataset: toDataset(structure.data) };
}

/** Parses the text of a document; a JSON syntax error is one issue at the root, with its line and column. */
export function parseInterchangeText(text: string): ParseResult {
  if (text.length > MAX_DOCUMENT_CHARS) {
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: `expected a document of at most ${MAX_DOCUMENT_CHARS} characters, got ${text.length} characters`,
        },
      ],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const located = locateJsonError(body);
    const message = located
      ? `invalid JSON at line ${located.line}, column ${located.column}: ${located.message}`
      : `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ path: "", message }] };
  }
  return parseInterchange(value);
}
