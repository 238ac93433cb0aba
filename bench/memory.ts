/**
 * Memory benchmark (issue 5, item 3): resident memory of `next start` over 100,000 requests, some aborted
 * mid-response. Goal: ≤ 512 MB, and flat.
 *
 *   npm run bench:memory                          # node --import tsx bench/memory.ts
 *   npm run bench:memory -- --requests 100000 --concurrency 16 --abort 0.05 --days 40
 *   npm run bench:memory -- --postgres    # the app on a PostgreSQL server of its own instead of the embedded one
 *
 * It starts the app as `npm start` does (scripts/start.ts, production build, a fresh embedded database, in a
 * temporary copy: bench/support/app.ts; with --postgres, on a PostgreSQL server of its own, bench/support/database.ts,
 * so that the embedded database's memory is not in the process), then sends the requests from this process, `concurrency` at a time on
 * keep-alive connections, drawn in a fixed order (a seeded PRNG) from this mix:
 *  - 80 %: public pages of today (scorecard in English and French, commitment, milestone, changes, widget):
 *    served from the app's cache, rendered again at most once a second each;
 *  - 10 %: 404s (an unknown organisation, agreement, commitment, and API agreement);
 *  - 10 %: the open-data API (list, agreement, health document: computed per request);
 *  - the scorecard as of `days` past days, each asked twice in a row when its turn comes (spread over the run):
 *    new entries of the app's page cache (ISR), so that it grows;
 *  - a fraction `abort` of all requests is sent on a socket of its own, which is destroyed as soon as the first
 *    bytes of the answer arrive (mid-response: an HTML page is streamed in several chunks).
 * The resident memory (VmRSS of /proc/<pid>/status) of the `next-server` process is read before the first request,
 * then every 1,000 requests, and once more after 5 s idle at the end. "Flat": the least-squares slope over the second
 * half of the run (50,000 → 100,000 requests) below 2 MB per 10,000 requests (10 MB over that half).
 */
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { parseArgs } from "node:util";
import {
  appCopy,
  COMMITMENT,
  ensureBuild,
  log,
  machineNote,
  MILESTONE,
  percentile,
  rssMb,
  SCORECARD,
  sleep,
  startApp,
  table,
  type RunningApp,
} from "./support/app";
import { startAppDatabase, type AppDatabase } from "./support/database";
import { prng } from "./support/prng";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "16" },
    abort: { type: "string", default: "0.05" },
    days: { type: "string", default: "40" },
    every: { type: "string", default: "1000" },
    postgres: { type: "boolean", default: false },
  },
});
const TOTAL = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const ABORT = Number(args.abort);
const DAYS = Number(args.days);
const EVERY = Number(args.every);
const FLAT_MB_PER_10K = 2;

const PAGES = [
  SCORECARD,
  `/fr${SCORECARD}`,
  COMMITMENT,
  MILESTONE,
  `${SCORECARD}/changes`,
  "/embed/demo/uk-france-small-boats-2025",
];
const NOT_FOUND = [
  "/no-such-org",
  "/demo/no-such-agreement",
  `${SCORECARD}/commitments/no-such-commitment`,
  "/api/v1/demo/agreements/no-such-agreement",
];
const API = [
  "/api/v1/demo/agreements",
  "/api/v1/demo/agreements/uk-france-small-boats-2025",
  "/api/v1/demo/agreements/uk-france-small-boats-2025/health",
];
/** Past days from 1 July 2025 on: each a new scorecard in the page cache. */
const pastDay = (i: number) => new Date(Date.UTC(2025, 6, 1 + i * 3)).toISOString().slice(0, 10);

type Kind = "page" | "404" | "api" | "day";

