/**
 * An app of a spec's own, beside the suite's web server (playwright.config.ts): the same build, started with
 * `next start` on a free port against a database the spec prepared, for specs that must stop that database
 * (database-outage) or fill it with what no other spec should see (xss).
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
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL, for a process exit handler (which cannot wait). */
  kill(): void;
}

/** Starts `next start` in `env` with a secret of its own, and waits until `readyPath` answers 200. */
export async function startOwnApp(env: NodeJS.ProcessEnv, readyPath: string): Promise<OwnApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(process.execPath, [next, "start", "--port", String(port)], {
    cwd: root,
    env: {
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: base,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
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
      if (!running()) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
