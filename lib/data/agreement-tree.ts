/**
 * Agreements with their whole tree (mappers.ts agreementTree), loaded in a fixed number of statements of a fixed
 * size, however many commitments, milestones and records they hold.
 *
 * Why not `include: agreementTree`: Prisma loads each level of an include with one statement whose `IN ($1, $2, …)`
 * list holds every id of the level above, so the scorecard of a 2,000-milestone agreement sent statements of 2,000
 * to 4,300 parameters (each parsed, planned and bound), and then stitched the levels together in JavaScript: about
 * 500 ms on the Scale dataset (bench/README.md, "Scale"). Here every level is one statement of a fixed text whose
 * one array parameter is the agreements' ids: the level is reached through its parents in a subquery
 * (`milestone_id IN (SELECT m.id FROM milestones m JOIN commitments c … WHERE c.agreement_id = ANY($1::uuid[]))`,
 * index scans on the (parent, order) index every level has), so that no level waits for the one above: they run
 * TREE_CONNECTIONS at a time. The sources a status update or a deadline change cites come in its own row (an ARRAY()
 * subquery: half the cost of a json_agg per row), and the sources cited anywhere are then read once, by the ids the
 * rows gave (an index lookup each: a quarter of the cost of finding them again from the agreements in the same
 * statement), and give the keys. The levels are assembled in one pass. Below
 * the agreements, a level is reached by its parents alone: they were reached within the organisation, and a tenant
 * filter beside them (`organisation_id = $1 AND milestone_id = …`) made the planner walk the organisation's whole
 * organisation_id index instead (140 ms instead of 2 for the evidence). The result is exactly the
 * `Prisma.AgreementGetPayload<{ include: typeof agreementTree }>` that toAgreement (and the workspace's versions)
 * read, in the same order (tests/integration/agreement-tree.test.ts compares the two on the same data). Every
 * statement runs even when the level above is empty, so the number of statements is the same for every agreement:
 * 8, plus the agreements' own.
 */
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { AgreementRow, SourceRow } from "./mappers";

/** What the tree reads need of a client or a transaction. */
export type TreeReader = Pick<Prisma.TransactionClient, "agreement" | "$queryRaw">;

type CommitmentRow = AgreementRow["commitments"][number];
type MilestoneRow = CommitmentRow["milestones"][number];
type IndicatorRow = CommitmentRow["indicators"][number];
type StatusUpdateRow = MilestoneRow["statusUpdates"][number];
type DeadlineChangeRow = MilestoneRow["deadlineChanges"][number];
type EvidenceLinkRow = MilestoneRow["evidenceLinks"][number];
type ObservationRow = IndicatorRow["observations"][number];

type JsonRows = Array<{ rows: string }>;

/** Date and timestamp columns of the levels: JSON gives them as ISO texts, Prisma (and the mappers) as Dates. */
type DateKey = "createdAt" | "updatedAt" | "onDate" | "toDate" | "deadlineDate" | "publishedDate";

/**
 * The rows of one level, read as ONE JSON text of arrays (`coalesce(json_agg(json_build_array(…) ORDER BY …),
 * '[]')::text`, the values in a fixed order): a single value for the driver and Prisma to pass on and one native
 * JSON.parse, instead of converting every value of every row (most of the time the tree took in JavaScript), and no
 * column name repeated in every row (a third of the text).
 */
export async function arraysOf<V extends unknown[]>(query: PromiseLike<JsonRows>): Promise<V[]> {
  const [result] = await query;
  return JSON.parse(result?.rows ?? "[]") as V[];
}

/**
 * The rows of one level (arraysOf): each array becomes the object of `columns`; the `dates` among them become Dates
 * again, as Prisma returns them; `organisationId`, the same for every row of the tree (the one asked for; every
 * level is reached from the organisation's agreements by foreign keys that stay within the organisation), is not
 * read but set.
 */
async function rowsOf<T>(
  query: PromiseLike<JsonRows>,
  organisationId: string,
  columns: readonly string[],
  dates: readonly DateKey[],
): Promise<T[]> {
  const arrays = await arraysOf(query);
  const dateIndexes = dates.map((key) => columns.indexOf(key));
  return arrays.map((values) => {
    const row: Record<string, unknown> = { organisationId };
    for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
    for (const i of dateIndexes) {
      const value = values[i];
      if (typeof value === "string") row[columns[i] as string] = new Date(value);
    }
    return row as T;
  });
}

