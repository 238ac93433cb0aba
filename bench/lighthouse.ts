/**
 * Lighthouse benchmark of the public pages (issue 4): mobile preset (Lighthouse's default config: formFactor mobile,
 * simulated throttling of a slow 4G network and a 4× slower CPU), the median of 3 runs per page.
 *
 *   npm run bench:lighthouse                          # node --import tsx bench/lighthouse.ts
 *   npm run bench:lighthouse -- --runs 5 --out /tmp/lh   # more runs; keep every Lighthouse report (JSON) there
 *
 * It starts the app the way a user does (`scripts/start.ts`, which builds when the build is missing or stale) on a
 * free port with a fresh embedded database in a temporary folder, waits until `GET /` answers 200, requests each page
 * once (not measured: the server's first render of a page), then runs Lighthouse in Debian's Chromium, a fresh
 * browser for every run. Goals: performance ≥ 95, accessibility 100, best practices ≥ 95, JavaScript transferred by a
 * public page ≤ 150 KB (gzip). Not a test: it prints figures for bench/README.md and exits non-zero only when
 * something crashes, never because a goal is missed.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result, type RunnerResult } from "lighthouse";
import { groupAlive } from "./support/process-group";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Without the background-networking flags, Chromium on a closed network stalls on its own requests. */
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

const PAGES = [
  { name: "scorecard", path: "/demo/uk-france-small-boats-2025" },
  { name: "commitment", path: "/demo/uk-france-small-boats-2025/commitments/maritime-interception" },
  { name: "scorecard (fr)", path: "/fr/demo/uk-france-small-boats-2025" },
  { name: "commitment (fr)", path: "/fr/demo/uk-france-small-boats-2025/commitments/maritime-interception" },
];

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "3" }, out: { type: "string" } },
});
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, not ${args.runs}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port")),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app, started as `node --import tsx scripts/start.ts --port N` in a process group of its own. */
class App {
  readonly log: string;
  private readonly child;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly port: number,
    dataDir: string,
  ) {
    this.log = path.join(dataDir, "..", "server.log");
    const out = openSync(this.log, "a");
    const env: NodeJS.ProcessEnv = { ...process.env, ACCORDWATCH_DATA: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.DATABASE_URL;
    delete env.PORT;
    this.child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
      cwd: root,
      env,
      stdio: ["ignore", out, out],
      detached: true,
    });
  }

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }

  async ready(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`the app exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.logTail()}`);
      }
      if (performance.now() > deadline) {
        throw new Error(`GET / did not answer 200 within ${timeoutMs / 1000} s:\n${this.logTail()}`);
      }
      try {
        const response = await fetch(`${this.origin}/`);
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(250);
    }
  }

  /** SIGTERM to the whole group (start.ts and the `next start` it spawned), SIGKILL after 10 s; idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const pgid = this.child.pid;
      if (pgid === undefined) return;
      if (groupAlive(pgid)) process.kill(-pgid, "SIGTERM");
      const deadline = performance.now() + 10_000;
      while (groupAlive(pgid)) {
        if (performance.now() > deadline) {
          process.kill(-pgid, "SIGKILL");
          break;
        }
        await sleep(50);
      }
    })();
    return this.stopping;
  }
}

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  /** Sum of transferSize of the `network-requests` items whose resourceType is Script. */
  jsTransfer: number;
  /** The same from the `resource-summary` audit's "script" row (a cross-check). */
  jsTransferSummary: number;
  benchmarkIndex: number;
  lhr: Result;
}

interface NetworkRequestItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

function auditItems<T>(lhr: Result, id: string): T[] {
  const details = lhr.audits[id]?.details;
  return details && "items" in details ? (details.items as T[]) : [];
}

function numeric(lhr: Result, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== "number") throw new Error(`audit ${id} has no numeric value (${lhr.audits[id]?.errorMessage})`);
  return value;
}

function scriptRequests(lhr: Result): NetworkRequestItem[] {
  return auditItems<NetworkRequestItem>(lhr, "network-requests").filter((item) => item.resourceType === "Script");
}

function summarise(lhr: Result): Run {
  const scores = {} as Run["scores"];
  for (const id of CATEGORIES) {
    const score = lhr.categories[id]?.score;
    if (typeof score !== "number") throw new Error(`category ${id} has no score`);
    scores[id] = Math.round(score * 100);
  }
  const summaryScript = auditItems<{ resourceType: string; transferSize: number }>(lhr, "resource-summary").find(
    (row) => row.resourceType === "script",
  );
  return {
    scores,
    lcp: numeric(lhr, "largest-contentful-paint"),
    tbt: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    fcp: numeric(lhr, "first-contentful-paint"),
    jsTransfer: scriptRequests(lhr).reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    jsTransferSummary: summaryScript?.transferSize ?? 0,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lhr,
  };
}

