/**
 * Scale benchmark (bench/README.md, "Scale").
 *
 *   npm run bench:scale -- --database-url postgres://…/scale [--runs 50] [--http | --http-url http://…] [--no-explain]
 *
 * On a database filled by `npm run bench:scale:generate`:
 * 1. the dataset: row counts, and the 2,000-milestone agreement exported and validated as an accordwatch/v1 document;
 * 2. the scorecard of that agreement, uncached, in-process: what a request does on the server before rendering —
 *    lib/data's getPublishedScorecard (through the app's own Prisma client and pool: a compact scorecard's read) and
 *    the pure computation (healthAt for a compact scorecard, else scorecardAt, as the page calls them) — each run with an `asOf` not asked before; p50 / p95 / max;
 * 3. the SQL statements of that load (counted at the driver adapter) and, unless --no-explain, EXPLAIN (FORMAT JSON)
 *    of every statement of the public pages' and the workspace's reads, listing any sequential scan of a large table;
 * 4. with --http, the same page over HTTP from `next start` (built if needed, started on a free port against the
 *    database, scheduled jobs off), each request with an `asOf` day not asked before, so that no cache can answer;
 *    then today's page, each request after an edit announced the way another instance announces one (NOTIFY on the
 *    shared invalidation's channel), so that it is rendered and stored while the request waits; with --http-url,
 *    against a server already running on that database.
 * Exits non-zero when a goal is missed (p95 > 150 ms, a sequential scan of a large table), so a regression shows.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type pg from "pg";

import { ANONYMOUS } from "../lib/auth/viewer";
import { closeDb } from "../lib/db/client";
import { CHANNEL as INVALIDATION_CHANNEL } from "../lib/http/shared-invalidation.mjs";
import { loadDataset } from "../lib/data/load-dataset";
import { findPublishedMilestones, getPublishedScorecard, readPublishedInBatches } from "../lib/data/public";
import { organisationChangesFeed } from "../lib/feeds/changes-feed";
import { addDays } from "../lib/domain/dates";
import { parseInterchangeText, serializeInterchange } from "../lib/domain/interchange";
import { healthAt, milestoneCount, scorecardAt } from "../lib/domain/scorecard";
import type { Agreement, Source } from "../lib/domain/types";
import { freePort } from "../tests/support/postgres";
import { describeStatement, queriesOf } from "../tests/support/query-log";
import { BIG_AGREEMENT, BIG_ORGANISATION, connect, SCALE_TABLES } from "./scale/generator";
import { getPublishedAgreementBefore } from "./scale/before";
import { explainReads, memberViewer } from "./scale/plans";

/** This process's resident memory now, in MB. */
const residentMb = (): number => Math.round(process.memoryUsage().rss / 1e6);

const GOAL_P95_MS = 150;
/** The tag Next.js gives `revalidatePath("/[locale]", "layout")`, what an edit revalidates (lib/actions/revalidate.ts). */
const REVALIDATED_TAG = "_N_T_/[locale]/layout";
const root = path.resolve(import.meta.dirname, "..");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function summary(samples: readonly number[]): { p50: number; p95: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1]!,
    mean: samples.reduce((s, x) => s + x, 0) / samples.length,
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (label: string, s: ReturnType<typeof summary>) =>
  `  ${label.padEnd(34)} p50 ${ms(s.p50).padStart(9)}   p95 ${ms(s.p95).padStart(9)}   max ${ms(s.max).padStart(9)}`;