/**
 * How many of a tree read's statements run at once, each on a pooled connection of its own: the levels do not wait
 * for each other, but a read holds a connection until the app has taken its result, and with every level at once
 * (eight) a few concurrent readings under load took the whole pool (lib/db/client.ts POOL_MAX, 10) and left other
 * requests waiting past its bound (bench/README.md, "Load").
 */
export const TREE_CONNECTIONS = 3;

/**
 * `FROM` these agreements' indicators, as `i` (every column), for the indicators and observations levels.
 * Indicators are few (on the Scale dataset one for every five commitments), and for more than one agreement's commitments the planner
 * would rather hash the whole indicators table than look each commitment up in its index: on the Scale dataset the
 * source page's five agreements (~950 commitments) gave a sequential scan of 40,000 indicators, 10 ms, where the
 * lookups take 1 ms (bench/README.md, "Scale"). `OFFSET 0` keeps the lateral subquery from being merged into the
 * join, so each commitment is looked up in indicators_commitment_id_position_idx.
 */
export function indicatorsOfAgreements(agreementIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`commitments c
            CROSS JOIN LATERAL (SELECT * FROM indicators WHERE indicators.commitment_id = c.id OFFSET 0) i
            WHERE c.agreement_id = ANY(${agreementIds}::uuid[])`;
}

