/**
 * What the public scorecard reads: published agreements only, and the sources they cite. Through readerFor: on a read
 * replica when the viewer is anonymous and replicas are configured. The agreement trees are read with raw statements
 * (lib/data/agreement-documents.ts), which the replicas extension would send to the primary: they go to
 * rawReadsOf(reader), a replica (or the primary itself for a signed-in viewer).
 */
import { authorize } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Agreement, PreciseDate, Source } from "@/lib/domain/types";
import {
  FindOptionsCollector,
  MARK_END,
  MARK_START,
  PageCollector,
  findMilestones,
  type FindOptions,
  type FoundMilestone,
  type HitField,
  type ResultsPage,
  type TextHit,
} from "@/lib/domain/find";
import type { Locale } from "@/lib/domain/locale";
import type { FindFilters } from "@/lib/domain/schemas/find";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isCompactMilestoneCount, isCompactScorecard } from "@/lib/domain/scorecard";
import { documentBatches, findAgreementDocuments, type DocumentDetail } from "./agreement-documents";
import type { TreeReader } from "./agreement-tree";
import { toPreciseDate, toSource } from "./mappers";
import type { OrganisationSummary } from "./organisations";
import { rememberedPublicRead } from "./public-answers";
import { rawReadsOf, readerFor } from "./reader";

export type { OrganisationSummary };

export interface AgreementSummary {
  slug: string;
  title: string;
  summary: string;
  parties: readonly [string, string];
  announced: PreciseDate;
}

const summarySelect = {
  slug: true,
  title: true,
  summary: true,
  partyA: true,
  partyB: true,
  announcedDate: true,
  announcedPrecision: true,
} as const;

function toSummary(row: {
  slug: string;
  title: string;
  summary: string;
  partyA: string;
  partyB: string;
  announcedDate: Date;
  announcedPrecision: PreciseDate["precision"];
}): AgreementSummary {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    parties: [row.partyA, row.partyB],
    announced: toPreciseDate(row.announcedDate, row.announcedPrecision),
  };
}

/** Every organisation with something published, by name, with its published agreements by title. */
export async function listPublishedAgreementsByOrganisation(
  viewer: Viewer,
): Promise<Array<{ organisation: OrganisationSummary; agreements: AgreementSummary[] }>> {
  authorize(viewer, "published:read", {});
  const db = await readerFor(viewer);
  const organisations = await db.organisation.findMany({
    where: { agreements: { some: { published: true } } },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      agreements: { where: { published: true }, orderBy: { title: "asc" }, select: summarySelect },
    },
  });
  return organisations.map(({ slug, name, agreements }) => ({
    organisation: { slug, name },
    agreements: agreements.map(toSummary),
  }));
}