/** Why the page's document request failed, from the DevTools protocol log of a run that ended in an error page. */
function documentFailure(result: RunnerResult): string {
  const log = [...(result.artifacts.DevtoolsLog ?? []), ...(result.artifacts.DevtoolsLogError ?? [])] as {
    method: string;
    params: { type?: string; errorText?: string };
  }[];
  const errors = log
    .filter((event) => event.method === "Network.loadingFailed" && event.params.type === "Document")
    .map((event) => event.params.errorText);
  return errors.length ? errors.join(", ") : "no failed document request in the protocol log";
}

/** One Lighthouse run in a fresh browser; undefined (after saying why) when Lighthouse could not load the page. */
async function lighthouseRun(url: string, label: string): Promise<Run | undefined> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    logLevel: "silent",
    // Our own handler (below) stops the app too; chrome-launcher's would exit at once.
    handleSIGINT: false,
  });
  liveBrowsers.add(chrome);
  try {
    // No config: Lighthouse's default, the mobile preset.
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error("Lighthouse returned no result");
    if (args.out) writeFileSync(path.join(args.out, `${label}.json`), JSON.stringify(result.lhr));
    const { runtimeError } = result.lhr;
    if (runtimeError) {
      console.log(`  ${label}: Lighthouse could not load the page: ${runtimeError.code} (${documentFailure(result)})`);
      if (app) console.log(`  the app's log ends with:\n${app.logTail(5).replace(/^/gm, "    ")}`);
      return undefined;
    }
    return summarise(result.lhr);
  } finally {
    chrome.kill();
    liveBrowsers.delete(chrome);
  }
}

/** A failed page load is tried again (twice at most): it says nothing about the page, and one must not end the whole. */
async function measuredRun(url: string, label: string): Promise<Run> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const run = await lighthouseRun(url, attempt === 1 ? label : `${label}-attempt-${attempt}`);
    if (run) return run;
  }
  throw new Error(`${url}: Lighthouse could not load the page in 3 attempts`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** The run whose performance score is the median one (its report is the one described in detail). */
function representative(runs: Run[]): Run {
  const m = median(runs.map((r) => r.scores.performance));
  return runs.reduce((best, r) =>
    Math.abs(r.scores.performance - m) < Math.abs(best.scores.performance - m) ? r : best,
  );
}

/** Audits of the accessibility and best-practices categories that did not pass, with the elements they name. */
function failingAudits(lhr: Result): string[] {
  const lines: string[] = [];
  for (const id of ["accessibility", "best-practices"] as const) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      const items = auditItems<{ node?: { selector?: string; snippet?: string }; description?: string }>(lhr, ref.id);
      const nodes = items
        .map((item) => item.node?.snippet ?? item.node?.selector ?? item.description)
        .filter((node): node is string => Boolean(node))
        .slice(0, 3)
        .map((node) => node.replace(/\s+/g, " ").slice(0, 200));
      lines.push(
        `${id} / ${ref.id} (weight ${ref.weight}): ${audit.title}${nodes.length ? `\n      ${nodes.join("\n      ")}` : ""}`,
      );
    }
  }
  return lines;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

const liveBrowsers = new Set<chromeLauncher.LaunchedChrome>();
const work = mkdtempSync(path.join(tmpdir(), "accordwatch-lighthouse-"));
let app: App | undefined;

