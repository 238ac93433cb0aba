/**
 * Agreements as the domain objects the public pages, feeds, API and export read (lib/domain/types.ts Agreement, with
 * the Sources they cite): exactly what `findAgreementTrees` and the mappers' toAgreement / toSource give
 * (tests/integration/agreement-tree.test.ts compares the two on both engines, on the demo and a generated dataset),
 * read in the same fixed number of statements and in the same way, but without the row
 * columns no domain object has (ids below the commitments, positions, versions, timestamps, organisation ids) and
 * without a Date per date: a DATE column comes out of PostgreSQL's JSON as the `YYYY-MM-DD` text a PreciseDate holds.
 * On the Scale dataset's 2,000-milestone scorecard that is less text to parse and none of the ~30,000
 * Dates that rows (and Next.js's wrapped Date constructor) cost (bench/README.md, "Scale").
 *
 * The workspace and the daily evaluation, which need the rows' ids and versions, read agreement-tree.ts.
 *
 * With `detail: "health"`, for a page that shows the agreement's health and not each record (a compact scorecard:
 * lib/domain/scorecard.ts isCompactScorecard), the texts and citations no health rule reads (lib/domain/health) are
 * not read: status updates' rationales and deadline changes' reasons come as "", with no sources; an evidence link's
 * quote only when its stance delays or contradicts (a reason quotes it), "" otherwise; the sources, only those that
 * evidence and observations cite, without title ("") or URL, given by the citing rows themselves (no statement of
 * their own) and in the order they are first cited. The same statements on the same tables and indexes,
 * less text: healthAt of either read is the same (tests/integration/agreement-tree.test.ts).
 */
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { DatePrecision, SourceKind, Stance, Status } from "@/lib/db/generated/prisma/enums";
import type {
  Agreement,
  Commitment,
  DeadlineChange,
  EvidenceLink,
  Indicator,
  Milestone,
  Observation,
  PreciseDate,
  Source,
  StatusUpdate,
} from "@/lib/domain/types";
import { arraysOf, atMost, indicatorsOfAgreements, TREE_CONNECTIONS, type TreeReader } from "./agreement-tree";
import { toAgreementHead } from "./mappers";

// One row of each level, as its statement's json_build_array lists the values. Ids are the parent's (to group by)
// and, where a level has children, the row's own.
type CommitmentValues = [
  agreementId: string,
  id: string,
  ...rest: [string, string, string, string, string, string[], number],
];
type MilestoneValues = [
  commitmentId: string,
  id: string,
  key: string,
  title: string,
  owner: string,
  deadline: string | null,
  precision: DatePrecision | null,
];
type IndicatorValues = [
  commitmentId: string,
  id: string,
  key: string,
  title: string,
  unit: string,
  target: number | null,
];
type StatusUpdateValues = [
  milestoneId: string,
  on: string,
  onPrecision: DatePrecision,
  status: Status,
  rationale: string,
  sourceIds: string[],
];
type DeadlineChangeValues = [
  milestoneId: string,
  on: string,
  onPrecision: DatePrecision,
  to: string,
  toPrecision: DatePrecision,
  reason: string,
  sourceIds: string[],
];
/** What the health read gives of the source an evidence link or an observation cites, in the citing row. */
type CitedValues = [outlet: string, published: string, precision: DatePrecision, kind: SourceKind];
/** `source`: the source's id in the full read, its key and CitedValues in the health read. */
type EvidenceValues = [milestoneId: string, source: string, stance: Stance, quote: string, ...cited: [] | CitedValues];
type ObservationValues = [
  indicatorId: string,
  on: string,
  onPrecision: DatePrecision,
  value: number,
  source: string,
  quote: string,
  ...cited: [] | CitedValues,
];
type SourceValues = [
  id: string,
  key: string,
  url: string | null,
  outlet: string,
  title: string,
  published: string,
  precision: DatePrecision,
  kind: SourceKind,
];

/** Values grouped by their first (the parent's id), each group in the order the rows came, mapped. */
function groupedBy<V extends unknown[], T>(rows: readonly V[], map: (values: V) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const values of rows) {
    const parent = values[0] as string;
    const group = groups.get(parent);
    if (group) group.push(map(values));
    else groups.set(parent, [map(values)]);
  }
  return groups;
}

const day = (date: string, precision: DatePrecision): PreciseDate => ({ date, precision });