/** The i-th request of the run. */
function plan(): Array<{ path: string; kind: Kind; abort: boolean }> {
  const random = prng(20261201);
  const list: Array<{ path: string; kind: Kind; abort: boolean }> = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  // Where each past day's two requests go: evenly spread over the run.
  const dayAt = new Map<number, number>();
  for (let d = 0; d < DAYS; d++) dayAt.set(Math.floor(((d + 0.5) * TOTAL) / DAYS), d);
  for (let i = 0; list.length < TOTAL; i++) {
    const abort = random() < ABORT;
    const day = dayAt.get(i);
    if (day !== undefined) {
      const p = `${day % 2 ? "/fr" : ""}${SCORECARD}?asOf=${pastDay(day)}`;
      list.push({ path: p, kind: "day", abort }, { path: p, kind: "day", abort: false });
      continue;
    }
    const r = random();
    if (r < 0.8) list.push({ path: pick(PAGES), kind: "page", abort });
    else if (r < 0.9) list.push({ path: pick(NOT_FOUND), kind: "404", abort });
    else list.push({ path: pick(API), kind: "api", abort });
  }
  return list.slice(0, TOTAL);
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** A whole request on a keep-alive connection; resolves with the status. */
function fetchWhole(app: RunningApp, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: app.port, path, agent }, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A request on a socket of its own, destroyed at the first bytes of the answer. */
function fetchAborted(app: RunningApp, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(app.port, "127.0.0.1", () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nAccept: text/html\r\n\r\n`);
    });
    socket.once("data", (chunk: Buffer) => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString("latin1"))?.[1] ?? 0));
    });
    socket.once("error", reject);
    socket.setTimeout(60_000, () => {
      socket.destroy();
      reject(new Error(`timeout: ${path}`));
    });
  });
}

function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

log(`Memory benchmark, ${machineNote()}`);
ensureBuild();
const copy = appCopy();
let app: RunningApp | undefined;
let database: AppDatabase | undefined;
try {
  if (args.postgres) database = await startAppDatabase();
  app = await startApp(copy.dir, database?.appEnv ?? {});
  log(`Database: ${database ? "PostgreSQL (a server of its own)" : "embedded (PGlite, in the next-server process)"}.`);
  const pid = app.serverPid;
  const requests = plan();
  const samples: Array<[number, number]> = [[0, rssMb(pid)]];
  log(
    `next-server PID ${pid}; ${TOTAL} requests, ${CONCURRENCY} at a time, ${(ABORT * 100).toFixed(0)} % aborted, ` +
      `${DAYS} past days. RSS before the first request: ${samples[0]?.[1].toFixed(0)} MB.`,
  );
  const statuses = new Map<string, number>();
  const latencies = new Map<Kind, number[]>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  let next = 0;
  let done = 0;
  const started = performance.now();
  let lastLog = started;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const item = requests[i];
      if (item === undefined) return;
      const asked = performance.now();
      try {
        const status = await (item.abort
          ? fetchAborted(app as RunningApp, item.path)
          : fetchWhole(app as RunningApp, item.path));
        count(`${item.kind}${item.abort ? " (aborted)" : ""} ${status}`);
        if (!item.abort) {
          const list = latencies.get(item.kind) ?? [];
          list.push(performance.now() - asked);
          latencies.set(item.kind, list);
        }
      } catch (error) {
        count(`${item.kind} failed: ${(error as Error).message.slice(0, 60)}`);
      }
      done++;
      if (done % EVERY === 0) {
        samples.push([done, rssMb(pid)]);
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          const rate = done / ((lastLog - started) / 1000);
          const eta = (TOTAL - done) / rate;
          log(
            `  ${done} requests, ${rate.toFixed(0)} req/s, RSS ${samples.at(-1)?.[1].toFixed(0)} MB, ` +
              `about ${Math.ceil(eta / 60)} min to go`,
          );
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  await sleep(5000);
  const idle = rssMb(pid);

  log(`\n${done} requests in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)} req/s). ${machineNote()}`);
  table(
    ["answers", "count"],
    [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v]),
  );
  log("");
  table(
    ["kind (whole answers)", "count", "p50 ms", "p99 ms"],
    [...latencies].map(([kind, ms]) => [kind, ms.length, percentile(ms, 50).toFixed(0), percentile(ms, 99).toFixed(0)]),
  );
  const at = (n: number) => samples.find(([x]) => x >= n)?.[1] ?? Number.NaN;
  const rows: Array<[string, string]> = [["start (before any request)", at(0).toFixed(0)]];
  rows.push(["after warm-up (5,000)", at(5000).toFixed(0)]);
  for (let n = 10_000; n <= TOTAL; n += 10_000) rows.push([n.toLocaleString("en"), at(n).toFixed(0)]);
  rows.push(["end, after 5 s idle", idle.toFixed(0)]);
  const peak = Math.max(...samples.map(([, y]) => y), idle);
  rows.push(["peak of the samples", peak.toFixed(0)]);
  log("");
  table(["requests", "RSS MB"], rows);
  const secondHalf = samples.filter(([x]) => x >= TOTAL / 2);
  const perTenK = slope(secondHalf) * 10_000;
  const flat = perTenK < FLAT_MB_PER_10K;
  log(
    `\nSecond half (${secondHalf.length} samples, ${(TOTAL / 2).toLocaleString("en")} → ${TOTAL.toLocaleString("en")}): ` +
      `slope ${perTenK.toFixed(2)} MB per 10,000 requests (flat: below ${FLAT_MB_PER_10K}).`,
  );
  log(
    `Goal ≤ 512 MB and flat: ${peak <= 512 && flat ? "met" : "NOT met"} (peak ${peak.toFixed(0)} MB, ` +
      `${flat ? "flat" : "growing"}).`,
  );
  log(`RSS curve (every ${EVERY}): ${samples.map(([x, y]) => `${x / 1000}k:${y.toFixed(0)}`).join(" ")}`);
} finally {
  agent.destroy();
  await app?.stop();
  copy.remove();
  await database?.server.stop();
}
