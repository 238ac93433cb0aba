/**
 * Spike benchmark (issue 5, item 1).
 *
 *   npm run bench:spike                       # node --import tsx bench/spike.ts
 *   npm run bench:spike -- --rounds 5 --seconds 8 --nginx-rounds 9 --nginx-seconds 3 --connections 50 --edits 8
 *   npm run bench:spike -- --no-nginx
 *
 * 1. Origin: `next start` (the production build, scripts/start.ts on a fresh embedded database, in a temporary copy
 *    of the app: bench/support/app.ts) serving the cached scorecard vs the same `next start` serving the same HTML
 *    as a prerendered static file. The file is the scorecard's HTML as the app served it, saved under `public/en/`
 *    of the copy before a second start (Next.js lists `public/` when it starts): `GET /bench/scorecard.html` goes
 *    through the same proxy (proxy.ts: request id, next-intl's rewrite to `/en/…`) and is answered by Next.js's
 *    static file handler, with no rendering and no cache lookup. wrk -t1 -cC -dS against each, alternating which
 *    goes first, R rounds. Goal: cached ≥ 0.8 × static (requests/s). Also the next-server's CPU time per answer on
 *    each side (/proc), whose ratio is the same comparison with less noise from the rest of a shared machine.
 * 2. nginx: the same page through the deploy/ nginx cache (bench/support/nginx.ts says which configuration) vs the
 *    same nginx serving the HTML as a static file, in Debian's http block (sendfile on, tcp_nopush on): a static
 *    server with the cache server's own settings for sending files (tcp_nopush off, open_file_cache: the same nginx
 *    as deployed, serving a file), and one with the http block's. The three in turn, N rounds. Goal ≥ 0.8×.
 * 3. Freshness: an editor (the demo editor, signed in over HTTP) saves the agreement's title through the workspace
 *    form's server action (bench/support/editor.ts); from the moment the POST is sent, the public scorecard is
 *    polled every 50 ms at the origin and through nginx until it shows the new title; edits 1–3 s apart at random.
 *    First with no other load, then while wrk (-cC) hammers the scorecard through nginx. Goal ≤ 2 s.
 *
 * Not a test: it prints figures for bench/README.md and exits non-zero only when something breaks.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  appCopy,
  demoAccounts,
  ensureBuild,
  log,
  machineNote,
  median,
  SCORECARD,
  sleep,
  startApp,
  table,
  wrk,
  type RunningApp,
  type WrkResult,
} from "./support/app";
import { findForm, getPage, signIn, submitForm, type Session } from "./support/editor";
import { DEBIAN_DEFAULTS, startNginx, type RunningNginx } from "./support/nginx";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "50" },
    edits: { type: "string", default: "8" },
    "nginx-rounds": { type: "string", default: "9" },
    "nginx-seconds": { type: "string", default: "3" },
    "no-nginx": { type: "boolean", default: false },
  },
});
const ROUNDS = Number(args.rounds);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const EDITS = Number(args.edits);
const NGINX_ROUNDS = Number(args["nginx-rounds"]);
const NGINX_SECONDS = Number(args["nginx-seconds"]);
/** Where the static copy is answered: public/en/bench/scorecard.html, reached through the language proxy. */
const STATIC_PATH = "/bench/scorecard.html";
const WORKSPACE = "/w/demo/uk-france-small-boats-2025";
const POLL_MS = 50;

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
/** A CPU time per answer in µs: nginx's are a few µs, next-server's hundreds. */
const fmtUs = (us: number) => fmt(us, us < 100 ? 1 : 0);
const describe = (r: WrkResult) =>
  `${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms` +
  (r.non2xx3xx || r.socketErrors ? `, ${r.non2xx3xx} non-2xx/3xx, ${r.socketErrors} socket errors` : "");

interface Side {
  readonly name: string;
  readonly url: string;
  /** The processes that answer, when they are ours: their CPU time per answer is reported too. */
  readonly pids?: readonly number[];
}

/** CPU time (user + system) a process has used so far, in ms (/proc/PID/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // pid (comm) state ppid …: utime and stime are the 12th and 13th fields after the command's closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** wrk against one side, with the server's CPU time per answer (µs) when its process is known. */
async function measure(side: Side, seconds: number): Promise<WrkResult & { cpuUs: number }> {
  const cpu = () => (side.pids === undefined ? Number.NaN : side.pids.reduce((sum, pid) => sum + cpuMs(pid), 0));
  const before = cpu();
  const result = await wrk(side.url, { connections: CONNECTIONS, seconds });
  const used = cpu() - before;
  return { ...result, cpuUs: (used * 1000) / result.requests };
}

