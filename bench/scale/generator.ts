/**
 * The "Scale" dataset (bench/README.md, "Scale"): a deterministic (seeded) PostgreSQL dataset of, by default,
 * 1,000 agreements, 200,000 commitments, 1,000,000 milestones and 2,000,000 evidence links, written with `pg`
 * directly (multi-row INSERT … SELECT FROM unnest($1::uuid[], …), one transaction per batch of agreements).
 *
 * It bypasses lib/data on purpose (a bench tool), but writes what lib/data would: every row valid for the schema of
 * prisma/migrations and for the domain (DESIGN.md): real statuses with rationales, at least one source for every
 * status other than NOT_STARTED, dates stored as the first day of their period, deadlines and deadline changes,
 * sources of every kind cited by status updates, deadline changes, evidence links (with a stance and a quote) and
 * indicator observations. No audit events, comments, users or memberships.
 *
 * One agreement is the one the benchmark reads: BIG_AGREEMENT of BIG_ORGANISATION, published, exactly
 * 100 commitments × 20 milestones = 2,000 milestones.
 *
 * Speed: the secondary indexes and the foreign keys of the tables it fills are dropped before the load and created
 * again after it from their own definitions (pg_get_indexdef / pg_get_constraintdef), which validates every foreign
 * key; the definitions are compared before and after, so the schema left behind is exactly the migrations'. Primary
 * keys and unique constraints stay (ids are UUIDv7-shaped and increasing, so their indexes grow at the right edge).
 */
import { performance } from "node:perf_hooks";

import pg from "pg";

import { dayNumber, isoFromDayNumber, preciseDate } from "../../lib/domain/dates";
import { migrateDatabase, pgExecutor } from "../../lib/db/migrate";
import type { Precision, SourceKind, Stance, Status } from "../../lib/domain/types";
import { prng } from "../support/prng";

export const BIG_ORGANISATION = "scale-00";
export const BIG_AGREEMENT = "scale-2000-milestones";
export const BIG_COMMITMENTS = 100;
export const BIG_MILESTONES_EACH = 20;

export interface ScaleOptions {
  readonly seed: number;
  readonly organisations: number;
  readonly agreements: number;
  readonly commitments: number;
  readonly milestones: number;
  readonly evidenceLinks: number;
  readonly sourcesPerOrganisation: number;
  /** The big agreement's shape (default 100 × 20 = 2,000 milestones). */
  readonly bigCommitments: number;
  readonly bigMilestonesEach: number;
  /** Milestones per transaction (roughly: a batch ends after the agreement that reaches it). */
  readonly batchMilestones: number;
}

/** The volume the issue asks for. */
export const FULL_SCALE: ScaleOptions = {
  seed: 20251121,
  organisations: 10,
  agreements: 1_000,
  commitments: 200_000,
  milestones: 1_000_000,
  evidenceLinks: 2_000_000,
  sourcesPerOrganisation: 10_000,
  bigCommitments: BIG_COMMITMENTS,
  bigMilestonesEach: BIG_MILESTONES_EACH,
  batchMilestones: 25_000,
};

/** The tables this generator fills, parents first. */
export const SCALE_TABLES = [
  "organisations",
  "sources",
  "agreements",
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

export type ScaleCounts = Record<(typeof SCALE_TABLES)[number], number>;

export interface ScaleReport {
  readonly counts: ScaleCounts;
  /** Milliseconds per phase. */
  readonly timings: {
    readonly drop: number;
    readonly load: number;
    readonly rebuild: number;
    readonly analyze: number;
  };
  readonly totalMs: number;
}

// ---- deterministic randomness ----

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  of<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  pick<T>(weighted: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of weighted) total += w;
    let r = this.next() * total;
    for (const [value, w] of weighted) {
      r -= w;
      if (r < 0) return value;
    }
    return weighted[weighted.length - 1]![0];
  }
}

/**
 * `parts` counts summing to exactly `total`: even shares, then pairs of neighbours trade up to `spread` (each staying
 * at least `min`), so that the counts vary while the total stays exact.
 */
