/**
 * The rules of an accordwatch/v1 document that relate its parts to each other: every cited source is defined, ids
 * and slugs are unique at their level, the two parties differ, `responsible` is a party or `joint`, a status other
 * than NOT_STARTED cites a source.
 *
 * It reads the raw input, whatever its shape: a part of the wrong shape is skipped here (the schema reports it), so
 * that a document with a structural problem and a dangling reference reports both.
 */
import { isCountryCode } from "../countries";
import { STATUSES, type Status } from "../types";
import { formatPath, type PathSegment, type RawInterchangeIssue } from "./issues";

type Path = readonly PathSegment[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function checkReferences(input: unknown): RawInterchangeIssue[] {
  const issues: RawInterchangeIssue[] = [];
  if (!isRecord(input)) return issues;
  const add = (path: Path, message: string) => issues.push({ path, message });

  /** Reports a value seen before in the same list: `duplicate id "x" (also at sources[0])`. */
  function unique(items: unknown, key: string, base: Path, label: string): void {
    const seen = new Map<string, number>();
    entries(items).forEach((item, index) => {
      if (!isRecord(item)) return;
      const value = item[key];
      if (typeof value !== "string") return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        add(
          [...base, index, key],
          `duplicate ${label} ${JSON.stringify(value)} (also at ${formatPath([...base, first])})`,
        );
    });
  }

  const defined = new Set<string>();
  const sourcesListed = Array.isArray(input.sources);
  for (const source of entries(input.sources)) {
    if (isRecord(source) && typeof source.id === "string") defined.add(source.id);
  }
  unique(input.sources, "id", ["sources"], "id");

  /** A citation of a source: it must be defined (checked only when `sources` is a list at all). */
  function cite(value: unknown, path: Path): void {
    if (!sourcesListed || typeof value !== "string" || value === "" || defined.has(value)) return;
    add(path, `source ${JSON.stringify(value)} is not defined in sources`);
  }

  /** A list of citations: each defined, none twice. */
  function citeAll(values: unknown, path: Path): void {
    const seen = new Map<string, number>();
    entries(values).forEach((value, index) => {
      cite(value, [...path, index]);
      if (typeof value !== "string") return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else add([...path, index], `duplicate source ${JSON.stringify(value)} (also at ${formatPath([...path, first])})`);
    });
  }

  unique(input.agreements, "slug", ["agreements"], "slug");
  entries(input.agreements).forEach((agreement, a) => {
    if (!isRecord(agreement)) return;
    const agreementPath: Path = ["agreements", a];

    const parties = Array.isArray(agreement.parties) ? agreement.parties : null;
    const partyCodes = parties?.filter((p): p is string => typeof p === "string") ?? [];
    parties?.forEach((party, p) => {
      if (typeof party !== "string") return;
      const first = parties.indexOf(party);
      if (first !== p) {
        add(
          [...agreementPath, "parties", p],
          `duplicate party ${JSON.stringify(party)} (also at ${formatPath([...agreementPath, "parties", first])}): the two parties must differ`,
        );
      }
    });
    // `responsible` is checked against the parties only when they are all valid codes (else the schema says so).
    const partiesKnown =
      parties !== null && parties.length > 0 && parties.every((p) => typeof p === "string" && isCountryCode(p));

    unique(agreement.commitments, "id", [...agreementPath, "commitments"], "id");
    entries(agreement.commitments).forEach((commitment, c) => {
      if (!isRecord(commitment)) return;
      const commitmentPath: Path = [...agreementPath, "commitments", c];

      const responsible = commitment.responsible;
      if (partiesKnown && typeof responsible === "string" && responsible !== "") {
        if (responsible !== "joint" && !partyCodes.includes(responsible)) {
          add(
            [...commitmentPath, "responsible"],
            `expected one of the agreement's parties (${[...new Set(partyCodes)].join(", ")}) or "joint", got ${JSON.stringify(responsible)}`,
          );
        }
      }

      unique(commitment.milestones, "id", [...commitmentPath, "milestones"], "id");
      entries(commitment.milestones).forEach((milestone, m) => {
        if (!isRecord(milestone)) return;
        const milestonePath: Path = [...commitmentPath, "milestones", m];

        entries(milestone.deadlineChanges).forEach((change, k) => {
          if (!isRecord(change)) return;
          citeAll(change.sources, [...milestonePath, "deadlineChanges", k, "sources"]);
        });

        entries(milestone.statusUpdates).forEach((update, k) => {
          if (!isRecord(update)) return;
          const sourcesPath: Path = [...milestonePath, "statusUpdates", k, "sources"];
          citeAll(update.sources, sourcesPath);
          if (isStatus(update.status) && update.status !== "NOT_STARTED" && Array.isArray(update.sources)) {
            if (update.sources.length === 0) {
              add(
                sourcesPath,
                `expected at least one source for status ${update.status} (only NOT_STARTED may have none), got none`,
              );
            }
          }
        });

        entries(milestone.evidence).forEach((link, k) => {
          if (!isRecord(link)) return;
          cite(link.source, [...milestonePath, "evidence", k, "source"]);
        });
      });

      unique(commitment.indicators, "id", [...commitmentPath, "indicators"], "id");
      entries(commitment.indicators).forEach((indicator, i) => {
        if (!isRecord(indicator)) return;
        entries(indicator.observations).forEach((observation, k) => {
          if (!isRecord(observation)) return;
          cite(observation.source, [...commitmentPath, "indicators", i, "observations", k, "source"]);
        });
      });
    });
  });

  return issues;
}