/**
 * R rounds of wrk against a and each of `others`, the order rotating every round (a first, then second, …: each side
 * as often in each place); prints each round and, for each other side b, the median of the rounds' ratios a/b.
 */
async function compare(
  title: string,
  a: Side,
  others: readonly Side[],
  { rounds, seconds }: { rounds: number; seconds: number },
): Promise<number[]> {
  const sides = [a, ...others];
  log(
    `\n## ${title}: ${a.name} vs ${others.map((b) => b.name).join(", ")} ` +
      `(wrk -t1 -c${CONNECTIONS} -d${seconds}s, ${rounds} rounds)`,
  );
  // Warm-up, not measured: connections, JIT, the first renders.
  for (const side of sides) await wrk(side.url, { connections: CONNECTIONS, seconds: 2 });
  const rows: string[][] = [];
  const ratios: number[][] = others.map(() => []);
  // The server's CPU per answer, b's over a's: what the throughput ratio would be with the CPU to itself (the machine is
  // shared, wrk runs on the same CPUs); less noisy than requests/s on a loaded machine.
  const cpuRatios: number[][] = others.map(() => []);
  const withCpu = sides.every((side) => side.pids !== undefined);
  for (let round = 1; round <= rounds; round++) {
    const shift = (round - 1) % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    const results = new Map<string, WrkResult & { cpuUs: number }>();
    for (const side of order) {
      const result = await measure(side, seconds);
      results.set(side.name, result);
      log(
        `  round ${round} ${side.name}: ${describe(result)}` +
          (Number.isFinite(result.cpuUs) ? `, server CPU ${fmtUs(result.cpuUs)} µs per answer` : ""),
      );
    }
    const of = (side: Side) => results.get(side.name) as WrkResult & { cpuUs: number };
    const ra = of(a);
    const cells = others.flatMap((b, i) => {
      const rb = of(b);
      ratios[i]?.push(ra.rps / rb.rps);
      cpuRatios[i]?.push(rb.cpuUs / ra.cpuUs);
      return [
        fmt(rb.rps),
        `${fmt(rb.p50, 1)} / ${fmt(rb.p99, 1)}`,
        `${fmt(ra.rps / rb.rps, 2)}×`,
        ...(withCpu ? [`${fmtUs(ra.cpuUs)} / ${fmtUs(rb.cpuUs)}`, `${fmt(rb.cpuUs / ra.cpuUs, 2)}×`] : []),
      ];
    });
    const errors = sides.reduce((sum, side) => sum + of(side).non2xx3xx + of(side).socketErrors, 0);
    rows.push([
      String(round),
      `${order[0]?.name} first`,
      fmt(ra.rps),
      `${fmt(ra.p50, 1)} / ${fmt(ra.p99, 1)}`,
      ...cells,
      String(errors),
    ]);
  }
  const medians = ratios.map((r) => median(r));
  rows.push([
    "median",
    "",
    "",
    "",
    ...others.flatMap((_, i) => [
      "",
      "",
      `**${fmt(medians[i] ?? Number.NaN, 2)}×**`,
      ...(withCpu ? ["", `${fmt(median(cpuRatios[i] ?? []), 2)}×`] : []),
    ]),
    "",
  ]);
  table(
    [
      "round",
      "order",
      `${a.name} req/s`,
      `${a.name} p50 / p99 ms`,
      ...others.flatMap((b) => [
        `${b.name} req/s`,
        `${b.name} p50 / p99 ms`,
        `ratio to ${b.name}`,
        ...(withCpu ? ["server CPU µs per answer", "CPU ratio"] : []),
      ]),
      "errors",
    ],
    rows,
  );
  others.forEach((b, i) => {
    const ratio = medians[i] ?? Number.NaN;
    log(
      `Goal ≥ 0.8× against ${b.name}: ${ratio >= 0.8 ? "met" : "NOT met"} (median ${fmt(ratio, 2)}×` +
        (withCpu ? `; by the server's CPU per answer ${fmt(median(cpuRatios[i] ?? []), 2)}×` : "") +
        `). ${machineNote()}`,
    );
  });
  return medians;
}

/**
 * What one rendering of the scorecard costs, to read the origin's figures by: the scorecard as of past days not
 * asked before (each a MISS: rendered while the request waits), one at a time, against the cached one (HIT).
 */