function split(total: number, parts: number, spread: number, min: number, random: Random): Int32Array {
  const counts = new Int32Array(parts);
  for (let i = 0; i < parts; i++) counts[i] = Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts);
  for (let i = 0; i + 1 < parts; i += 2) {
    const d = random.int(-spread, spread);
    const a = counts[i]! + d;
    const b = counts[i + 1]! - d;
    if (a >= min && b >= min) {
      counts[i] = a;
      counts[i + 1] = b;
    }
  }
  return counts;
}

/** UUIDv7-shaped ids, increasing (a millisecond per 4,096 ids from a fixed instant), the rest seeded. */
class Ids {
  private counter = 0;
  private readonly random: Random;
  constructor(seed: number) {
    this.random = new Random(seed ^ 0x5bd1e995);
  }
  next(): string {
    const n = this.counter++;
    const ms = 1_764_000_000_000 + Math.floor(n / 4096);
    const hex = ms.toString(16).padStart(12, "0");
    const a = (n % 4096).toString(16).padStart(3, "0");
    const r1 = Math.floor(this.random.next() * 0x10000);
    const variant = (0x8000 | (r1 & 0x3fff)).toString(16);
    const r2 = Math.floor(this.random.next() * 0x1000000)
      .toString(16)
      .padStart(6, "0");
    const r3 = Math.floor(this.random.next() * 0x1000000)
      .toString(16)
      .padStart(6, "0");
    return `${hex.slice(0, 8)}-${hex.slice(8)}-7${a}-${variant}-${r2}${r3}`;
  }
}

// ---- words ----

const WORDS = (
  "france united kingdom police boats maritime doctrine shallow water interception returns scheme migrants channel " +
  "crossings coast patrol gendarmerie home office interior ministry minister summit agreement treaty deployment " +
  "funding budget pounds euros officers drones surveillance beaches northern departments calais prefecture " +
  "asylum claims removals flights detention centre capacity legal challenge court ruling parliament committee " +
  "report review statement announcement data figures weekly monthly quarterly target progress delay setback " +
  "pilot trial phase launch expansion staff recruitment training vessels engines smugglers networks arrests " +
  "prosecutions intelligence sharing cooperation joint unit task force border security checks lorries ports " +
  "ferry terminal vehicles cameras radar helicopters aircraft night operations tactics rules engagement safety " +
  "rescue lifeboats coastguard hospital deaths drownings incidents investigation inquiry oversight inspection " +
  "audit accounts spending contract procurement supplier delivery schedule milestone deadline extension revised " +
  "timetable plan strategy framework protocol memorandum understanding exchange quota numbers accepted refused " +
  "transferred returned arrived departed applications processed backlog hotels accommodation housing support " +
  "integration language families children unaccompanied minors age assessment appeals tribunal judges lawyers " +
  "charities campaigners opposition critics government officials spokesperson sources briefing leaked memo"
).split(" ");

/** Rare words (a place or a name), about one quote or rationale in a thousand each: selective searches. */
const RARE = (
  "gravelines dunkirk boulogne wimereux hardelot equihen berck etaples sangatte wissant audresselles ambleteuse " +
  "folkestone dover ramsgate margate hastings eastbourne newhaven portsmouth"
).split(" ");

const OUTLETS = ["BBC", "The Times", "Le Monde", "Reuters", "Home Office", "Le Figaro", "The Guardian", "AFP"];
const KINDS: ReadonlyArray<readonly [SourceKind, number]> = [
  ["MEDIA_REPORT", 55],
  ["OFFICIAL_DOCUMENT", 15],
  ["STATEMENT", 15],
  ["PARLIAMENTARY_RECORD", 8],
  ["DATA", 5],
  ["LEAK", 2],
];
const PARTIES: ReadonlyArray<readonly [string, string]> = [
  ["GB", "FR"],
  ["FR", "DE"],
  ["GB", "IE"],
  ["ES", "MA"],
  ["IT", "LY"],
];