/** The tasks' results in their order, at most `width` of them running at a time, each started as one ends. */
export async function atMost<T extends readonly (() => Promise<unknown>)[]>(
  width: number,
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<unknown>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** Rows grouped by their parent's id, each group in the order the rows came. */
function groupBy<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>();
  for (const row of rows) {
    const group = groups.get(row[key]);
    if (group) group.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

export interface AgreementTrees {
  /** In the order asked for, each with its whole tree. */
  readonly agreements: AgreementRow[];
  /** The sources the agreements cite (status updates, deadline changes, evidence, observations), by key. */
  readonly citedSources: SourceRow[];
}

/**
 * The agreements of `organisationId` matching `where`, in `orderBy` order, each with its whole tree (what
 * `findMany({ where, orderBy, include: agreementTree })` returns), and the sources they cite. 9 statements, whatever
 * the size of the trees; none but the first when no agreement matches.
 */
export async function findAgreementTrees(
  db: TreeReader,
  organisationId: string,
  args: {
    where?: Prisma.AgreementWhereInput;
    orderBy?: Prisma.AgreementOrderByWithRelationInput[];
    take?: number;
  } = {},
): Promise<AgreementTrees> {
  const agreements = await db.agreement.findMany({
    where: { ...args.where, organisationId },
    ...(args.orderBy ? { orderBy: args.orderBy } : {}),
    ...(args.take === undefined ? {} : { take: args.take }),
  });
  if (agreements.length === 0) return { agreements: [], citedSources: [] };
  const org = organisationId;
  const idsOf = (rows: ReadonlyArray<{ id: string }>) => rows.map((row) => row.id);

  // Every level below is reached from the agreements' ids through the foreign keys above it, in a subquery of its own
  // statement (each join an index scan on the child's (parent, order) index), so that none waits for the one above:
  // TREE_CONNECTIONS at a time.
  const agreementIds = idsOf(agreements);
  const [commitments, milestones, indicators, statusUpdates, deadlineChanges, evidenceLinks, observations] =
    await atMost(TREE_CONNECTIONS, [
      () =>
        rowsOf<Omit<CommitmentRow, "milestones" | "indicators">>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   c.id, c.agreement_id, c.key, c.title, c.description, c.responsible, c.owner, c.tags, c.weight,
                   c.position, c.version, c.created_at, c.updated_at
                 ) ORDER BY c.agreement_id, c.position, c.id), '[]')::text AS rows
            FROM commitments c
            WHERE c.agreement_id = ANY(${agreementIds}::uuid[])`,
          org,
          [
            "id",
            "agreementId",
            "key",
            "title",
            "description",
            "responsible",
            "owner",
            "tags",
            "weight",
            "position",
            "version",
            "createdAt",
            "updatedAt",
          ],
          ["createdAt", "updatedAt"],
        ),
      () =>
        rowsOf<Omit<MilestoneRow, "statusUpdates" | "deadlineChanges" | "evidenceLinks">>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   m.id, m.commitment_id, m.key, m.title, m.owner, m.deadline_date, m.deadline_precision::text,
                   m.position, m.version, m.created_at, m.updated_at
                 ) ORDER BY m.commitment_id, m.position, m.id), '[]')::text AS rows
            FROM milestones m
            WHERE m.commitment_id IN (SELECT c.id FROM commitments c WHERE c.agreement_id = ANY(${agreementIds}::uuid[]))`,
          org,
          [
            "id",
            "commitmentId",
            "key",
            "title",
            "owner",
            "deadlineDate",
            "deadlinePrecision",
            "position",
            "version",
            "createdAt",
            "updatedAt",
          ],
          ["deadlineDate", "createdAt", "updatedAt"],
        ),
      () =>
        rowsOf<Omit<IndicatorRow, "observations">>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   i.id, i.commitment_id, i.key, i.title, i.unit, i.target, i.position, i.version, i.created_at,
                   i.updated_at
                 ) ORDER BY i.commitment_id, i.position, i.id), '[]')::text AS rows
            FROM ${indicatorsOfAgreements(agreementIds)}`,
          org,
          ["id", "commitmentId", "key", "title", "unit", "target", "position", "version", "createdAt", "updatedAt"],
          ["createdAt", "updatedAt"],
        ),
      // The sources a status update or a deadline change cites come with it, as an array of ids in their order (one
      // index lookup per row on the join table's primary key), rather than as a level of their own.
      () =>
        rowsOf<Omit<StatusUpdateRow, "sources"> & { sourceIds: string[] }>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   u.id, u.milestone_id, u.on_date, u.on_precision::text, u.status::text, u.rationale, u.position,
                   u.created_at,
                   ARRAY(SELECT us.source_id FROM status_update_sources us
                      WHERE us.status_update_id = u.id ORDER BY us.position)
                 ) ORDER BY u.milestone_id, u.on_date, u.position, u.id), '[]')::text AS rows
            FROM status_updates u
            WHERE u.milestone_id IN (SELECT m.id FROM milestones m JOIN commitments c ON c.id = m.commitment_id
                                      WHERE c.agreement_id = ANY(${agreementIds}::uuid[]))`,
          org,
          ["id", "milestoneId", "onDate", "onPrecision", "status", "rationale", "position", "createdAt", "sourceIds"],
          ["onDate", "createdAt"],
        ),
      () =>
        rowsOf<Omit<DeadlineChangeRow, "sources"> & { sourceIds: string[] }>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   d.id, d.milestone_id, d.on_date, d.on_precision::text, d.to_date, d.to_precision::text, d.reason,
                   d.position, d.created_at,
                   ARRAY(SELECT ds.source_id FROM deadline_change_sources ds
                      WHERE ds.deadline_change_id = d.id ORDER BY ds.position)
                 ) ORDER BY d.milestone_id, d.on_date, d.position, d.id), '[]')::text AS rows
            FROM deadline_changes d
            WHERE d.milestone_id IN (SELECT m.id FROM milestones m JOIN commitments c ON c.id = m.commitment_id
                                      WHERE c.agreement_id = ANY(${agreementIds}::uuid[]))`,
          org,
          [
            "id",
            "milestoneId",
            "onDate",
            "onPrecision",
            "toDate",
            "toPrecision",
            "reason",
            "position",
            "createdAt",
            "sourceIds",
          ],
          ["onDate", "toDate", "createdAt"],
        ),
      () =>
        rowsOf<Omit<EvidenceLinkRow, "source">>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   e.id, e.milestone_id, e.source_id, e.stance::text, e.quote, e.position, e.version, e.created_at
                 ) ORDER BY e.milestone_id, e.position, e.id), '[]')::text AS rows
            FROM evidence_links e
            WHERE e.milestone_id IN (SELECT m.id FROM milestones m JOIN commitments c ON c.id = m.commitment_id
                                      WHERE c.agreement_id = ANY(${agreementIds}::uuid[]))`,
          org,
          ["id", "milestoneId", "sourceId", "stance", "quote", "position", "version", "createdAt"],
          ["createdAt"],
        ),
      () =>
        rowsOf<Omit<ObservationRow, "source">>(
          db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   o.id, o.indicator_id, o.on_date, o.on_precision::text, o.value, o.source_id, o.quote, o.position,
                   o.created_at
                 ) ORDER BY o.indicator_id, o.on_date, o.position, o.id), '[]')::text AS rows
            FROM observations o
            WHERE o.indicator_id IN (SELECT i.id FROM ${indicatorsOfAgreements(agreementIds)})`,
          org,
          ["id", "indicatorId", "onDate", "onPrecision", "value", "sourceId", "quote", "position", "createdAt"],
          ["onDate", "createdAt"],
        ),
    ] as const);

  // Then the sources they cite, each once, by id (the citing rows' ids give them; an index lookup each).
  const citedIds = new Set<string>();
  for (const rows of [statusUpdates, deadlineChanges]) {
    for (const row of rows) for (const id of row.sourceIds) citedIds.add(id);
  }
  for (const rows of [evidenceLinks, observations]) {
    for (const row of rows) citedIds.add(row.sourceId);
  }
  const citedSources = await rowsOf<SourceRow>(
    db.$queryRaw<JsonRows>`
          SELECT coalesce(json_agg(json_build_array(
                   s.id, s.key, s.url, s.outlet, s.title, s.published_date, s.published_precision::text, s.kind::text,
                   s.version, s.created_at, s.updated_at
                 ) ORDER BY s.key), '[]')::text AS rows
            FROM sources s
            WHERE s.organisation_id = ${org}::uuid AND s.id = ANY(${[...citedIds]}::uuid[])`,
    org,
    [
      "id",
      "key",
      "url",
      "outlet",
      "title",
      "publishedDate",
      "publishedPrecision",
      "kind",
      "version",
      "createdAt",
      "updatedAt",
    ],
    ["publishedDate", "createdAt", "updatedAt"],
  );

  // One `{ key }` per source, shared by the rows citing it (read-only, as the rest of the tree).
  const sourceOf = new Map(citedSources.map((source) => [source.id, { key: source.key }]));
  const source = (id: string) => {
    const found = sourceOf.get(id);
    // A foreign key (source_id → sources.id, same organisation by construction) makes this impossible.
    if (found === undefined) throw new Error(`source ${id} cited but not found`);
    return found;
  };
  // The rows are fresh objects of rowsOf: completed in place rather than copied (and their `sourceIds` dropped).
  const withSources = <R extends { sourceIds?: string[] }>(row: R) => {
    const sources = (row.sourceIds ?? []).map((id) => ({ source: source(id) }));
    delete row.sourceIds;
    return Object.assign(row, { sources });
  };
  const updatesOf = groupBy(
    statusUpdates.map((u): StatusUpdateRow =>
      withSources<Omit<StatusUpdateRow, "sources"> & { sourceIds?: string[] }>(u),
    ),
    "milestoneId",
  );
  const changesOf = groupBy(
    deadlineChanges.map((d): DeadlineChangeRow =>
      withSources<Omit<DeadlineChangeRow, "sources"> & { sourceIds?: string[] }>(d),
    ),
    "milestoneId",
  );
  const evidenceOf = groupBy(
    evidenceLinks.map((e): EvidenceLinkRow => Object.assign(e, { source: source(e.sourceId) })),
    "milestoneId",
  );
  const observationsOf = groupBy(
    observations.map((o): ObservationRow => Object.assign(o, { source: source(o.sourceId) })),
    "indicatorId",
  );
  const milestonesOf = groupBy(
    milestones.map((m): MilestoneRow =>
      Object.assign(m, {
        statusUpdates: updatesOf.get(m.id) ?? [],
        deadlineChanges: changesOf.get(m.id) ?? [],
        evidenceLinks: evidenceOf.get(m.id) ?? [],
      }),
    ),
    "commitmentId",
  );
  const indicatorsOf = groupBy(
    indicators.map((i): IndicatorRow => Object.assign(i, { observations: observationsOf.get(i.id) ?? [] })),
    "commitmentId",
  );
  const commitmentsOf = groupBy(
    commitments.map((c): CommitmentRow =>
      Object.assign(c, { milestones: milestonesOf.get(c.id) ?? [], indicators: indicatorsOf.get(c.id) ?? [] }),
    ),
    "agreementId",
  );
  return {
    agreements: agreements.map((a) => ({ ...a, commitments: commitmentsOf.get(a.id) ?? [] })),
    citedSources,
  };
}

/** The first agreement of `organisationId` matching `where` with its whole tree and the sources it cites, or null. */
export async function findAgreementTree(
  db: TreeReader,
  organisationId: string,
  where: Prisma.AgreementWhereInput,
): Promise<{ agreement: AgreementRow; citedSources: SourceRow[] } | null> {
  const { agreements, citedSources } = await findAgreementTrees(db, organisationId, { where, take: 1 });
  const [agreement] = agreements;
  return agreement === undefined ? null : { agreement, citedSources };
}