/** `runs` distinct days, none asked before in this invocation, from a start that differs between invocations. */
function asOfDays(runs: number): string[] {
  const offset = Math.floor(Date.now() / 1000) % 97;
  return Array.from({ length: runs }, (_, i) => addDays("2024-09-01", offset + i * 7));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      runs: { type: "string", default: "50" },
      http: { type: "boolean", default: false },
      "http-url": { type: "string" },
      "http-runs": { type: "string" },
      "no-explain": { type: "boolean", default: false },
      compare: { type: "boolean", default: false },
    },
  });
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("usage: npm run bench:scale -- --database-url postgres://… [--runs N] [--http]");
  // lib/data's getDb() opens the configured database: the app's own client, pool and availability watch.
  process.env.DATABASE_URL = url;
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  const httpRuns = Number(values["http-runs"] ?? values.runs);
  let failed = false;

  const client = await connect(url);
  try {
    // ---- 1. the dataset ----
    console.log(`Scale benchmark — ${new Date().toISOString()}, Node ${process.version}`);
    const counts = await client.query<Record<string, string>>(
      `SELECT ${SCALE_TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
    );
    console.log("\ndataset:");
    for (const table of SCALE_TABLES) {
      console.log(`  ${table.padEnd(24)} ${Number(counts.rows[0]![table]).toLocaleString("en-GB").padStart(10)}`);
    }
    const big = await client.query<{ milestones: string; published: boolean }>(
      `SELECT count(m.id) AS milestones, a.published
         FROM agreements a JOIN organisations o ON o.id = a.organisation_id
         JOIN commitments c ON c.agreement_id = a.id JOIN milestones m ON m.commitment_id = c.id
        WHERE o.slug = $1 AND a.slug = $2 GROUP BY a.published`,
      [BIG_ORGANISATION, BIG_AGREEMENT],
    );
    if (big.rows.length === 0) throw new Error(`no agreement ${BIG_ORGANISATION}/${BIG_AGREEMENT}: generate first`);
    console.log(
      `  /${BIG_ORGANISATION}/${BIG_AGREEMENT}: ${big.rows[0]!.milestones} milestones, ` +
        `${big.rows[0]!.published ? "published" : "draft"}`,
    );
    const exported = await loadDataset(ANONYMOUS, BIG_ORGANISATION, { publicOnly: true, agreement: BIG_AGREEMENT });
    const parsed = parseInterchangeText(serializeInterchange(exported));
    console.log(
      parsed.ok
        ? `  its public export (${exported.sources.length} sources) is a valid accordwatch/v1 document`
        : `  its public export is INVALID: ${parsed.errors
            .slice(0, 3)
            .map((e) => `${e.path}: ${e.message}`)
            .join("; ")}`,
    );
    if (!parsed.ok) failed = true;

    // ---- 2. the scorecard, in-process ----
    // With --compare, each run also loads it as lib/data did before (bench/scale/before.ts), alternately first and
    // second, so that both see the same moments of a shared machine.
    const days = asOfDays(runs + 3);
    type Loader = () => Promise<{ agreement: Agreement; sources: Source[]; compact?: boolean } | null>;
    const loaders: Array<[name: string, load: Loader]> = [
      ["after", () => getPublishedScorecard(ANONYMOUS, BIG_ORGANISATION, BIG_AGREEMENT)],
      ...(values.compare
        ? [["before", () => getPublishedAgreementBefore(BIG_ORGANISATION, BIG_AGREEMENT)] as [string, Loader]]
        : []),
    ];
    const samples = new Map(
      loaders.map(([name]) => [
        name,
        { load: [] as number[], compute: [] as number[], total: [] as number[], cpu: [] as number[] },
      ]),
    );
    for (let i = 0; i < days.length; i++) {
      const order = i % 2 === 0 ? loaders : [...loaders].reverse();
      for (const [name, loadAgreement] of order) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const found = await loadAgreement();
        const t1 = performance.now();
        if (!found) throw new Error("the big agreement is not published");
        // As the page does: the health alone for a compact scorecard (the code before computed every milestone's).
        const health = found.compact
          ? healthAt(found.agreement, found.sources, days[i]!, "en")
          : scorecardAt(found.agreement, found.sources, days[i]!, "en").health;
        const t2 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        const count = milestoneCount(found.agreement);
        if (count !== 2000 || health.commitments.length !== 100)
          throw new Error(`expected 2000 milestones, got ${count}`);
        // The first 3 runs warm the pool, Prisma's query compiler and the JIT up.
        if (i < 3) continue;
        const s = samples.get(name)!;
        s.load.push(t1 - t0);
        s.compute.push(t2 - t1);
        s.total.push(t2 - t0);
        s.cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
    console.log(
      `\nscorecard of the 2,000-milestone agreement, in-process, ${runs} runs, each a new asOf (load average ${load}):`,
    );
    for (const [name] of loaders) {
      const s = samples.get(name)!;
      if (loaders.length > 1)
        console.log(
          `  ${name === "after" ? "after (lib/data now)" : "before (include: agreementTree, bench/scale/before.ts)"}:`,
        );
      console.log(line(name === "after" ? "load (getPublishedScorecard)" : "load", summary(s.load)));
      console.log(line(name === "after" ? "compute (healthAt)" : "compute (scorecardAt)", summary(s.compute)));
      console.log(line("load + compute", summary(s.total)));
      console.log(line("  of which this process's CPU", summary(s.cpu)));
    }
    const totals = summary(samples.get("after")!.total);
    console.log(`  goal p95 ≤ ${GOAL_P95_MS} ms: ${totals.p95 <= GOAL_P95_MS ? "met" : "MISSED"}`);
    if (totals.p95 > GOAL_P95_MS) failed = true;

    const { queries } = await queriesOf(() => getPublishedScorecard(ANONYMOUS, BIG_ORGANISATION, BIG_AGREEMENT));
    console.log(
      `  SQL statements of one load: ${queries.length} (${queries.map((q) => describeStatement(q.text)).join(", ")})`,
    );

    // ---- 3. plans ----
    if (!values["no-explain"]) {
      const cited = await client.query<{ key: string }>(
        `SELECT s.key FROM evidence_links e JOIN sources s ON s.id = e.source_id
           JOIN milestones m ON m.id = e.milestone_id JOIN commitments c ON c.id = m.commitment_id
           JOIN agreements a ON a.id = c.agreement_id JOIN organisations o ON o.id = a.organisation_id
          WHERE o.slug = $1 AND a.slug = $2 ORDER BY e.id LIMIT 1`,
        [BIG_ORGANISATION, BIG_AGREEMENT],
      );
      const started = performance.now();
      const explained = await explainReads(client, {
        organisation: BIG_ORGANISATION,
        agreement: BIG_AGREEMENT,
        source: cited.rows[0]!.key,
        member: memberViewer(BIG_ORGANISATION, "Scale organisation 0"),
        asOf: "2025-11-21",
        searches: ["gravelines", "interception patrol", "delay"],
      });
      console.log(`\nquery plans (EXPLAIN FORMAT JSON; ${((performance.now() - started) / 1000).toFixed(1)} s):`);
      let seq = 0;
      for (const read of explained) {
        const found = read.statements.flatMap((s) =>
          s.seqScans.map((scan) => `${s.label}: Seq Scan on ${scan.relation}`),
        );
        seq += found.length;
        const scans = [
          ...new Set(read.statements.flatMap((s) => s.scans.map((x) => `${x.node} ${x.index ?? x.relation}`))),
        ];
        const mark = found.length === 0 ? "ok " : "SEQ";
        console.log(`  ${mark} ${read.name}: ${read.statements.length} statements`);
        console.log(`      ${scans.join("; ")}`);
        for (const f of found) console.log(`      ${f}`);
      }
      console.log(`  sequential scans of large tables (${LARGE_LIST}): ${seq}`);
      if (seq > 0) failed = true;
      // The two reads over the whole of the organisation's published agreements, timed, with this process's memory.
      const t1 = performance.now();
      const stalled = await findPublishedMilestones(ANONYMOUS, BIG_ORGANISATION, {
        filters: { q: null, party: null, health: ["STALLED"], owner: null, tag: null, overdue: false },
        asOf: "2025-11-21",
        page: 1,
        locale: "en",
      });
      console.log(
        `  the find page (findPublishedMilestones, ${BIG_ORGANISATION}, stalled): ${stalled?.results.total} ` +
          `milestones found in ${((performance.now() - t1) / 1000).toFixed(1)} s; resident ${residentMb()} MB`,
      );
      const t0 = performance.now();
      const published = await readPublishedInBatches(ANONYMOUS, BIG_ORGANISATION);
      const feed =
        published === null
          ? ""
          : await organisationChangesFeed(published, { origin: "http://localhost", until: "2025-11-21" });
      console.log(
        `  the organisation feed (readPublishedInBatches, organisationChangesFeed): ${feed.length} characters in ` +
          `${((performance.now() - t0) / 1000).toFixed(1)} s; resident ${residentMb()} MB`,
      );
    }
    await closeDb();

    // ---- 4. HTTP ----
    if (values.http || values["http-url"]) {
      let server: ChildProcess | undefined;
      let base = values["http-url"];
      try {
        if (!base) {
          const port = await freePort();
          base = `http://127.0.0.1:${port}`;
          server = startApp(url, port);
          await waitForServer(base, server);
        }
        failed = (await httpBench(base, httpRuns, client)) || failed;
      } finally {
        if (server?.pid) stopApp(server);
      }
    }
  } finally {
    await client.end();
    await closeDb();
  }
  return failed ? 1 : 0;
}

