/**
 * Agreements with their whole tree (mappers.ts agreementTree), loaded in a fixed number of statements of a fixed
 * size, however many commitments, milestones and records they hold.
 *
 * Why not `include: agreementTree`: Prisma loads each level of an include with one statement whose `IN ($1, $2, …)`
 * list holds every id of the level above, so the scorecard of a 2,000-milestone agreement sent statements of 2,000
 * to 4,300 parameters (each parsed, planned and bound), and then stitched the levels together in JavaScript: about
 * 500 ms on the Scale dataset (bench/README.md, "Scale"). Here every level is one statement with one parameter,
 * ONE array of the parent level's ids (`milestone_id = ANY($1::uuid[])`, an index scan on the (parent, order) index
 * every level has); the statements that do not depend on each other run concurrently (five
 * round trips after the agreements); the sources cited are read once, by id, and give the keys; the levels are
 * assembled in one pass. Below the agreements, a level is reached by its parents' ids alone: those ids were read
 * within the organisation, and a tenant filter beside them (`organisation_id = $1 AND milestone_id = ANY($2)`) made
 * the planner walk the organisation's whole organisation_id index instead (140 ms instead of 2 for the evidence). The result is exactly the `Prisma.AgreementGetPayload<{ include: typeof agreementTree }>`
 * that toAgreement (and the workspace's versions) read, in the same order (tests/integration/agreement-tree.test.ts
 * compares the two on the same data). Every statement runs even when the level above is empty, so the number of
 * statements is the same for every agreement: 11, plus the agreements' own.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { AgreementRow, SourceRow } from "./mappers";

type Reader = Pick<Prisma.TransactionClient, "agreement" | "$queryRaw">;

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
 * The rows of one level, read as ONE JSON text (`coalesce(json_agg(x ORDER BY …), '[]')::text`): a single value for
 * the driver and Prisma to pass on and one native JSON.parse, instead of converting every value of every row (most
 * of the time the tree took in JavaScript); the `dates` columns are made Dates again, as Prisma returns them.
 */
async function rowsOf<T>(query: PromiseLike<JsonRows>, dates: readonly DateKey[]): Promise<T[]> {
  const [result] = await query;
  const rows = JSON.parse(result?.rows ?? "[]") as Array<Record<string, unknown>>;
  for (const row of rows) {
    for (const key of dates) {
      const value = row[key];
      if (typeof value === "string") row[key] = new Date(value);
    }
  }
  return rows as T[];
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
 * `findMany({ where, orderBy, include: agreementTree })` returns), and the sources they cite. 11 statements, whatever
 * the size of the trees; none but the first when no agreement matches.
 */