async function renderCost(app: RunningApp): Promise<void> {
  const time = async (url: string) => {
    const started = performance.now();
    const page = await body(url);
    return { ms: performance.now() - started, cache: page.cache };
  };
  const misses = [];
  for (let day = 1; day <= 5; day++) misses.push(await time(`${app.url}${SCORECARD}?asOf=2025-08-0${day}`));
  const hits = [];
  for (let i = 0; i < 20; i++) hits.push(await time(`${app.url}${SCORECARD}`));
  log(
    `\nOne request at a time: a rendering of the scorecard (as of 5 past days never asked: ` +
      `${misses.map((m) => m.cache).join(", ")}) median ${fmt(median(misses.map((m) => m.ms)), 1)} ms; ` +
      `the cached scorecard (${[...new Set(hits.map((h) => h.cache))].join("/")}) median ` +
      `${fmt(median(hits.map((h) => h.ms)), 1)} ms. With revalidate 10 s, a scorecard under load is rendered again ` +
      `in the background about every ten seconds, in the same process as the requests.`,
  );
}

async function body(url: string): Promise<{ status: number; text: string; cache: string | null }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text(), cache: response.headers.get("x-nextjs-cache") };
}

/** Polls `url` every POLL_MS until its body contains `text`; resolves with the time (performance.now()) it did. */
function pollUntil(url: string, text: string, stop: { done: boolean }, timeoutMs = 30_000): Promise<number> {
  return (async () => {
    const deadline = performance.now() + timeoutMs;
    while (!stop.done && performance.now() < deadline) {
      const asked = performance.now();
      try {
        const response = await fetch(url);
        const page = await response.text();
        if (response.ok && page.includes(text)) return performance.now();
      } catch {
        // A refused connection under load: ask again.
      }
      const wait = POLL_MS - (performance.now() - asked);
      if (wait > 0) await sleep(wait);
    }
    return Number.NaN;
  })();
}

interface Edit {
  readonly post: number;
  readonly origin: number;
  readonly nginx: number;
  readonly outcome: string;
}

/** One save of the agreement's title and how long until each public URL shows it (seconds from the POST). */
async function edit(session: Session, title: string, urls: { origin: string; nginx?: string }): Promise<Edit> {
  // Load the form as the editor does (its expectedVersion is the agreement's current one): not timed.
  const form = findForm(await getPage(session, WORKSPACE), /^Edit agreement /);
  const stop = { done: false };
  const sent = performance.now();
  const origin = pollUntil(urls.origin, title, stop);
  const nginx = urls.nginx ? pollUntil(urls.nginx, title, stop) : Promise.resolve(Number.NaN);
  const saved = await submitForm(session, WORKSPACE, form, { title });
  const answered = performance.now();
  if (saved.outcome !== "ok") stop.done = true;
  const [seenOrigin, seenNginx] = await Promise.all([origin, nginx]);
  stop.done = true;
  return {
    post: (answered - sent) / 1000,
    origin: (seenOrigin - sent) / 1000,
    nginx: (seenNginx - sent) / 1000,
    outcome: saved.outcome === "ok" ? "saved" : `${saved.outcome}: ${saved.message}`,
  };
}

async function freshness(session: Session, app: RunningApp, nginx: RunningNginx | undefined, label: string) {
  const rows: string[][] = [];
  const results: Edit[] = [];
  for (let i = 1; i <= EDITS; i++) {
    const title = `Spike bench title ${Date.now().toString(36)} ${i}`;
    const result = await edit(session, title, {
      origin: `${app.url}${SCORECARD}`,
      nginx: nginx ? `${nginx.cachedUrl}${SCORECARD}` : undefined,
    });
    results.push(result);
    rows.push([String(i), result.outcome, fmt(result.post, 2), fmt(result.origin, 2), fmt(result.nginx, 2)]);
    // 1–3 s apart, at a random moment: nginx's copies are refreshed on a 1–2 s cycle, and edits made at a fixed
    // delay after the last one became visible would always land at the same point of that cycle.
    await sleep(1000 + Math.random() * 2000);
  }
  const med = (pick: (e: Edit) => number) => median(results.map(pick).filter(Number.isFinite));
  const max = (pick: (e: Edit) => number) => Math.max(...results.map(pick));
  const picks = [(e: Edit) => e.post, (e: Edit) => e.origin, (e: Edit) => e.nginx];
  for (const [summary, of] of [
    ["median", med],
    ["max", max],
  ] as const) {
    rows.push([summary, "", ...picks.map((pick) => fmt(of(pick), 2))]);
  }

  log(`\n## Freshness, ${label} (seconds from sending the save; public pages polled every ${POLL_MS} ms)`);
  table(["edit", "outcome", "POST answered", "visible at origin", "visible through nginx"], rows);
  const worst = Math.max(
    max((e) => e.origin),
    nginx ? max((e) => e.nginx) : 0,
  );
  log(`Goal ≤ 2 s: ${worst <= 2 ? "met" : "NOT met"} (worst ${fmt(worst, 2)} s). ${machineNote()}`);
}