const LARGE_LIST =
  "sources, commitments, milestones, status updates and their sources, deadline changes and theirs, evidence links, indicators, observations";

/** `npm start` (scripts/start.ts: builds when the build is stale, then `next start`) on the database, jobs off. */
function startApp(url: string, port: number): ChildProcess {
  console.log(`\nstarting the app on port ${port} (building first if the build is stale)…`);
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      // The daily evaluation would evaluate (and record) all 1,000 agreements on start.
      ACCORDWATCH_JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

function stopApp(server: ChildProcess): void {
  try {
    // Its own process group (detached): scripts/start.ts and the `next start` it spawned.
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
}

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  let exited = false;
  server.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error("the app stopped before answering");
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the app did not answer within 15 minutes");
}

/** The React Server Components payload Next inlines for hydration, beside the HTML it renders from it. */
function inlineFlightBytes(body: string): number {
  return [...body.matchAll(/<script(?: nonce="[^"]*")?>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce(
    (n, m) => n + m[1]!.length,
    0,
  );
}

interface HttpSeries {
  readonly times: number[];
  readonly bytes: number;
  readonly flight: number;
  readonly caches: ReadonlyMap<string, number>;
}

/** One answer: its time to the whole HTML (ms), its body and its x-nextjs-cache ("-" when none). */
interface Answer {
  readonly t: number;
  readonly body: string;
  readonly cache: string;
}

/** One GET of the big scorecard, timed; throws unless it is that page. */
async function timedGet(base: string, url: string): Promise<Answer> {
  const t0 = performance.now();
  const response = await fetch(`${base}${url}`);
  const body = await response.text();
  const t = performance.now() - t0;
  if (response.status !== 200 || !body.includes("2,000-milestone agreement")) {
    throw new Error(`GET ${url} answered ${response.status} (${body.length} bytes)`);
  }
  return { t, body, cache: response.headers.get("x-nextjs-cache") ?? "-" };
}

/** The series of answers' figures, three warm-up answers left out. */
function seriesOf(answers: readonly Answer[]): HttpSeries {
  const timed = answers.slice(3);
  const caches = new Map<string, number>();
  for (const { cache } of timed) caches.set(cache, (caches.get(cache) ?? 0) + 1);
  const last = timed[timed.length - 1];
  return {
    times: timed.map((a) => a.t),
    bytes: last?.body.length ?? 0,
    flight: last === undefined ? 0 : inlineFlightBytes(last.body),
    caches,
  };
}

/** GETs each address in turn (after three to warm up). */
async function httpSeries(base: string, urls: readonly string[]): Promise<HttpSeries> {
  const answers: Answer[] = [];
  for (const url of urls) answers.push(await timedGet(base, url));
  return seriesOf(answers);
}

function reportSeries(title: string, series: HttpSeries): boolean {
  const s = summary(series.times);
  console.log(`\n${title}:`);
  console.log(line("time to the whole HTML", s));
  console.log(
    `  ${(series.bytes / 1024).toFixed(0)} KiB of HTML (${(series.flight / 1024).toFixed(0)} KiB of it the inline RSC payload); x-nextjs-cache: ${[...series.caches].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
  );
  console.log(`  goal p95 ≤ ${GOAL_P95_MS} ms: ${s.p95 <= GOAL_P95_MS ? "met" : "MISSED"}`);
  return s.p95 > GOAL_P95_MS;
}

/**
 * Today's page, rendered and stored while the reader waits, as the first request after an edit is: before each
 * request, the bench announces an edit the way another instance of the app does (lib/http/shared-invalidation.mjs:
 * NOTIFY on its channel, the tag lib/actions/revalidate.ts revalidates), and the app expires its public pages. The
 * answer that says MISS is the one timed; a HIT (the announcement not yet read) is asked again, untimed.
 */
async function todayRenderedAndStored(
  base: string,
  page: string,
  runs: number,
  client: pg.Client,
): Promise<HttpSeries> {
  await timedGet(base, page);
  const answers: Answer[] = [];
  for (let i = 0; i < runs + 3; i++) {
    // MISS: rendered while this request waited. HIT: the announcement not read yet, asked again. STALE: the copy was
    // past its ten seconds and is rendered again in the background: announced again.
    let answered: Answer | undefined;
    let announce = true;
    for (let attempt = 0; answered === undefined; attempt++) {
      if (attempt === 1000) {
        throw new Error(
          `${page}: still cached after 1,000 requests (is the app on this database, with its shared invalidation?)`,
        );
      }
      if (announce) {
        announce = false;
        const payload = JSON.stringify({ from: "bench-scale", tags: [REVALIDATED_TAG], durations: null });
        await client.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, payload]);
      }
      const answer = await timedGet(base, page);
      if (answer.cache === "STALE") announce = true;
      else if (answer.cache !== "HIT") answered = answer;
    }
    answers.push(answered);
  }
  return seriesOf(answers);
}

/**
 * The scorecard over HTTP, uncached, two ways: as of a past day (each request a new day, which Next.js renders and
 * stores: MISS), and today's, rendered and stored again after an edit (what the first reader after it waits for).
 */
async function httpBench(base: string, runs: number, client: pg.Client): Promise<boolean> {
  const page = `/${BIG_ORGANISATION}/${BIG_AGREEMENT}`;
  // Days the in-process part did not ask, shifted so that a rerun asks mostly new days.
  const days = asOfDays(runs + 3).map((d) => addDays(d, 3));
  const past = await httpSeries(
    base,
    days.map((day) => `${page}?asOf=${day}`),
  );
  const pastMissed = reportSeries(
    `GET ${page}?asOf=<a new day each time> over HTTP, ${runs} requests one at a time (${base})`,
    past,
  );
  const today = await todayRenderedAndStored(base, page, runs, client);
  const todayMissed = reportSeries(
    `GET ${page} (today's), rendered and stored after an edit announced by another instance, ${runs} requests`,
    today,
  );
  return pastMissed || todayMissed;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
