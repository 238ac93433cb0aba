/**
 * Problems found in a document: JSON paths, document order, the printed form.
 */

export interface InterchangeIssue {
  /** Like `agreements[0].commitments[1].milestones[0].statusUpdates[2].status`; "" for the root. */
  path: string;
  message: string;
}

export type PathSegment = string | number;

/** An issue whose path is still a list of segments. */
export interface RawInterchangeIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** At most this many issues are listed; a last one says how many more there were. */
export const MAX_ISSUES = 1_000;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `agreements[0].commitments[1].title`; "" for the root; odd keys as `["my key"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where a path points in the document, as positions (array index, or index of the key in the object as written). */
function documentPosition(input: unknown, path: readonly PathSegment[]): number[] {
  const position: number[] = [];
  let current: unknown = input;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") {
      position.push(segment);
      current = current[segment];
    } else if (isRecord(current) && typeof segment === "string") {
      const keys = Object.keys(current);
      const index = keys.indexOf(segment);
      // A missing field sorts after the fields that are there.
      position.push(index === -1 ? keys.length : index);
      current = index === -1 ? undefined : current[segment];
    } else {
      position.push(0);
      current = undefined;
    }
  }
  return position;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/**
 * The issues in document order (an issue about an object before the issues inside it), without duplicates, with
 * their paths printed, at most MAX_ISSUES of them.
 */
export function orderIssues(input: unknown, issues: readonly RawInterchangeIssue[]): InterchangeIssue[] {
  const seen = new Set<string>();
  const unique: { issue: InterchangeIssue; position: number[] }[] = [];
  for (const raw of issues) {
    const issue = { path: formatPath(raw.path), message: raw.message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ issue, position: documentPosition(input, raw.path) });
  }
  unique.sort((a, b) => comparePositions(a.position, b.position));
  const ordered = unique.map((u) => u.issue);
  if (ordered.length <= MAX_ISSUES) return ordered;
  const more = ordered.length - MAX_ISSUES;
  return [
    ...ordered.slice(0, MAX_ISSUES),
    { path: "", message: `${more} more ${more === 1 ? "error" : "errors"} not listed` },
  ];
}

/** One line per issue, `path: message`, the root shown as `(root)`. */
export function formatIssues(errors: readonly InterchangeIssue[]): string {
  return errors.map((e) => `${e.path === "" ? "(root)" : e.path}: ${e.message}`).join("\n");
}