export async function findAgreementTrees(
  db: Reader,
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

  const commitments = await rowsOf<Omit<CommitmentRow, "milestones" | "indicators">>(
    db.$queryRaw<JsonRows>`
      SELECT coalesce(json_agg(x ORDER BY x."agreementId", x.position, x.id), '[]')::text AS rows FROM (
        SELECT c.id, c.organisation_id AS "organisationId", c.agreement_id AS "agreementId", c.key, c.title,
               c.description, c.responsible, c.owner, c.tags, c.weight, c.position, c.version,
               c.created_at AS "createdAt", c.updated_at AS "updatedAt"
          FROM commitments c
          WHERE c.agreement_id = ANY(${idsOf(agreements)}::uuid[])
      ) x`,
    ["createdAt", "updatedAt"],
  );
  const commitmentIds = idsOf(commitments);

  const [milestones, indicators] = await Promise.all([
    rowsOf<Omit<MilestoneRow, "statusUpdates" | "deadlineChanges" | "evidenceLinks">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."commitmentId", x.position, x.id), '[]')::text AS rows FROM (
          SELECT m.id, m.organisation_id AS "organisationId", m.commitment_id AS "commitmentId", m.key, m.title, m.owner,
                 m.deadline_date AS "deadlineDate", m.deadline_precision::text AS "deadlinePrecision", m.position,
                 m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt"
            FROM milestones m
            WHERE m.commitment_id = ANY(${commitmentIds}::uuid[])
        ) x`,
      ["deadlineDate", "createdAt", "updatedAt"],
    ),
    rowsOf<Omit<IndicatorRow, "observations">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."commitmentId", x.position, x.id), '[]')::text AS rows FROM (
          SELECT i.id, i.organisation_id AS "organisationId", i.commitment_id AS "commitmentId", i.key, i.title, i.unit,
                 i.target, i.position, i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"
            FROM indicators i
            WHERE i.commitment_id = ANY(${commitmentIds}::uuid[])
        ) x`,
      ["createdAt", "updatedAt"],
    ),
  ]);
  const milestoneIds = idsOf(milestones);

  const [statusUpdates, deadlineChanges, evidenceLinks, observations] = await Promise.all([
    rowsOf<Omit<StatusUpdateRow, "sources">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."milestoneId", x."onDate", x.position, x.id), '[]')::text AS rows FROM (
          SELECT u.id, u.organisation_id AS "organisationId", u.milestone_id AS "milestoneId", u.on_date AS "onDate",
                 u.on_precision::text AS "onPrecision", u.status::text AS status, u.rationale, u.position,
                 u.created_at AS "createdAt"
            FROM status_updates u
            WHERE u.milestone_id = ANY(${milestoneIds}::uuid[])
        ) x`,
      ["onDate", "createdAt"],
    ),
    rowsOf<Omit<DeadlineChangeRow, "sources">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."milestoneId", x."onDate", x.position, x.id), '[]')::text AS rows FROM (
          SELECT d.id, d.organisation_id AS "organisationId", d.milestone_id AS "milestoneId", d.on_date AS "onDate",
                 d.on_precision::text AS "onPrecision", d.to_date AS "toDate", d.to_precision::text AS "toPrecision",
                 d.reason, d.position, d.created_at AS "createdAt"
            FROM deadline_changes d
            WHERE d.milestone_id = ANY(${milestoneIds}::uuid[])
        ) x`,
      ["onDate", "toDate", "createdAt"],
    ),
    rowsOf<Omit<EvidenceLinkRow, "source">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."milestoneId", x.position, x.id), '[]')::text AS rows FROM (
          SELECT e.id, e.organisation_id AS "organisationId", e.milestone_id AS "milestoneId", e.source_id AS "sourceId",
                 e.stance::text AS stance, e.quote, e.position, e.version, e.created_at AS "createdAt"
            FROM evidence_links e
            WHERE e.milestone_id = ANY(${milestoneIds}::uuid[])
        ) x`,
      ["createdAt"],
    ),
    rowsOf<Omit<ObservationRow, "source">>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."indicatorId", x."onDate", x.position, x.id), '[]')::text AS rows FROM (
          SELECT o.id, o.organisation_id AS "organisationId", o.indicator_id AS "indicatorId", o.on_date AS "onDate",
                 o.on_precision::text AS "onPrecision", o.value, o.source_id AS "sourceId", o.quote, o.position,
                 o.created_at AS "createdAt"
            FROM observations o
            WHERE o.indicator_id = ANY(${idsOf(indicators)}::uuid[])
        ) x`,
      ["onDate", "createdAt"],
    ),
  ]);

  const [statusUpdateSources, deadlineChangeSources] = await Promise.all([
    rowsOf<{ statusUpdateId: string; sourceId: string }>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."statusUpdateId", x.position), '[]')::text AS rows FROM (
          SELECT us.status_update_id AS "statusUpdateId", us.position, us.source_id AS "sourceId"
            FROM status_update_sources us
            WHERE us.status_update_id = ANY(${idsOf(statusUpdates)}::uuid[])
        ) x`,
      [],
    ),
    rowsOf<{ deadlineChangeId: string; sourceId: string }>(
      db.$queryRaw<JsonRows>`
        SELECT coalesce(json_agg(x ORDER BY x."deadlineChangeId", x.position), '[]')::text AS rows FROM (
          SELECT ds.deadline_change_id AS "deadlineChangeId", ds.position, ds.source_id AS "sourceId"
            FROM deadline_change_sources ds
            WHERE ds.deadline_change_id = ANY(${idsOf(deadlineChanges)}::uuid[])
        ) x`,
      [],
    ),
  ]);

  const citedIds = new Set<string>();
  for (const rows of [statusUpdateSources, deadlineChangeSources, evidenceLinks, observations]) {
    for (const row of rows) citedIds.add(row.sourceId);
  }
  const citedSources = await rowsOf<SourceRow>(
    db.$queryRaw<JsonRows>`
      SELECT coalesce(json_agg(x ORDER BY x.key), '[]')::text AS rows FROM (
        SELECT s.id, s.organisation_id AS "organisationId", s.key, s.url, s.outlet, s.title,
               s.published_date AS "publishedDate", s.published_precision::text AS "publishedPrecision",
               s.kind::text AS kind, s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"
          FROM sources s
          WHERE s.organisation_id = ${org}::uuid AND s.id = ANY(${[...citedIds]}::uuid[])
      ) x`,
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
  const cited = (rows: Array<{ sourceId: string }> | undefined) =>
    (rows ?? []).map(({ sourceId }) => ({ source: source(sourceId) }));

  // The rows are JSON.parse's fresh objects: completed in place rather than copied.
  const sourcesOfUpdate = groupBy(statusUpdateSources, "statusUpdateId");
  const sourcesOfChange = groupBy(deadlineChangeSources, "deadlineChangeId");
  const updatesOf = groupBy(
    statusUpdates.map((u): StatusUpdateRow => Object.assign(u, { sources: cited(sourcesOfUpdate.get(u.id)) })),
    "milestoneId",
  );
  const changesOf = groupBy(
    deadlineChanges.map((d): DeadlineChangeRow => Object.assign(d, { sources: cited(sourcesOfChange.get(d.id)) })),
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
  db: Reader,
  organisationId: string,
  where: Prisma.AgreementWhereInput,
): Promise<{ agreement: AgreementRow; citedSources: SourceRow[] } | null> {
  const { agreements, citedSources } = await findAgreementTrees(db, organisationId, { where, take: 1 });
  const [agreement] = agreements;
  return agreement === undefined ? null : { agreement, citedSources };
}
