/**
 * Where a cached answer's time goes (bench/README.md, "Spike"): `next-server` under wrk, profiled with V8's CPU
 * profiler, once against the cached scorecard and once against the same HTML as a static file of public/ (the two
 * sides of bench/spike.ts's origin comparison), each in a start of its own.
 *
 *   node --import tsx bench/profile-spike.ts                      # wrk -t1 -c50 -d8s per side
 *   node --import tsx bench/profile-spike.ts --seconds 8 --connections 50 --top 30 --out /tmp/spike-profiles
 *
 * Prints, per side, the server's self time per request by function and by file (top N), and keeps the .cpuprofile
 * files (open them in Chrome DevTools, Performance tab) in --out. The server's code is Turbopack's minified chunks
 * (.next/server/chunks/…): a chunk's line and column, with its .map beside it, name the source. Wall-clock sampling:
 * on a loaded machine the time per request is inflated (the thread is off the CPU); compare shares, not µs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { appCopy, ensureBuild, log, machineNote, SCORECARD, sleep, startApp, wrk } from "./support/app";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "50" },
    top: { type: "string", default: "30" },
    out: { type: "string" },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const TOP = Number(args.top);
const OUT = args.out ?? mkdtempSync(path.join(tmpdir(), "accordwatch-spike-profiles-"));
const STATIC_PATH = "/bench/scorecard.html";
const PRELOAD = path.join(import.meta.dirname, "support", "cpu-profiler.mjs");

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "")
    .replace(/.*\/\.next\//, ".next/");
const byFunction = (f: CallFrame) =>
  `${f.functionName || "(anonymous)"} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`;
const byFile = (f: CallFrame) => shortUrl(f.url) || (f.functionName.startsWith("(") ? f.functionName : "(native)");

/** Self time (µs) per key: each sample's interval goes to the function on top of the stack. */
function selfTime(profile: CpuProfile, key: (f: CallFrame) => string): { total: number; rows: [string, number][] } {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const times = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(id);
    if (!frame) return;
    total += dt;
    const k = key(frame);
    times.set(k, (times.get(k) ?? 0) + dt);
  });
  return { total, rows: [...times].sort((a, b) => b[1] - a[1]) };
}

function report(name: string, file: string, requests: number): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  for (const [title, key] of [
    ["function", byFunction],
    ["file", byFile],
  ] as const) {
    const { total, rows } = selfTime(profile, key);
    log(
      `\n### ${name}: self time by ${title} (${(total / 1000).toFixed(0)} ms sampled, ${requests} requests, ` +
        `${(total / requests).toFixed(0)} µs per request)`,
    );
    for (const [k, t] of rows.slice(0, TOP)) {
      log(`${((100 * t) / total).toFixed(1).padStart(5)}% ${(t / requests).toFixed(1).padStart(7)} µs/req  ${k}`);
    }
  }
}

log(`Spike profile, ${machineNote()}; profiles in ${OUT}`);
ensureBuild();
const copy = appCopy();
try {
  let app = await startApp(copy.dir);
  let page = "";
  for (let i = 0; i < 4; i++) page = await (await fetch(`${app.url}${SCORECARD}`)).text();
  await app.stop();
  const file = path.join(copy.dir, "public", "en", STATIC_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, page);
  for (const [name, address] of [
    ["cached scorecard", SCORECARD],
    ["static file", STATIC_PATH],
  ] as const) {
    const dir = path.join(OUT, name.replace(" ", "-"));
    mkdirSync(dir, { recursive: true });
    app = await startApp(copy.dir, { NODE_OPTIONS: `--import ${PRELOAD}`, CPU_PROFILE_DIR: dir });
    const url = `${app.url}${address}`;
    // Until the page answers from a fresh cache entry: the one stored by the first start is stale by now, and its
    // regeneration (cold modules, first queries) is not what a hit costs.
    for (let i = 0; i < 150; i++) {
      const response = await fetch(url);
      await response.text();
      if (address === STATIC_PATH || response.headers.get("x-nextjs-cache") === "HIT") break;
      await sleep(200);
    }
    await wrk(url, { connections: CONNECTIONS, seconds: 2 });
    process.kill(app.serverPid, "SIGUSR2");
    const result = await wrk(url, { connections: CONNECTIONS, seconds: SECONDS });
    process.kill(app.serverPid, "SIGUSR2");
    for (let i = 0; i < 100 && readdirSync(dir).length === 0; i++) await sleep(100);
    await app.stop();
    const written = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
    if (written.length !== 1) throw new Error(`${dir}: expected one profile, found ${written.length}`);
    log(
      `\n## ${name}: ${result.rps.toFixed(0)} req/s (wrk -t1 -c${CONNECTIONS} -d${SECONDS}s), ${path.join(dir, written[0] ?? "")}`,
    );
    report(name, path.join(dir, written[0] ?? ""), result.requests);
  }
} finally {
  copy.remove();
}
