/**
 * The query plans of the public pages' and the workspace's reads on the Scale dataset: each lib/data read is run once
 * while its statements are recorded (tests/support/query-log.ts), then every statement is EXPLAINed (FORMAT JSON)
 * with the parameters it was sent with, and its plan searched for a sequential scan of a large table.
 * Shared by `npm run bench:scale` and tests/integration/scale-plans.test.ts.
 */
import type pg from "pg";

import { ANONYMOUS, type Viewer } from "../../lib/auth/viewer";
import { listComments } from "../../lib/data/comments";
import { listRecordEntities } from "../../lib/data/history";
import {
  findPublishedMilestones,
  getPublishedAgreement,
  getPublishedScorecard,
  getPublishedOrganisation,
  getPublishedSource,
  searchPublishedMilestones,
} from "../../lib/data/public";
import { listWatchlist } from "../../lib/data/watchlist";
import { getAgreement, listAgreements } from "../../lib/data/workspace";
import { describeStatement, queriesOf, type RecordedQuery } from "../../tests/support/query-log";

/** The tables that grow with the data: a sequential scan of one of them is a plan that grows with the data. */
export const LARGE_TABLES = [
  "sources",
  "commitments",
  "milestones",
  "status_updates",
  "status_update_sources",
  "deadline_changes",
  "deadline_change_sources",
  "evidence_links",
  "indicators",
  "observations",
] as const;

export interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly "Index Name"?: string;
  readonly Plans?: readonly PlanNode[];
}

export interface Scan {
  readonly node: string;
  readonly relation: string;
  readonly index?: string;
}

/** Every node of a plan that reads a relation (scans of tables and indexes). */
export function scansOf(plan: PlanNode): Scan[] {
  const scans: Scan[] = [];
  const visit = (node: PlanNode) => {
    if (node["Relation Name"] !== undefined) {
      scans.push({
        node: node["Node Type"],
        relation: node["Relation Name"],
        ...(node["Index Name"] === undefined ? {} : { index: node["Index Name"] }),
      });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return scans;
}

export interface ExplainedStatement {
  /** `SELECT milestones`: verb and main table. */
  readonly label: string;
  readonly text: string;
  readonly scans: readonly Scan[];
  /** Sequential scans of LARGE_TABLES. */
  readonly seqScans: readonly Scan[];
}

export interface ExplainedRead {
  readonly name: string;
  readonly statements: readonly ExplainedStatement[];
}

/** EXPLAIN (FORMAT JSON) of one recorded statement, with its own parameters. */
export async function explain(client: pg.ClientBase, query: RecordedQuery): Promise<ExplainedStatement> {
  const result = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (FORMAT JSON) ${query.text}`,
    [...query.values],
  );
  const plan = result.rows[0]!["QUERY PLAN"][0]!.Plan;
  const scans = scansOf(plan);
  const large = new Set<string>(LARGE_TABLES);
  return {
    label: describeStatement(query.text),
    text: query.text,
    scans,
    seqScans: scans.filter((scan) => scan.node === "Seq Scan" && large.has(scan.relation)),
  };
}

export interface ReadsTarget {
  readonly organisation: string;
  readonly agreement: string;
  /** A source key of the organisation that the agreement cites. */
  readonly source: string;
  /** A member's viewer of the organisation (the workspace reads). */
  readonly member: Viewer;
  readonly asOf: string;
  /** Words to search: a rare one and a common one. */
  readonly searches: readonly string[];
  /**
   * Also the read over every published agreement of the organisation, in batches (the find page's and the
   * organisation feed's); default true. On a small dataset a batch of AGREEMENTS_PER_BATCH is a large part of
   * every table.
   */
  readonly organisationWide?: boolean;
}

/** The reads whose plans are checked: the public pages' loads, the find page's search and the workspace's lists. */
export function reads(target: ReadsTarget): ReadonlyArray<{ name: string; run: () => Promise<unknown> }> {
  const { organisation: org, agreement, member } = target;
  return [
    { name: "scorecard page (getPublishedScorecard)", run: () => getPublishedScorecard(ANONYMOUS, org, agreement) },
    {
      name: "commitment, milestone and changes pages (getPublishedAgreement)",
      run: () => getPublishedAgreement(ANONYMOUS, org, agreement),
    },
    { name: "organisation home (getPublishedOrganisation)", run: () => getPublishedOrganisation(ANONYMOUS, org) },
    { name: "source page (getPublishedSource)", run: () => getPublishedSource(ANONYMOUS, org, target.source) },
    ...target.searches.map((q) => ({
      name: `find page search "${q}" (searchPublishedMilestones)`,
      run: () => searchPublishedMilestones(ANONYMOUS, org, q, target.asOf),
    })),
    { name: "workspace agreement list (listAgreements)", run: () => listAgreements(member, org) },
    { name: "workspace agreement page (getAgreement)", run: () => getAgreement(member, org, agreement) },
    { name: "workspace agreement page (listComments)", run: () => listComments(member, org, agreement) },
    { name: "workspace agreement page (listWatchlist)", run: () => listWatchlist(member, org) },
    { name: "workspace agreement page (listRecordEntities)", run: () => listRecordEntities(member, org, agreement) },
    ...(target.organisationWide === false
      ? []
      : [
          {
            name: "find page and organisation feed, their batches of agreements (findPublishedMilestones, a word)",
            run: () =>
              findPublishedMilestones(ANONYMOUS, org, {
                filters: { q: "delay", party: null, health: ["STALLED"], owner: null, tag: null, overdue: false },
                asOf: target.asOf,
                page: 1,
                locale: "en",
              }),
          },
        ]),
  ];
}

/** Runs each read once, recording its statements, and EXPLAINs them on `client` (a connection to the same database). */
export async function explainReads(client: pg.ClientBase, target: ReadsTarget): Promise<ExplainedRead[]> {
  const explained: ExplainedRead[] = [];
  for (const read of reads(target)) {
    const { queries } = await queriesOf(read.run);
    const statements: ExplainedStatement[] = [];
    for (const query of queries) {
      if (!/^\s*(SELECT|WITH)\b/i.test(query.text)) continue;
      statements.push(await explain(client, query));
    }
    explained.push({ name: read.name, statements });
  }
  return explained;
}

/** A member of `organisation` as the session would build it (the workspace reads trust the viewer they are given). */
export function memberViewer(organisation: string, organisationName: string): Viewer {
  return {
    kind: "user",
    userId: "00000000-0000-7000-8000-000000000001",
    email: "reviewer@scale.accordwatch.test",
    name: "Scale reviewer",
    memberships: [{ organisationId: "", organisation, organisationName, role: "REVIEWER" }],
  };
}