async function cleanUp(): Promise<void> {
  for (const chrome of liveBrowsers) chrome.kill();
  await app?.stop();
  rmSync(work, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the app and the browsers…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, Chromium ${CHROMIUM}, Lighthouse 12 (mobile preset), ${RUNS} runs per page`,
  );
  // `npm start` generates the Prisma client first; so does this (a no-op when it is current).
  const generated = spawnSync(process.execPath, ["scripts/generate.mjs"], { cwd: root, stdio: "inherit" });
  if (generated.status !== 0) throw new Error(`scripts/generate.mjs failed (${generated.status ?? generated.signal})`);

  const dataDir = path.join(work, "data");
  mkdirSync(dataDir);
  const started = performance.now();
  const server = new App(await freePort(), dataDir);
  app = server;
  console.log(`Starting the app on port ${server.port} (it builds when needed; log: ${server.log})…`);
  await server.ready(20 * 60_000);
  console.log(`GET / answered 200 after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (const page of PAGES) {
    const response = await fetch(server.origin + page.path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${page.path} answered ${response.status}`);
  }

  if (args.out) mkdirSync(args.out, { recursive: true });
  // Round robin (every page once, then again…) so that a burst of load on this shared machine does not land on the
  // runs of one page only.
  const results = PAGES.map((page) => ({ page, runs: [] as Run[] }));
  for (let i = 1; i <= RUNS; i++) {
    for (const { page, runs } of results) {
      const label = `${page.name.replace(/\W+/g, "-").replace(/-$/, "")}-${i}`;
      const run = await measuredRun(server.origin + page.path, label);
      runs.push(run);
      console.log(
        `${page.name} run ${i}: perf ${run.scores.performance}, a11y ${run.scores.accessibility}, ` +
          `best practices ${run.scores["best-practices"]}, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms, ` +
          `CLS ${run.cls.toFixed(3)}, JS ${kib(run.jsTransfer)} KiB, benchmarkIndex ${Math.round(run.benchmarkIndex)}`,
      );
    }
  }

  console.log(`\nMedian of ${RUNS} runs (each figure on its own), mobile preset, ${new Date().toISOString()}:\n`);
  const rows = [["page", "perf", "a11y", "best pr.", "LCP ms", "TBT ms", "CLS", "FCP ms", "JS KiB (gzip)"]];
  for (const { page, runs } of results) {
    const m = (f: (r: Run) => number) => median(runs.map(f));
    rows.push([
      page.path,
      String(m((r) => r.scores.performance)),
      String(m((r) => r.scores.accessibility)),
      String(m((r) => r.scores["best-practices"])),
      String(Math.round(m((r) => r.lcp))),
      String(Math.round(m((r) => r.tbt))),
      m((r) => r.cls).toFixed(3),
      String(Math.round(m((r) => r.fcp))),
      kib(m((r) => r.jsTransfer)),
    ]);
  }
  rows.push(["goal", "≥ 95", "100", "≥ 95", "", "", "", "", "≤ 150 KB"]);
  console.log(table(rows));
  console.log(
    "\nJS = sum of transferSize (compressed bytes on the wire, headers included) of the Script requests of the " +
      "`network-requests` audit; `resource-summary` gives " +
      results.map(({ runs }) => kib(median(runs.map((r) => r.jsTransferSummary)))).join(" / ") +
      " KiB. benchmarkIndex (median): " +
      results.map(({ runs }) => Math.round(median(runs.map((r) => r.benchmarkIndex)))).join(" / ") +
      ".",
  );

  let previousScripts = "";
  for (const { page, runs } of results) {
    const { lhr } = representative(runs);
    console.log(`\n${page.path} (the run with the median performance score):`);
    const scripts = scriptRequests(lhr)
      .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
      .map(
        (s) =>
          `    ${kib(s.transferSize ?? 0).padStart(6)} KiB (${kib(s.resourceSize ?? 0).padStart(6)} KiB uncompressed)  ${s.url.replace(server.origin, "")}`,
      );
    const listing = scripts.join("\n");
    console.log(`  scripts by transfer size (${scripts.length})${listing === previousScripts ? ": as above" : ""}`);
    if (listing !== previousScripts) console.log(listing);
    previousScripts = listing;
    const failing = failingAudits(lhr);
    console.log(`  accessibility / best-practices audits not passed: ${failing.length ? "" : "none"}`);
    for (const line of failing) console.log(`    ${line}`);
    const perf = (lhr.categories.performance?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
      .filter(({ audit }) => audit.score !== null && audit.score < 0.9);
    console.log(
      `  performance metrics scoring < 0.9: ${perf.map(({ ref, audit }) => `${ref.id} ${audit.displayValue} (score ${audit.score})`).join(", ") || "none"}`,
    );
  }

  const errored = new Map<string, string>();
  for (const { runs } of results) {
    for (const { lhr } of runs) {
      for (const audit of Object.values(lhr.audits)) {
        if (audit.scoreDisplayMode !== "error") continue;
        const weight = Math.max(
          0,
          ...Object.values(lhr.categories).flatMap((c) =>
            c.auditRefs.filter((r) => r.id === audit.id).map((r) => r.weight),
          ),
        );
        errored.set(audit.id, `(weight ${weight}) ${audit.errorMessage ?? ""}`);
      }
    }
  }
  if (errored.size) {
    console.log(`\nAudits Lighthouse could not compute in some run (weight: in its category score):`);
    for (const [id, message] of errored) console.log(`  ${id}: ${message.slice(0, 160)}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  if (app) console.error(`\nLast lines of the app's log:\n${app.logTail(40)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
