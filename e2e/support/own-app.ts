/**
 * An app of a spec's own, beside the suite's web server (playwright.config.ts): the same build, started with
 * `next start` on a free port against a database the spec prepared, for specs that must stop that database
 * (database-outage), fill it with what no other spec should see (xss), or stop and restart the app (disk-cache,
 * shutdown).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect } from "@playwright/test";
import { freePort } from "../../tests/support/postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Runs a preparation script of e2e/support in `env`; its last line of output is JSON, returned parsed. */
export function prepare<T>(script: string, env: NodeJS.ProcessEnv, timeoutMs: number): T {
  const run = spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: timeoutMs,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "null") as T;
}

export interface OwnApp {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  /** What it wrote to stderr (warnings and errors): attach it to a failed test. */
  log(): string;
  /** SIGTERM, and waits for it to exit: how it exited (null when it had exited before). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null>;
  /** SIGKILL, for a process exit handler (which cannot wait). */
  kill(): void;
}

export interface OwnAppOptions {
  /** LOG_LEVEL (default `warn`); the JSON log (stdout) is in log() too. */
  readonly logLevel?: string;
}

/** Starts `next start` in `env` with a secret of its own, and waits until `readyPath` answers 200. */
export async function startOwnApp(
  env: NodeJS.ProcessEnv,
  readyPath: string,
  options: OwnAppOptions = {},
): Promise<OwnApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(process.execPath, [next, "start", "--port", String(port)], {
    cwd: root,
    env: {
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: options.logLevel ?? "warn",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: base,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const running = () => child.exitCode === null && child.signalCode === null;
  await expect
    .poll(
      () =>
        fetch(`${base}${readyPath}`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
  return {
    base,
    log: () => log,
    kill: () => void child.kill("SIGKILL"),
    stop: async () => {
      if (!running()) return null;
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal })),
      );
      child.kill("SIGTERM");
      return exited;
    },
  };
}