function sentence(random: Random, min: number, max: number): string {
  const length = random.int(min, max);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(random.of(WORDS));
  if (random.chance(0.05)) words[random.int(0, length - 1)] = random.of(RARE);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

function title(random: Random, min: number, max: number): string {
  const text = Array.from({ length: random.int(min, max) }, () => random.of(WORDS)).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- dates ----

const EPOCH = dayNumber("2024-01-01");
const day = (n: number): string => isoFromDayNumber(n);

function recordPrecision(random: Random): Precision {
  return random.pick<Precision>([
    ["DAY", 80],
    ["MONTH", 15],
    ["QUARTER", 4],
    ["YEAR", 1],
  ]);
}
function deadlinePrecision(random: Random): Precision {
  return random.pick<Precision>([
    ["DAY", 30],
    ["MONTH", 45],
    ["QUARTER", 20],
    ["YEAR", 5],
  ]);
}

// ---- rows ----

/** A column: its name, the element type of its unnest() array, and optionally how the value is turned into it. */
type Column = readonly [name: string, type: string, expression?: (value: string) => string];

/** Rows of one table, column by column, written with one INSERT … SELECT FROM unnest(…) per flush. */
class Rows {
  private readonly data: unknown[][];
  count = 0;
  total = 0;
  constructor(
    readonly table: string,
    private readonly columns: readonly Column[],
    /** Extra columns filled by an SQL expression (e.g. updated_at = now()). */
    private readonly computed: ReadonlyArray<readonly [name: string, sql: string]> = [],
  ) {
    this.data = columns.map(() => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.data[i]!.push(values[i]);
    this.count++;
  }
  async flush(client: pg.ClientBase): Promise<void> {
    if (this.count === 0) return;
    const names = [...this.columns.map(([name]) => `"${name}"`), ...this.computed.map(([name]) => `"${name}"`)];
    const unnest = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    const aliases = this.columns.map((_, i) => `c${i}`);
    const select = [
      ...this.columns.map(([, , expression], i) => (expression ? expression(aliases[i]!) : aliases[i]!)),
      ...this.computed.map(([, sql]) => sql),
    ];
    const sql =
      `INSERT INTO "${this.table}" (${names.join(", ")}) ` +
      `SELECT ${select.join(", ")} FROM unnest(${unnest}) AS u(${aliases.join(", ")})`;
    await client.query(sql, this.data);
    this.total += this.count;
    this.count = 0;
    for (const column of this.data) column.length = 0;
  }
}

interface OrganisationPool {
  readonly id: string;
  readonly sourceIds: string[];
  /** Day numbers of the sources' published dates (first day of their period). */
  readonly sourceDays: Int32Array;
}

// ---- schema: drop and rebuild secondary indexes and foreign keys ----

interface Definitions {
  readonly indexes: ReadonlyArray<{ name: string; sql: string }>;
  readonly foreignKeys: ReadonlyArray<{ table: string; name: string; sql: string }>;
}

async function readDefinitions(client: pg.ClientBase): Promise<Definitions> {
  const tables = [...SCALE_TABLES];
  const indexes = await client.query<{ name: string; sql: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS sql
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
        AND NOT x.indisprimary AND NOT x.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; sql: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS sql
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname = ANY($1::text[])
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

function sameDefinitions(a: Definitions, b: Definitions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- the generator ----

export interface GenerateOptions {
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/**
 * Migrates the database behind `client` (prisma/migrations, through lib/db/migrate.ts) and fills it. The database must
 * have no organisation yet. `client` must be a dedicated connection (it sets session settings).
 */
export async function generateScale(
  client: pg.ClientBase,
  options: ScaleOptions,
  { log = () => {} }: GenerateOptions = {},
): Promise<ScaleReport> {
  const started = performance.now();
  check(options);
  await migrateDatabase(pgExecutor(client));
  const existing = await client.query<{ n: string }>("SELECT count(*) AS n FROM organisations");
  if (Number(existing.rows[0]!.n) > 0) {
    throw new Error("The database already holds organisations: the scale generator needs a freshly migrated one.");
  }
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET synchronous_commit = off");

  const before = await readDefinitions(client);
  let t = performance.now();
  await client.query("BEGIN");
  for (const fk of before.foreignKeys) await client.query(`ALTER TABLE "${fk.table}" DROP CONSTRAINT "${fk.name}"`);
  for (const index of before.indexes) await client.query(`DROP INDEX "${index.name}"`);
  await client.query("COMMIT");
  const drop = performance.now() - t;
  log(`dropped ${before.indexes.length} secondary indexes and ${before.foreignKeys.length} foreign keys`);

  t = performance.now();
  const counts = await load(client, options, log);
  const loadMs = performance.now() - t;

  t = performance.now();
  for (const index of before.indexes) {
    const start = performance.now();
    await client.query(index.sql);
    log(`index ${index.name} ${Math.round(performance.now() - start)} ms`);
  }
  for (const fk of before.foreignKeys) {
    await client.query(`ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" ${fk.sql}`);
  }
  const rebuild = performance.now() - t;
  log(`rebuilt indexes and foreign keys in ${(rebuild / 1000).toFixed(1)} s`);
  const after = await readDefinitions(client);
  if (!sameDefinitions(before, after))
    throw new Error("The indexes and foreign keys rebuilt differ from the originals.");

  t = performance.now();
  await client.query("VACUUM (ANALYZE)");
  const analyze = performance.now() - t;
  return {
    counts,
    timings: { drop, load: loadMs, rebuild, analyze },
    totalMs: performance.now() - started,
  };
}

function check(o: ScaleOptions): void {
  const others = o.agreements - 1;
  if (o.organisations < 1 || o.agreements < o.organisations) throw new Error("at least one agreement per organisation");
  if (o.commitments - o.bigCommitments < others) throw new Error("too few commitments for the agreements");
  if (o.milestones - o.bigCommitments * o.bigMilestonesEach < o.commitments - o.bigCommitments) {
    throw new Error("too few milestones for the commitments");
  }
  if (o.sourcesPerOrganisation < 50) throw new Error("at least 50 sources per organisation");
}

async function load(client: pg.ClientBase, o: ScaleOptions, log: (line: string) => void): Promise<ScaleCounts> {
  const random = new Random(o.seed);
  const ids = new Ids(o.seed);
  const now = "now()";

  const organisations = new Rows(
    "organisations",
    [
      ["id", "uuid"],
      ["slug", "text"],
      ["name", "text"],
    ],
    [["updated_at", now]],
  );
  const sources = new Rows(
    "sources",
    [
      ["id", "uuid"],
      ["organisation_id", "uuid"],
      ["key", "text"],
      ["url", "text"],
      ["outlet", "text"],
      ["title", "text"],
      ["published_date", "date"],
      ["published_precision", "date_precision"],
      ["kind", "source_kind"],
    ],
    [["updated_at", now]],
  );
  const agreements = new Rows(
    "agreements",
    [
      ["id", "uuid"],
      ["organisation_id", "uuid"],
      ["slug", "text"],
      ["title", "text"],
      ["summary", "text"],
      ["party_a", "text"],
      ["party_b", "text"],
      ["announced_date", "date"],
      ["announced_precision", "date_precision"],
      ["published", "boolean"],
    ],
    [["updated_at", now]],
  );
  const commitments = new Rows(
    "commitments",
    [
      ["id", "uuid"],
      ["organisation_id", "uuid"],
      ["agreement_id", "uuid"],
      ["key", "text"],
      ["title", "text"],
      ["description", "text"],
      ["responsible", "text"],
      ["owner", "text"],
      // Tags travel as one comma-separated text (unnest() cannot take an array of arrays of varying length).
      ["tags", "text", (v) => `CASE WHEN ${v} = '' THEN '{}'::text[] ELSE string_to_array(${v}, ',') END`],
      ["weight", "float8"],
      ["position", "int4"],
    ],
    [["updated_at", now]],
  );
  const milestones = new Rows(
    "milestones",
    [
      ["id", "uuid"],
      ["organisation_id", "uuid"],
      ["commitment_id", "uuid"],
      ["key", "text"],
      ["title", "text"],
      ["owner", "text"],
      ["deadline_date", "date"],
      ["deadline_precision", "date_precision"],
      ["position", "int4"],
    ],
    [["updated_at", now]],
  );
  const statusUpdates = new Rows("status_updates", [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["milestone_id", "uuid"],
    ["on_date", "date"],
    ["on_precision", "date_precision"],
    ["status", "status"],
    ["rationale", "text"],
    ["position", "int4"],
  ]);
  const statusUpdateSources = new Rows("status_update_sources", [
    ["organisation_id", "uuid"],
    ["status_update_id", "uuid"],
    ["source_id", "uuid"],
    ["position", "int4"],
  ]);
  const deadlineChanges = new Rows("deadline_changes", [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["milestone_id", "uuid"],
    ["on_date", "date"],
    ["on_precision", "date_precision"],
    ["to_date", "date"],
    ["to_precision", "date_precision"],
    ["reason", "text"],
    ["position", "int4"],
  ]);
  const deadlineChangeSources = new Rows("deadline_change_sources", [
    ["organisation_id", "uuid"],
    ["deadline_change_id", "uuid"],
    ["source_id", "uuid"],
    ["position", "int4"],
  ]);
  const evidenceLinks = new Rows("evidence_links", [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["milestone_id", "uuid"],
    ["source_id", "uuid"],
    ["stance", "stance"],
    ["quote", "text"],
    ["position", "int4"],
  ]);
  const indicators = new Rows(
    "indicators",
    [
      ["id", "uuid"],
      ["organisation_id", "uuid"],
      ["commitment_id", "uuid"],
      ["key", "text"],
      ["title", "text"],
      ["unit", "text"],
      ["target", "float8"],
      ["position", "int4"],
    ],
    [["updated_at", now]],
  );
  const observations = new Rows("observations", [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["indicator_id", "uuid"],
    ["on_date", "date"],
    ["on_precision", "date_precision"],
    ["value", "float8"],
    ["source_id", "uuid"],
    ["quote", "text"],
    ["position", "int4"],
  ]);
  const all = [
    organisations,
    sources,
    agreements,
    commitments,
    milestones,
    statusUpdates,
    statusUpdateSources,
    deadlineChanges,
    deadlineChangeSources,
    evidenceLinks,
    indicators,
    observations,
  ];
  const flush = async () => {
    await client.query("BEGIN");
    for (const rows of all) await rows.flush(client);
    await client.query("COMMIT");
  };

  // The shape: agreements per organisation, commitments per agreement, milestones per commitment, evidence links per
  // milestone; each exact in total. The big agreement is the first of the first organisation.
  const agreementsPerOrg = split(o.agreements, o.organisations, 0, 1, random);
  const bigMilestones = o.bigCommitments * o.bigMilestonesEach;
  const commitmentsPerAgreement = [
    o.bigCommitments,
    ...split(o.commitments - o.bigCommitments, o.agreements - 1, 60, 1, random),
  ];
  const milestonesPerCommitment = split(o.milestones - bigMilestones, o.commitments - o.bigCommitments, 3, 1, random);
  const evidencePerMilestone = split(o.evidenceLinks, o.milestones, 2, 0, random);

  // Sources first, organisation by organisation.
  const pools: OrganisationPool[] = [];
  for (let g = 0; g < o.organisations; g++) {
    const id = ids.next();
    const slug = `scale-${String(g).padStart(2, "0")}`;
    organisations.push(id, slug, `Scale organisation ${g}`);
    const pool: OrganisationPool = { id, sourceIds: [], sourceDays: new Int32Array(o.sourcesPerOrganisation) };
    for (let s = 0; s < o.sourcesPerOrganisation; s++) {
      const sourceId = ids.next();
      const published = preciseDate(day(EPOCH + random.int(0, 900)), recordPrecision(random));
      const key = `src-${String(s).padStart(5, "0")}`;
      const outlet = random.of(OUTLETS);
      sources.push(
        sourceId,
        id,
        key,
        random.chance(0.9) ? `https://example.org/${slug}/${key}` : null,
        outlet,
        title(random, 4, 12),
        published.date,
        published.precision,
        random.pick(KINDS),
      );
      pool.sourceIds.push(sourceId);
      pool.sourceDays[s] = dayNumber(published.date);
    }
    pools.push(pool);
    if (sources.count >= 50_000) await flush();
  }
  await flush();
  log(`${organisations.total} organisations, ${sources.total} sources`);

  let agreementIndex = 0;
  let commitmentIndex = 0; // over the commitments other than the big agreement's
  let milestoneIndex = 0; // over all milestones (evidence counts)
  let pending = 0;
  for (let g = 0; g < o.organisations; g++) {
    const pool = pools[g]!;
    const nSources = pool.sourceIds.length;
    for (let a = 0; a < agreementsPerOrg[g]!; a++, agreementIndex++) {
      const big = agreementIndex === 0;
      const agreementId = ids.next();
      const announcedDay = EPOCH + random.int(0, 540);
      const announced = preciseDate(day(announcedDay), random.chance(0.8) ? "DAY" : "MONTH");
      const parties = random.of(PARTIES);
      agreements.push(
        agreementId,
        pool.id,
        big ? BIG_AGREEMENT : `agreement-${String(a).padStart(3, "0")}`,
        big ? "The 2,000-milestone agreement" : `Agreement ${a}: ${title(random, 3, 8)}`,
        sentence(random, 15, 40),
        parties[0],
        parties[1],
        announced.date,
        announced.precision,
        big || random.chance(0.9),
      );
      // The sources an agreement cites: a window of the organisation's pool, overlapping its neighbours'.
      const windowSize = Math.min(nSources, big ? 4_000 : 400);
      const windowStart = big ? 0 : (a * 100) % nSources;
      const source = (): number => (windowStart + random.int(0, windowSize - 1)) % nSources;

      const nCommitments = commitmentsPerAgreement[agreementIndex]!;
      for (let c = 0; c < nCommitments; c++) {
        const commitmentId = ids.next();
        const responsible = random.pick([
          [parties[0], 4],
          [parties[1], 4],
          ["joint", 2],
        ] as const);
        const tags = Array.from({ length: random.int(0, 3) }, () => random.of(WORDS));
        commitments.push(
          commitmentId,
          pool.id,
          agreementId,
          `commitment-${String(c).padStart(3, "0")}`,
          title(random, 3, 10),
          sentence(random, 10, 30),
          responsible,
          `${random.of(["Interior Ministry", "Home Office", "Border Force", "Gendarmerie maritime", "Coastguard"])}`,
          [...new Set(tags)].join(","),
          random.pick([
            [1, 8],
            [2, 2],
          ] as const),
          c,
        );
        const nMilestones = big ? o.bigMilestonesEach : milestonesPerCommitment[commitmentIndex++]!;
        for (let m = 0; m < nMilestones; m++, milestoneIndex++) {
          milestone(pool, commitmentId, m, announcedDay, evidencePerMilestone[milestoneIndex]!, source);
        }
        if (random.chance(0.2)) indicator(pool, commitmentId, announcedDay, source);
        pending += nMilestones;
      }
      if (pending >= o.batchMilestones) {
        await flush();
        pending = 0;
        log(`${agreementIndex + 1} agreements, ${milestones.total} milestones, ${evidenceLinks.total} evidence links`);
      }
    }
  }
  await flush();
  log(`${agreements.total} agreements, ${milestones.total} milestones, ${evidenceLinks.total} evidence links`);

  function milestone(
    pool: OrganisationPool,
    commitmentId: string,
    position: number,
    announcedDay: number,
    evidenceCount: number,
    source: () => number,
  ): void {
    const milestoneId = ids.next();
    const deadlineDay = announcedDay + random.int(30, 720);
    const deadline = random.chance(0.85) ? preciseDate(day(deadlineDay), deadlinePrecision(random)) : null;
    milestones.push(
      milestoneId,
      pool.id,
      commitmentId,
      `milestone-${String(position).padStart(3, "0")}`,
      title(random, 4, 12),
      random.of(["Interior Ministry", "Home Office", "Border Force", "Prefecture", "Coastguard", "Treasury"]),
      deadline?.date ?? null,
      deadline?.precision ?? null,
      position,
    );

    // Status updates: 0–4, dated in order, the last one any status; every status but NOT_STARTED cites 1–2 sources.
    const updates = random.pick([
      [0, 20],
      [1, 30],
      [2, 25],
      [3, 15],
      [4, 10],
    ] as const);
    let on = announcedDay;
    for (let k = 0; k < updates; k++) {
      on += random.int(5, 150);
      const status: Status =
        k === updates - 1
          ? random.pick<Status>([
              ["IN_PROGRESS", 50],
              ["NOT_STARTED", 10],
              ["COMPLETE", 22],
              ["PARTIAL", 10],
              ["ABANDONED", 8],
            ])
          : random.pick<Status>([
              ["NOT_STARTED", 30],
              ["IN_PROGRESS", 70],
            ]);
      const date = preciseDate(day(on), recordPrecision(random));
      const updateId = ids.next();
      statusUpdates.push(updateId, pool.id, milestoneId, date.date, date.precision, status, sentence(random, 8, 25), k);
      const cited = status === "NOT_STARTED" ? random.int(0, 1) : random.int(1, 2);
      const first = source();
      for (let s = 0; s < cited; s++) {
        const index = s === 0 ? first : (first + 1) % pool.sourceIds.length;
        statusUpdateSources.push(pool.id, updateId, pool.sourceIds[index]!, s);
      }
    }

    // Deadline changes: 0–2 when there is a deadline, 80 % of them later, each citing a source.
    if (deadline !== null) {
      const changes = random.pick([
        [0, 70],
        [1, 20],
        [2, 10],
      ] as const);
      let changedOn = announcedDay;
      let to = deadlineDay;
      for (let k = 0; k < changes; k++) {
        changedOn += random.int(10, 200);
        to += random.chance(0.8) ? random.int(15, 180) : -random.int(5, 60);
        const onDate = preciseDate(day(changedOn), "DAY");
        const toDate = preciseDate(day(to), deadlinePrecision(random));
        const changeId = ids.next();
        deadlineChanges.push(
          changeId,
          pool.id,
          milestoneId,
          onDate.date,
          onDate.precision,
          toDate.date,
          toDate.precision,
          sentence(random, 6, 20),
          k,
        );
        deadlineChangeSources.push(pool.id, changeId, pool.sourceIds[source()]!, 0);
      }
    }

    for (let k = 0; k < evidenceCount; k++) {
      const stance = random.pick<Stance>([
        ["SUPPORTS", 50],
        ["NEUTRAL", 20],
        ["INDICATES_DELAY", 20],
        ["CONTRADICTS", 10],
      ]);
      evidenceLinks.push(
        ids.next(),
        pool.id,
        milestoneId,
        pool.sourceIds[source()]!,
        stance,
        sentence(random, 6, 30),
        k,
      );
    }
  }

  function indicator(pool: OrganisationPool, commitmentId: string, announcedDay: number, source: () => number): void {
    const indicatorId = ids.next();
    indicators.push(
      indicatorId,
      pool.id,
      commitmentId,
      "indicator-0",
      title(random, 3, 8),
      random.of(["people", "crossings", "officers", "boats", "pounds"]),
      random.chance(0.6) ? random.int(100, 10_000) : null,
      0,
    );
    let on = announcedDay;
    let value = random.int(0, 500);
    for (let k = 0, n = random.int(2, 6); k < n; k++) {
      on += random.int(20, 120);
      value += random.int(-50, 300);
      const date = preciseDate(day(on), recordPrecision(random));
      const cited = source();
      observations.push(
        ids.next(),
        pool.id,
        indicatorId,
        date.date,
        date.precision,
        Math.max(0, value),
        pool.sourceIds[cited]!,
        sentence(random, 6, 20),
        k,
      );
    }
  }

  return Object.fromEntries(all.map((rows) => [rows.table, rows.total])) as ScaleCounts;
}

/** Connects one dedicated client to `url` (the generator sets session settings on it). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "accordwatch-scale" });
  await client.connect();
  return client;
}
