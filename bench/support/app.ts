/**
 * What the HTTP benchmarks (spike, load, memory) share: the production build, a throwaway copy of the app to serve
 * it from, `scripts/start.ts` (what `npm start` runs) started on a free port, the PID of its `next-server`, wrk, and
 * the small statistics they print.
 *
 * Why a copy: `next start` writes the pages it renders for its cache (ISR) into `.next/server/app`, and the spike
 * benchmark adds a static file under `public/`. A temporary folder holds a real copy of `.next` and of `scripts/`
 * (Node resolves a symlinked main module to its real path, so start.ts must be a real file there to find its root),
 * `public/`, and symlinks to everything else (sources, node_modules), so the worktree is left as it was.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildIsCurrent } from "../../scripts/lib/build";
import { freePort } from "../../tests/support/postgres";
import { groupAlive } from "./process-group";

export { freePort };

export const repo = path.resolve(import.meta.dirname, "..", "..");
export const SCORECARD = "/demo/uk-france-small-boats-2025";
export const COMMITMENT = `${SCORECARD}/commitments/maritime-interception`;
export const MILESTONE = `${COMMITMENT}/milestones/adopt-doctrine`;

const nextBin = path.join(repo, "node_modules", "next", "dist", "bin", "next");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function log(line: string): void {
  console.log(line);
}

/** Load average and time, for the figures' context. */
export function machineNote(): string {
  const [one, five] = loadavg();
  return `${new Date().toISOString()}, load average ${one?.toFixed(1)} / ${five?.toFixed(1)} (1 / 5 min)`;
}

/** Generates the Prisma client and runs `next build` in the worktree when the build is missing or stale. */
export function ensureBuild(): void {
  execFileSync(process.execPath, [path.join(repo, "scripts", "generate.mjs")], { cwd: repo, stdio: "ignore" });
  if (buildIsCurrent(repo)) return;
  log("Building the app (next build): the build is missing or older than the sources…");
  const built = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: repo,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error(`next build failed (exit ${built.status ?? built.signal})`);
}

export interface AppCopy {
  readonly dir: string;
  remove(): void;
}