log(`Spike benchmark, ${machineNote()}`);
ensureBuild();
const copy = appCopy();
let app: RunningApp | undefined;
let nginx: RunningNginx | undefined;
try {
  // First start: creates the embedded database and the demo; the scorecard's HTML as the app serves it.
  app = await startApp(copy.dir);
  for (let i = 0; i < 3; i++) await body(`${app.url}${SCORECARD}`);
  const page = await body(`${app.url}${SCORECARD}`);
  if (page.status !== 200) throw new Error(`${SCORECARD} answered ${page.status}`);
  await app.stop();

  // Second start, with the same HTML as a static file under public/.
  const { writeFileSync, mkdirSync } = await import("node:fs");
  const file = path.join(copy.dir, "public", "en", STATIC_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, page.text);
  app = await startApp(copy.dir);
  for (let i = 0; i < 5; i++) await body(`${app.url}${SCORECARD}`);
  const cached = await body(`${app.url}${SCORECARD}`);
  const still = await body(`${app.url}${STATIC_PATH}`);
  if (still.status !== 200 || still.text !== page.text) throw new Error(`${STATIC_PATH} is not the saved page`);
  log(
    `Scorecard ${SCORECARD}: ${page.text.length} bytes of HTML (x-nextjs-cache ${cached.cache}); ` +
      `static copy ${STATIC_PATH}: ${still.text.length} bytes. next-server PID ${app.serverPid}.`,
  );

  await renderCost(app);
  await compare(
    "Origin",
    { name: "cached scorecard", url: `${app.url}${SCORECARD}`, pids: [app.serverPid] },
    [{ name: "static file", url: `${app.url}${STATIC_PATH}`, pids: [app.serverPid] }],
    { rounds: ROUNDS, seconds: SECONDS },
  );

  if (!args["no-nginx"]) {
    // Debian's http block (sendfile on, tcp_nopush on), which the deploy/ file is included in.
    nginx = await startNginx(`127.0.0.1:${app.port}`, { "scorecard.html": page.text }, DEBIAN_DEFAULTS);
    log(
      `\nnginx: ${nginx.config}; http block: sendfile on, tcp_nopush on (Debian's). Static servers: one with the ` +
        `http block's settings, one with the cache server's own settings for sending files: ` +
        `${nginx.sameSettings.length ? nginx.sameSettings.join("; ") : "(none)"}.`,
    );
    const viaNginx = await fetch(`${nginx.cachedUrl}${SCORECARD}`);
    await viaNginx.arrayBuffer();
    // The workers serve all three servers: their CPU time while one side runs is that side's.
    const pids = nginx.workerPids();
    await compare(
      "nginx",
      { name: "nginx cache", url: `${nginx.cachedUrl}${SCORECARD}`, pids },
      [
        { name: "static, same settings", url: `${nginx.staticSameSettingsUrl}/scorecard.html`, pids },
        { name: "static, Debian's http block", url: `${nginx.staticUrl}/scorecard.html`, pids },
      ],
      { rounds: NGINX_ROUNDS, seconds: NGINX_SECONDS },
    );
    const status = await fetch(`${nginx.cachedUrl}${SCORECARD}`);
    await status.arrayBuffer();
    log(`X-Cache-Status after the runs: ${status.headers.get("x-cache-status")}`);
  }

  const editor = demoAccounts(copy.dir).find((a) => a.role === "EDITOR");
  if (!editor) throw new Error("no demo editor");
  const session = await signIn(app.url, editor.email, editor.password);
  await freshness(session, app, nginx, "no other load");
  // The same during a spike: wrk on the scorecard (through nginx when there is one) for as long as the edits take.
  const target = nginx ? `${nginx.cachedUrl}${SCORECARD}` : `${app.url}${SCORECARD}`;
  const spikeSeconds = Math.ceil(EDITS * 8 + 10);
  const spiking = spawn("wrk", [`-t1`, `-c${CONNECTIONS}`, `-d${spikeSeconds}s`, target], { stdio: "ignore" });
  await sleep(2000);
  await freshness(
    session,
    app,
    nginx,
    `during a spike (wrk -c${CONNECTIONS} on the scorecard${nginx ? " through nginx" : ""})`,
  );
  spiking.kill("SIGINT");
} finally {
  await nginx?.stop();
  await app?.stop();
  copy.remove();
}