/** An organisation and its published agreements; null when it does not exist or publishes nothing. */
export async function getPublishedOrganisation(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; agreements: AgreementSummary[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  return rememberedPublicRead(viewer, `organisation\0${orgSlug}`, async () => {
    const db = await readerFor(viewer);
    const organisation = await db.organisation.findUnique({
      where: { slug: orgSlug },
      select: {
        slug: true,
        name: true,
        agreements: { where: { published: true }, orderBy: { title: "asc" }, select: summarySelect },
      },
    });
    if (organisation === null || organisation.agreements.length === 0) return null;
    return {
      organisation: { slug: organisation.slug, name: organisation.name },
      agreements: organisation.agreements.map(toSummary),
    };
  });
}

/** A published agreement with its whole tree and the sources it cites; null when not found or not published. */
export async function getPublishedAgreement(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<{ organisation: OrganisationSummary; agreement: Agreement; sources: Source[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  return rememberedPublicRead(viewer, `agreement\0${orgSlug}\0${agreementSlug}`, () =>
    publishedAgreement(viewer, orgSlug, agreementSlug, async () => "full"),
  );
}

/**
 * The scorecard page's read: getPublishedAgreement's, but for an agreement whose scorecard is compact (its milestones
 * counted first: lib/domain/scorecard.ts isCompactMilestoneCount) only what its health needs (agreement-documents.ts
 * `detail: "health"`), which is all a compact scorecard shows of its records. `compact` says which was read.
 */
export async function getPublishedScorecard(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<{ organisation: OrganisationSummary; agreement: Agreement; sources: Source[]; compact: boolean } | null> {
  let compact = false;
  const found = await publishedAgreement(viewer, orgSlug, agreementSlug, async (db, organisationId) => {
    const [counted] = await db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count
        FROM milestones m
        JOIN commitments c ON c.id = m.commitment_id
        JOIN agreements a ON a.id = c.agreement_id
        WHERE a.organisation_id = ${organisationId}::uuid AND a.slug = ${agreementSlug} AND a.published`;
    compact = isCompactMilestoneCount(counted?.count ?? 0);
    return compact ? "health" : "full";
  });
  if (found === null) return null;
  if (compact && !isCompactScorecard(found.agreement)) {
    // Milestones deleted between the count and the read: a full scorecard after all, which shows every record.
    const full = await getPublishedAgreement(viewer, orgSlug, agreementSlug);
    return full === null ? null : { ...full, compact: false };
  }
  // (Counted at most the threshold but more read: a compact scorecard of the whole read, which holds all it needs.)
  return { ...found, compact: isCompactScorecard(found.agreement) };
}

/**
 * The published agreement read for its health alone (agreement-documents.ts `detail: "health"`), whatever its size:
 * for what shows its health and nothing of its records (the widget, the link preview's picture).
 */
export async function getPublishedAgreementHealth(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
): Promise<{ organisation: OrganisationSummary; agreement: Agreement; sources: Source[] } | null> {
  return publishedAgreement(viewer, orgSlug, agreementSlug, async () => "health");
}

/** The published agreement `agreementSlug` of `orgSlug`, read in the detail `detailOf` chooses, with its sources. */
async function publishedAgreement(
  viewer: Viewer,
  orgSlug: string,
  agreementSlug: string,
  detailOf: (db: TreeReader, organisationId: string) => Promise<DocumentDetail>,
): Promise<{ organisation: OrganisationSummary; agreement: Agreement; sources: Source[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await readerFor(viewer);
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) return null;
  const reads = rawReadsOf(db);
  // The sources it cites come with it (agreement-documents.ts), by key.
  const { agreements, sources } = await findAgreementDocuments(reads, organisation.id, {
    where: { slug: agreementSlug, published: true },
    detail: await detailOf(reads, organisation.id),
  });
  const [agreement] = agreements;
  if (agreement === undefined) return null;
  return { organisation: { slug: organisation.slug, name: organisation.name }, agreement, sources };
}

/** The public order of an organisation's agreements: by title (then slug, which is unique). */
const PUBLISHED_ORDER: Prisma.AgreementOrderByWithRelationInput[] = [{ title: "asc" }, { slug: "asc" }];

/** Some of an organisation's published agreements, each with its whole tree, and the sources they cite. */
export interface PublishedBatch {
  readonly agreements: Agreement[];
  readonly sources: Source[];
}

/**
 * Every published agreement of an organisation, in the public order, AGREEMENTS_PER_BATCH at a time
 * (agreement-documents.ts documentBatches): for what is computed over all of them and keeps little of each (the find
 * page, the organisation feed). Null when the organisation does not exist or publishes nothing.
 */
export async function readPublishedInBatches(
  viewer: Viewer,
  orgSlug: string,
): Promise<{ organisation: OrganisationSummary; batches: AsyncIterable<PublishedBatch> } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await readerFor(viewer);
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: {
      id: true,
      slug: true,
      name: true,
      agreements: { where: { published: true }, orderBy: PUBLISHED_ORDER, select: { id: true } },
    },
  });
  if (organisation === null || organisation.agreements.length === 0) return null;
  const ids = organisation.agreements.map((a) => a.id);
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    batches: documentBatches(rawReadsOf(db), organisation.id, ids, {
      where: { published: true },
      orderBy: PUBLISHED_ORDER,
    }),
  };
}

/** What the find page shows: one page of the milestones found, and what its form offers. */
export interface PublishedFind {
  readonly organisation: OrganisationSummary;
  /** Every party, owner and tag of the organisation's published agreements. */
  readonly options: FindOptions;
  /** The filters applied: those asked, but the text when it has no searchable word (`searchable` false). */
  readonly filters: FindFilters;
  readonly searchable: boolean;
  readonly results: ResultsPage<FoundMilestone>;
  /** The sources the shown results' text hits cite. */
  readonly sources: Source[];
}

/**
 * The find page's read (lib/domain/find.ts findMilestones): page `page` of the milestones of an organisation's
 * published agreements that match `filters` as of `asOf`, in the agreements' public order. The agreements are read
 * and computed AGREEMENTS_PER_BATCH at a time (readPublishedInBatches), keeping only the page shown, so the memory it needs does not
 * grow with the organisation. Null when the organisation does not exist or publishes nothing.
 */
export async function findPublishedMilestones(
  viewer: Viewer,
  orgSlug: string,
  query: { filters: FindFilters; asOf: string; page: number; locale: Locale },
): Promise<PublishedFind | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const { filters, asOf, page, locale } = query;
  return rememberedPublicRead(viewer, `find\0${orgSlug}\0${asOf}\0${page}\0${locale}\0${JSON.stringify(filters)}`, () =>
    findPublished(viewer, orgSlug, query),
  );
}

async function findPublished(
  viewer: Viewer,
  orgSlug: string,
  query: { filters: FindFilters; asOf: string; page: number; locale: Locale },
): Promise<PublishedFind | null> {
  const published = await readPublishedInBatches(viewer, orgSlug);
  if (published === null) return null;

  let filters = query.filters;
  let searchable = true;
  const hitsByAgreement = new Map<string, TextHit[]>();
  // The hits without their snippets: only those of the results shown get one, at the end.
  let search: FoundHits | null = null;
  if (filters.q !== null) {
    const { q } = filters;
    const found = await rememberedPublicRead(viewer, `search-hits\0${orgSlug}\0${query.asOf}\0${q}`, () =>
      searchHits(viewer, orgSlug, q, query.asOf),
    );
    if (found === null) return null;
    searchable = found !== "unsearchable";
    if (found === "unsearchable") filters = { ...filters, q: null };
    else search = found;
    for (const hit of search?.hits ?? []) {
      const list = hitsByAgreement.get(hit.agreement);
      if (list) list.push(hit);
      else hitsByAgreement.set(hit.agreement, [hit]);
    }
  }

  const options = new FindOptionsCollector();
  const results = new PageCollector<FoundMilestone>(query.page);
  // The sources cited by the text hits of the results kept so far (those of a batch are let go with it).
  let cited = new Map<string, Source>();
  for await (const batch of published.batches) {
    options.add(batch.agreements);
    const hits = filters.q === null ? null : batch.agreements.flatMap((a) => hitsByAgreement.get(a.slug) ?? []);
    results.add(findMilestones(batch.agreements, batch.sources, filters, query.asOf, hits, query.locale));
    const available = new Map([...cited, ...batch.sources.map((s) => [s.id, s] as const)]);
    cited = sourcesOfHits(results.kept(), available);
  }
  const page = results.result();
  const snippets = new Map<TextHit, TextHit>();
  if (search !== null) {
    const shownHits = page.items.flatMap((found) => found.hits);
    const made = await withSnippets(viewer, search, shownHits);
    shownHits.forEach((hit, index) => snippets.set(hit, made[index]!));
  }
  const shown = {
    ...page,
    items: page.items.map((found) => ({ ...found, hits: found.hits.map((hit) => snippets.get(hit) ?? hit) })),
  };
  const sources = sourcesOfHits(shown.items, cited);
  return {
    organisation: published.organisation,
    options: options.result(),
    filters,
    searchable,
    results: shown,
    sources: [...sources.values()],
  };
}

/** The sources of `available` that the text hits of `found` cite, each once. */
function sourcesOfHits(found: readonly FoundMilestone[], available: ReadonlyMap<string, Source>): Map<string, Source> {
  const cited = new Map<string, Source>();
  for (const hit of found.flatMap((f) => f.hits)) {
    const source = hit.source === null ? undefined : available.get(hit.source);
    if (source !== undefined) cited.set(source.id, source);
  }
  return cited;
}

/** How ts_headline marks the matched words: see lib/domain/find.ts MARK_START / MARK_END. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

interface HitRow {
  agreement: string;
  commitment: string;
  milestone: string;
  field: HitField;
  source: string | null;
  /** The id of the record whose text matched, in its table (the field's). */
  record: string;
}

/** The hits of a search before their snippets are made, each with the record its snippet comes from. */
interface FoundHits {
  readonly organisationId: string;
  readonly text: string;
  /** The hits, `snippet` empty; `records` gives each one's record. */
  readonly hits: TextHit[];
  readonly records: ReadonlyMap<TextHit, string>;
}

/**
 * Full-text search of an organisation's published agreements as of a day (the find page): milestone titles,
 * commitment titles, status update rationales, evidence quotes and indicator observation quotes. A hit on a
 * commitment's title or on one of its observations is a hit for each of its milestones. Records dated after
 * `asOf` (status updates, observations, and evidence whose source is later) are not searched, as they do not exist
 * yet for the scorecard of that day.
 *
 * PostgreSQL full-text search with the 'english' configuration and websearch_to_tsquery, which accepts anything a
 * reader types ("quoted phrases", or, -word) and never fails on syntax; every value is a bound parameter. The
 * expressions match the GIN indexes of prisma/migrations/*_find_full_text. Hits come in scorecard order.
 * `searchable` is false when the text has no searchable word (only stop words or punctuation): nothing is searched.
 * Null when the organisation does not exist.
 */
export async function searchPublishedMilestones(
  viewer: Viewer,
  orgSlug: string,
  text: string,
  asOf: string,
): Promise<{ searchable: boolean; hits: TextHit[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  return rememberedPublicRead(viewer, `search\0${orgSlug}\0${asOf}\0${text}`, async () => {
    const found = await searchHits(viewer, orgSlug, text, asOf);
    if (found === null) return null;
    if (found === "unsearchable") return { searchable: false, hits: [] };
    return { searchable: true, hits: await withSnippets(viewer, found, found.hits) };
  });
}

/**
 * The hits of the search (searchPublishedMilestones), without their snippets: making one (ts_headline) costs ~25 µs
 * a record, about nine tenths of a search of a common word, and a page shows few of them. "unsearchable" when the
 * text has no searchable word; null when the organisation does not exist.
 */
async function searchHits(
  viewer: Viewer,
  orgSlug: string,
  text: string,
  asOf: string,
): Promise<FoundHits | "unsearchable" | null> {
  const db = await readerFor(viewer);
  const organisation = await db.organisation.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  if (organisation === null) return null;
  const org = organisation.id;
  const raw = rawReadsOf(db);
  const [{ nodes } = { nodes: 0 }] = await raw.$queryRaw<Array<{ nodes: number }>>`
    SELECT numnode(search_query(${text}))::int AS nodes`;
  if (nodes === 0) return "unsearchable";
  const rows = await raw.$queryRaw<HitRow[]>`
    WITH query AS (SELECT search_query(${text}) AS q),
    hits AS (
      SELECT m.id AS milestone_id, 1 AS field_order, 'milestone' AS field, NULL::text AS source,
             0 AS position_a, 0 AS position_b, m.id AS record
        FROM milestones m
       WHERE m.organisation_id = ${org}::uuid
         AND search_vector(m.title) @@ (SELECT q FROM query)
      UNION ALL
      SELECT m.id, 2, 'commitment', NULL, 0, 0, c.id
        FROM commitments c
        JOIN milestones m ON m.commitment_id = c.id AND m.organisation_id = ${org}::uuid
       WHERE c.organisation_id = ${org}::uuid
         AND search_vector(c.title) @@ (SELECT q FROM query)
      UNION ALL
      SELECT s.milestone_id, 3, 'status-update', NULL, s.position, 0, s.id
        FROM status_updates s
       WHERE s.organisation_id = ${org}::uuid
         AND s.on_date <= ${asOf}::date
         AND search_vector(s.rationale) @@ (SELECT q FROM query)
      UNION ALL
      SELECT e.milestone_id, 4, 'evidence', src.key, e.position, 0, e.id
        FROM evidence_links e
        JOIN sources src ON src.id = e.source_id AND src.organisation_id = ${org}::uuid
       WHERE e.organisation_id = ${org}::uuid
         AND src.published_date <= ${asOf}::date
         AND search_vector(e.quote) @@ (SELECT q FROM query)
      UNION ALL
      SELECT m.id, 5, 'observation', src.key, i.position, o.position, o.id
        FROM observations o
        JOIN indicators i ON i.id = o.indicator_id AND i.organisation_id = ${org}::uuid
        JOIN sources src ON src.id = o.source_id AND src.organisation_id = ${org}::uuid
        JOIN milestones m ON m.commitment_id = i.commitment_id AND m.organisation_id = ${org}::uuid
       WHERE o.organisation_id = ${org}::uuid
         AND o.on_date <= ${asOf}::date
         AND search_vector(o.quote) @@ (SELECT q FROM query)
    )
    SELECT a.slug AS agreement, c.key AS commitment, m.key AS milestone, h.field, h.source, h.record::text AS record
      FROM hits h
      JOIN milestones m ON m.id = h.milestone_id AND m.organisation_id = ${org}::uuid
      JOIN commitments c ON c.id = m.commitment_id AND c.organisation_id = ${org}::uuid
      JOIN agreements a ON a.id = c.agreement_id AND a.organisation_id = ${org}::uuid AND a.published
     ORDER BY a.slug COLLATE "C", c.position, m.position, h.field_order, h.position_a, h.position_b`;
  const records = new Map<TextHit, string>();
  const hits = rows.map((row) => {
    const hit: TextHit = {
      agreement: row.agreement,
      commitment: row.commitment,
      milestone: row.milestone,
      field: row.field,
      source: row.source,
      snippet: "",
    };
    records.set(hit, row.record);
    return hit;
  });
  return { organisationId: org, text, hits, records };
}

/**
 * `hits` (some of `found`'s) with their snippets: the matched passage of each one's record, the matched words
 * between MARK_START and MARK_END. One statement, whatever the number of hits; each record's text read by its
 * primary key.
 */
async function withSnippets(viewer: Viewer, found: FoundHits, hits: readonly TextHit[]): Promise<TextHit[]> {
  const wanted = new Map<string, HitField>();
  for (const hit of hits) {
    const record = found.records.get(hit);
    if (record === undefined) throw new Error("withSnippets: a hit that is not the search's");
    wanted.set(record, hit.field);
  }
  if (wanted.size === 0) return [];
  const org = found.organisationId;
  const rows = await rawReadsOf(await readerFor(viewer)).$queryRaw<Array<{ record: string; snippet: string }>>`
    WITH query AS (SELECT search_query(${found.text}) AS q),
    wanted AS (SELECT * FROM unnest(${[...wanted.keys()]}::uuid[], ${[...wanted.values()]}::text[]) AS w(id, field)),
    bodies AS (
      SELECT w.id, m.title AS body FROM wanted w
        JOIN milestones m ON m.id = w.id AND m.organisation_id = ${org}::uuid WHERE w.field = 'milestone'
      UNION ALL
      SELECT w.id, c.title FROM wanted w
        JOIN commitments c ON c.id = w.id AND c.organisation_id = ${org}::uuid WHERE w.field = 'commitment'
      UNION ALL
      SELECT w.id, s.rationale FROM wanted w
        JOIN status_updates s ON s.id = w.id AND s.organisation_id = ${org}::uuid WHERE w.field = 'status-update'
      UNION ALL
      SELECT w.id, e.quote FROM wanted w
        JOIN evidence_links e ON e.id = w.id AND e.organisation_id = ${org}::uuid WHERE w.field = 'evidence'
      UNION ALL
      SELECT w.id, o.quote FROM wanted w
        JOIN observations o ON o.id = w.id AND o.organisation_id = ${org}::uuid WHERE w.field = 'observation'
    )
    SELECT b.id::text AS record,
           ts_headline('english'::regconfig, search_text(b.body), (SELECT q FROM query), ${HEADLINE_OPTIONS}) AS snippet
      FROM bodies b`;
  const snippets = new Map(rows.map((row) => [row.record, row.snippet]));
  // A record deleted since the search has no snippet: its hit is shown without one.
  return hits.map((hit) => ({ ...hit, snippet: snippets.get(found.records.get(hit) ?? "") ?? "" }));
}

/**
 * A source of the organisation and the published agreements that cite it (by a status update, a deadline change, an
 * evidence link or an indicator observation), each with its whole tree, by title: what the source's public page is
 * built from. Null when the source does not exist or no published record cites it (a source cited only by drafts is
 * not public).
 */
export async function getPublishedSource(
  viewer: Viewer,
  orgSlug: string,
  sourceKey: string,
): Promise<{ organisation: OrganisationSummary; source: Source; agreements: Agreement[] } | null> {
  authorize(viewer, "published:read", { organisation: orgSlug });
  const db = await readerFor(viewer);
  const organisation = await db.organisation.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) return null;
  const source = await db.source.findUnique({
    where: { organisationId_key: { organisationId: organisation.id, key: sourceKey } },
  });
  if (source === null) return null;
  // The agreements citing it, found from the citations up (each through its table's source_id index), rather than
  // by a nested relation filter over every agreement, which the planner answered with sequential scans of the
  // citation tables (bench/README.md, "Scale").
  const org = organisation.id;
  const citing = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT c.agreement_id AS id
      FROM (SELECT m.commitment_id
              FROM evidence_links e JOIN milestones m ON m.id = e.milestone_id
             WHERE e.source_id = ${source.id}::uuid AND e.organisation_id = ${org}::uuid
            UNION
            SELECT m.commitment_id
              FROM status_update_sources us
              JOIN status_updates u ON u.id = us.status_update_id
              JOIN milestones m ON m.id = u.milestone_id
             WHERE us.source_id = ${source.id}::uuid AND us.organisation_id = ${org}::uuid
            UNION
            SELECT m.commitment_id
              FROM deadline_change_sources ds
              JOIN deadline_changes d ON d.id = ds.deadline_change_id
              JOIN milestones m ON m.id = d.milestone_id
             WHERE ds.source_id = ${source.id}::uuid AND ds.organisation_id = ${org}::uuid
            UNION
            SELECT i.commitment_id
              FROM observations o JOIN indicators i ON i.id = o.indicator_id
             WHERE o.source_id = ${source.id}::uuid AND o.organisation_id = ${org}::uuid) cited
      JOIN commitments c ON c.id = cited.commitment_id AND c.organisation_id = ${org}::uuid`;
  const { agreements } = await findAgreementDocuments(rawReadsOf(db), organisation.id, {
    where: { published: true, id: { in: citing.map((row) => row.id) } },
    orderBy: PUBLISHED_ORDER,
  });
  if (agreements.length === 0) return null;
  return { organisation: { slug: organisation.slug, name: organisation.name }, source: toSource(source), agreements };
}