/** A temporary folder serving the worktree's build (see the top of this file); `publicFiles`: path → content. */
export function appCopy(publicFiles: Record<string, string> = {}): AppCopy {
  const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-bench-app-"));
  const copied = new Set([".next", "scripts", "public"]);
  const skipped = new Set([".data", "test-results", "tsconfig.tsbuildinfo", ".git"]);
  for (const entry of readdirSync(repo)) {
    if (copied.has(entry) || skipped.has(entry)) continue;
    symlinkSync(path.join(repo, entry), path.join(dir, entry));
  }
  cpSync(path.join(repo, "scripts"), path.join(dir, "scripts"), { recursive: true });
  cpSync(path.join(repo, ".next"), path.join(dir, ".next"), {
    recursive: true,
    preserveTimestamps: true,
    // Not the build's own caches (Turbopack's, images): only what `next start` reads.
    filter: (source) => !source.startsWith(path.join(repo, ".next", "cache")),
  });
  for (const [file, content] of Object.entries(publicFiles)) {
    const target = path.join(dir, "public", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = onExit(remove);
  return {
    dir,
    remove: () => {
      remove();
      forget();
    },
  };
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  /** PID of `node scripts/start.ts` (leader of its process group). */
  readonly pid: number;
  /** PID of the `next-server` process that serves the requests. */
  readonly serverPid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The PIDs whose parent is `pid` (from /proc). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

/** A process's command line, arguments joined by spaces; "" when it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

/**
 * The process that serves: the deepest descendant of start.ts whose command line is Next's (`next start` may name
 * itself `next-server`, and could fork a worker of its own).
 */
function findNextServer(root: number): number | undefined {
  let found: number | undefined;
  const walk = (pid: number) => {
    for (const child of childrenOf(pid)) {
      const cmd = commandLine(child);
      if (/next-server|next\/dist\/bin\/next|next start/.test(cmd)) found = child;
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Resident memory (VmRSS) of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** Processes to stop if the benchmark is interrupted (Ctrl-C): process-group ids of what this process started. */
const started = new Set<number>();
const cleanups = new Set<() => void>();
export function onExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
let handlersInstalled = false;
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stopAll = () => {
    for (const pgid of started) {
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    for (const cleanup of cleanups) cleanup();
  };
  process.on("exit", stopAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
}

/**
 * Starts `node --import tsx scripts/start.ts --port N` in `dir` (what `npm start` runs after generating the client:
 * migrations, the demo on a fresh embedded database, `next start`), in its own process group, and resolves once
 * `GET /healthz` answers 200.
 */
export async function startApp(dir: string, env: Record<string, string> = {}): Promise<RunningApp> {
  installHandlers();
  const port = await freePort();
  const logFile = path.join(dir, "app.log");
  const out = openSync(logFile, "a");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
    cwd: dir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      ACCORDWATCH_DATA: path.join(dir, ".data"),
      DATABASE_URL: "",
      ...env,
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start scripts/start.ts");
  started.add(pid);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) process.kill(-pid, "SIGTERM");
    await exited;
    for (let i = 0; groupAlive(pid) && i < 200; i++) await sleep(50);
    if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
    started.delete(pid);
  };
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`scripts/start.ts exited with ${child.exitCode}:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the app did not answer /healthz within 10 minutes");
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  const serverPid = findNextServer(pid);
  if (serverPid === undefined) {
    await stop();
    throw new Error(`no next-server process under ${pid}`);
  }
  return { url, port, pid, serverPid, logFile, stop };
}

/**
 * What the app's JSON log (LOG_LEVEL=warn) says: warnings and errors counted by message, and the first few error
 * messages, to name the cause of failed answers.
 */
export function logSummary(file: string, examples = 3): string[] {
  const counts = new Map<string, number>();
  const firsts: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as {
        level?: number | string;
        msg?: string;
        err?: { message?: string };
        reason?: string;
      };
      // pino's level: a label ("error", as lib/log/logger.ts writes it) or a number (50).
      const n = typeof entry.level === "number" ? entry.level : { warn: 40, error: 50, fatal: 60 }[entry.level ?? ""];
      const level = n === undefined || n < 40 ? "info" : n === 40 ? "warn" : "error";
      const key = `${level}: ${entry.msg}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const detail = `${entry.msg}: ${(entry.err?.message ?? entry.reason ?? "").slice(0, 300)}`;
      if (level !== "info" && firsts.length < examples && !firsts.includes(detail)) firsts.push(detail);
    } catch {
      // Not JSON after all.
    }
  }
  return [...[...counts].map(([k, v]) => `${v} × ${k}`), ...firsts.map((f) => `  e.g. ${f}`)];
}

/** The demo accounts that start.ts wrote beside a fresh embedded database. */
export function demoAccounts(dir: string): Array<{ role: string; email: string; password: string }> {
  return JSON.parse(readFileSync(path.join(dir, ".data", "demo-accounts.json"), "utf8")) as Array<{
    role: string;
    email: string;
    password: string;
  }>;
}

export interface WrkResult {
  readonly requests: number;
  readonly rps: number;
  /** Latency percentiles in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Responses that were not 2xx or 3xx, and socket errors (connect, read, write, timeout). */
  readonly non2xx3xx: number;
  readonly socketErrors: number;
  /** With a script of wrkPathsScript: answers by status, e.g. "200=1234 503=5". */
  readonly statuses?: string;
}

function wrkMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const value = Number(m[1]);
  return m[2] === "us" ? value / 1000 : m[2] === "ms" ? value : m[2] === "s" ? value * 1000 : value * 60_000;
}

/** Runs wrk with `--latency` and parses what it prints. `script`: a Lua file (e.g. rotating over paths). */
export function wrk(
  url: string,
  options: { threads?: number; connections: number; seconds: number; script?: string; timeoutS?: number },
): Promise<WrkResult> {
  const args = [
    `-t${options.threads ?? 1}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    `--timeout`,
    `${options.timeoutS ?? 10}s`,
    "--latency",
    ...(options.script ? ["-s", options.script] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk ${args.join(" ")} failed (${code}): ${err}${out}`));
      const pct = (p: string) => wrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(out)?.[1] ?? "");
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        requests: Number(/(\d+) requests in/.exec(out)?.[1]),
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
        p50: pct("50"),
        p99: pct("99"),
        max: wrkMs(/Latency\s+\S+\s+\S+\s+(\S+)/.exec(out)?.[1] ?? ""),
        non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
        socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
        statuses: /^statuses: (.*)$/m.exec(out)?.[1],
      });
    });
  });
}

/**
 * A wrk Lua script that asks the given paths in rotation and counts the answers by status (printed by done(), read
 * back by wrk() as `statuses`).
 */
export function wrkPathsScript(dir: string, paths: readonly string[]): string {
  const file = path.join(dir, `wrk-paths-${paths.length}-${Date.now()}.lua`);
  const list = paths.map((p) => JSON.stringify(p)).join(", ");
  writeFileSync(
    file,
    `local paths = { ${list} }
local threads = {}
local n = 0
function setup(thread)
  thread:set("offset", math.random(#paths))
  table.insert(threads, thread)
end
function init(args)
  n = offset
  s200 = 0; s3xx = 0; s404 = 0; s4xx = 0; s500 = 0; s503 = 0; s5xx = 0
end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
function response(status, headers, body)
  if status == 200 then s200 = s200 + 1
  elseif status < 400 then s3xx = s3xx + 1
  elseif status == 404 then s404 = s404 + 1
  elseif status < 500 then s4xx = s4xx + 1
  elseif status == 500 then s500 = s500 + 1
  elseif status == 503 then s503 = s503 + 1
  else s5xx = s5xx + 1 end
end
function done(summary, latency, requests)
  local names = { "s200", "s3xx", "s404", "s4xx", "s500", "s503", "s5xx" }
  local out = {}
  for _, name in ipairs(names) do
    local total = 0
    for _, t in ipairs(threads) do total = total + t:get(name) end
    if total > 0 then table.insert(out, string.sub(name, 2) .. "=" .. total) end
  end
  io.write("statuses: " .. table.concat(out, " ") .. "\\n")
end
`,
  );
  return file;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile (0–100) of a sample, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Prints rows as a Markdown table (the figures go to bench/README.md as they are). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  log(line(cells[0] ?? []));
  log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  cells.slice(1).forEach((row) => log(line(row)));
}