/** What a read returns: everything (`full`), or what the health computation needs (`health`: see above). */
export type DocumentDetail = "full" | "health";

/** SQL for `full` when the whole agreement is read, else for `health`. */
const byDetail = (detail: DocumentDetail, full: Prisma.Sql, health: Prisma.Sql): Prisma.Sql =>
  detail === "full" ? full : health;

/** In the health read, the cited source's values a citing row carries (CitedValues), from `sourceOf`'s join. */
const citedSource = Prisma.sql`s.outlet, s.published_date, s.published_precision::text, s.kind::text`;
/**
 * The source a citing row (`alias`: evidence link or observation) cites, as `s`: a lookup of its primary key, in the
 * organisation (as it is by construction: the foreign keys stay within it).
 */
const sourceOf = (alias: "e" | "o", organisationId: string): Prisma.Sql =>
  Prisma.sql`JOIN sources s ON s.id = ${Prisma.raw(alias)}.source_id AND s.organisation_id = ${organisationId}::uuid`;

/**
 * The agreements of `organisationId` matching `where`, in `orderBy` order, as domain objects, and the sources they
 * cite (by key). 9 statements (8 for `health`), whatever the size of the agreements; none but the first when none
 * matches.
 */
export async function findAgreementDocuments(
  db: TreeReader,
  organisationId: string,
  args: {
    where?: Prisma.AgreementWhereInput;
    orderBy?: Prisma.AgreementOrderByWithRelationInput[];
    detail?: DocumentDetail;
  } = {},
): Promise<{ agreements: Agreement[]; sources: Source[] }> {
  const detail = args.detail ?? "full";
  const agreements = await db.agreement.findMany({
    where: { ...args.where, organisationId },
    ...(args.orderBy ? { orderBy: args.orderBy } : {}),
  });
  if (agreements.length === 0) return { agreements: [], sources: [] };
  const ids = agreements.map((a) => a.id);
  const org = organisationId;

  // As in agreement-tree.ts: each level reached from the agreements through its parents, TREE_CONNECTIONS at a time.
  // The sources they cite, in the full read, come in a statement of the same batch, each once, reached through what
  // cites them (as the levels are), rather than by the ids the levels give once they are in: a statement that waited
  // for the others and bound an array of thousands of ids. The health read needs of a source only what evidence and
  // observations cite, and gets it in their rows (bench/README.md, "Scale"). Below the commitments, a level is reached
  // through the agreements' milestones.
  const milestonesOfAgreements = Prisma.sql`SELECT m.id FROM milestones m JOIN commitments c ON c.id = m.commitment_id
                                    WHERE c.agreement_id = ANY(${ids}::uuid[])`;
  const [sources, commitments, milestones, indicators, statusUpdates, deadlineChanges, evidence, observations] =
    await atMost(TREE_CONNECTIONS, [
      () =>
        detail === "health"
          ? Promise.resolve([])
          : arraysOf<SourceValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 s.id, s.key, s.url, s.outlet, s.title, s.published_date, s.published_precision::text, s.kind::text
               ) ORDER BY s.key), '[]')::text AS rows
          FROM sources s
          WHERE s.organisation_id = ${org}::uuid AND s.id IN (
            SELECT e.source_id FROM evidence_links e WHERE e.milestone_id IN (${milestonesOfAgreements})
            UNION ALL
            SELECT o.source_id FROM observations o
              WHERE o.indicator_id IN (SELECT i.id FROM ${indicatorsOfAgreements(ids)})
            UNION ALL
            SELECT us.source_id FROM status_update_sources us JOIN status_updates u ON u.id = us.status_update_id
              WHERE u.milestone_id IN (${milestonesOfAgreements})
            UNION ALL
            SELECT ds.source_id FROM deadline_change_sources ds JOIN deadline_changes d ON d.id = ds.deadline_change_id
              WHERE d.milestone_id IN (${milestonesOfAgreements}))`),
      () =>
        arraysOf<CommitmentValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 c.agreement_id, c.id, c.key, c.title, c.description, c.responsible, c.owner, c.tags, c.weight
               ) ORDER BY c.agreement_id, c.position, c.id), '[]')::text AS rows
          FROM commitments c
          WHERE c.agreement_id = ANY(${ids}::uuid[])`),
      () =>
        arraysOf<MilestoneValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 m.commitment_id, m.id, m.key, m.title, m.owner, m.deadline_date, m.deadline_precision::text
               ) ORDER BY m.commitment_id, m.position, m.id), '[]')::text AS rows
          FROM milestones m
          WHERE m.commitment_id IN (SELECT c.id FROM commitments c WHERE c.agreement_id = ANY(${ids}::uuid[]))`),
      () =>
        arraysOf<IndicatorValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 i.commitment_id, i.id, i.key, i.title, i.unit, i.target
               ) ORDER BY i.commitment_id, i.position, i.id), '[]')::text AS rows
          FROM ${indicatorsOfAgreements(ids)}`),
      () =>
        arraysOf<StatusUpdateValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 u.milestone_id, u.on_date, u.on_precision::text, u.status::text, ${byDetail(
                   detail,
                   Prisma.sql`u.rationale,
                   ARRAY(SELECT us.source_id FROM status_update_sources us
                      WHERE us.status_update_id = u.id ORDER BY us.position)`,
                   Prisma.sql`'', ARRAY[]::uuid[]`,
                 )}
               ) ORDER BY u.milestone_id, u.on_date, u.position, u.id), '[]')::text AS rows
          FROM status_updates u
          WHERE u.milestone_id IN (${milestonesOfAgreements})`),
      () =>
        arraysOf<DeadlineChangeValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 d.milestone_id, d.on_date, d.on_precision::text, d.to_date, d.to_precision::text, ${byDetail(
                   detail,
                   Prisma.sql`d.reason,
                   ARRAY(SELECT ds.source_id FROM deadline_change_sources ds
                      WHERE ds.deadline_change_id = d.id ORDER BY ds.position)`,
                   Prisma.sql`'', ARRAY[]::uuid[]`,
                 )}
               ) ORDER BY d.milestone_id, d.on_date, d.position, d.id), '[]')::text AS rows
          FROM deadline_changes d
          WHERE d.milestone_id IN (${milestonesOfAgreements})`),
      () =>
        arraysOf<EvidenceValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 e.milestone_id, ${byDetail(
                   detail,
                   Prisma.sql`e.source_id, e.stance::text, e.quote`,
                   Prisma.sql`s.key, e.stance::text,
                   CASE WHEN e.stance IN ('CONTRADICTS', 'INDICATES_DELAY') THEN e.quote ELSE '' END, ${citedSource}`,
                 )}
               ) ORDER BY e.milestone_id, e.position, e.id), '[]')::text AS rows
          FROM evidence_links e ${byDetail(detail, Prisma.empty, sourceOf("e", org))}
          WHERE e.milestone_id IN (${milestonesOfAgreements})`),
      () =>
        arraysOf<ObservationValues>(db.$queryRaw`
        SELECT coalesce(json_agg(json_build_array(
                 o.indicator_id, o.on_date, o.on_precision::text, o.value, ${byDetail(
                   detail,
                   Prisma.sql`o.source_id, o.quote`,
                   Prisma.sql`s.key, o.quote, ${citedSource}`,
                 )}
               ) ORDER BY o.indicator_id, o.on_date, o.position, o.id), '[]')::text AS rows
          FROM observations o ${byDetail(detail, Prisma.empty, sourceOf("o", org))}
          WHERE o.indicator_id IN (SELECT i.id FROM ${indicatorsOfAgreements(ids)})`),
    ] as const);

  // What cites a source, by its id until the keys are known.
  const citingOne: Array<{ source: string }> = [];
  const citingMany: string[][] = [];
  const updatesOf = groupedBy(statusUpdates, ([, on, onPrecision, status, rationale, sourceIds]): StatusUpdate => {
    citingMany.push(sourceIds);
    return { on: day(on, onPrecision), status, rationale, sources: sourceIds };
  });
  const changesOf = groupedBy(
    deadlineChanges,
    ([, on, onPrecision, to, toPrecision, reason, sourceIds]): DeadlineChange => {
      citingMany.push(sourceIds);
      return { on: day(on, onPrecision), to: day(to, toPrecision), reason, sources: sourceIds };
    },
  );
  // The full read's citing rows give a source's id, replaced by its key below. The health read's give its key, and
  // the health read's sources come from the first row citing each (CitedValues after the row's own values).
  const cited = new Map<string, Source>();
  const cite = (citing: { source: string }, row: readonly unknown[], own: number) => {
    if (detail === "full") citingOne.push(citing);
    else if (!cited.has(citing.source)) {
      const [outlet, published, precision, kind] = row.slice(own) as CitedValues;
      cited.set(citing.source, { id: citing.source, outlet, title: "", published: day(published, precision), kind });
    }
  };
  const evidenceOf = groupedBy(evidence, (row): EvidenceLink => {
    const link = { source: row[1], stance: row[2], quote: row[3] };
    cite(link, row, 4);
    return link;
  });
  const observationsOf = groupedBy(observations, (row): Observation => {
    const observation = { on: day(row[1], row[2]), value: row[3], source: row[4], quote: row[5] };
    cite(observation, row, 6);
    return observation;
  });
  const milestonesOf = groupedBy(milestones, ([, id, milestoneKey, title, owner, deadline, precision]): Milestone => ({
    id: milestoneKey,
    title,
    owner,
    deadline: deadline !== null && precision !== null ? day(deadline, precision) : null,
    deadlineChanges: changesOf.get(id) ?? [],
    statusUpdates: updatesOf.get(id) ?? [],
    evidence: evidenceOf.get(id) ?? [],
  }));
  const indicatorsOf = groupedBy(indicators, ([, id, indicatorKey, title, unit, target]): Indicator => ({
    id: indicatorKey,
    title,
    unit,
    ...(target === null ? {} : { target }),
    observations: observationsOf.get(id) ?? [],
  }));
  const commitmentsOf = groupedBy(
    commitments,
    ([, id, commitmentKey, title, description, responsible, owner, tags, weight]): Commitment => ({
      id: commitmentKey,
      title,
      description,
      responsible,
      owner,
      tags,
      weight,
      milestones: milestonesOf.get(id) ?? [],
      indicators: indicatorsOf.get(id) ?? [],
    }),
  );
  const documents = agreements.map((row): Agreement => ({
    ...toAgreementHead(row),
    commitments: commitmentsOf.get(row.id) ?? [],
  }));

  const keyOf = new Map(sources.map(([id, key]) => [id, key]));
  const key = (id: string): string => {
    const found = keyOf.get(id);
    // A foreign key (source_id → sources.id, same organisation by construction) makes this impossible.
    if (found === undefined) throw new Error(`source ${id} cited but not found`);
    return found;
  };
  for (const citing of citingOne) citing.source = key(citing.source);
  for (const ids of citingMany) for (let i = 0; i < ids.length; i++) ids[i] = key(ids[i]!);
  if (detail === "health") return { agreements: documents, sources: [...cited.values()] };
  return {
    agreements: documents,
    sources: sources.map(([, sourceKey, url, outlet, title, published, precision, kind]): Source => ({
      id: sourceKey,
      ...(url === null ? {} : { url }),
      outlet,
      title,
      published: day(published, precision),
      kind,
    })),
  };
}

/** How many agreements a read of a whole organisation holds at once (documentBatches). */
export const AGREEMENTS_PER_BATCH = 5;

/**
 * The agreements `ids` of `organisationId` (those of them that still match `where`), AGREEMENTS_PER_BATCH at a
 * time, in the order of `orderBy`, each batch with the sources it cites, read when the one before has been taken:
 * for what is computed over a whole organisation and keeps little of each agreement (the find page, the organisation
 * feed, "changed since"). Each batch's statements are bound by the ids of a few agreements, so the planner reaches
 * every level through its parent's index, as for one agreement, rather than scanning a tenth of each table
 * (bench/README.md, "Scale"). No snapshot is taken, as for one agreement's read (its statements go out on several
 * connections): an edit saved while the batches are read shows in the later ones only.
 */
export async function* documentBatches(
  db: TreeReader,
  organisationId: string,
  ids: readonly string[],
  args: { where?: Prisma.AgreementWhereInput; orderBy: Prisma.AgreementOrderByWithRelationInput[] },
): AsyncGenerator<{ agreements: Agreement[]; sources: Source[] }> {
  for (let start = 0; start < ids.length; start += AGREEMENTS_PER_BATCH) {
    yield await findAgreementDocuments(db, organisationId, {
      where: { ...args.where, id: { in: ids.slice(start, start + AGREEMENTS_PER_BATCH) } },
      orderBy: args.orderBy,
    });
  }
}
