/**
 * `next start` stops its scheduled work on SIGTERM (lib/jobs/shutdown.ts; deploy/README.md, "Stopping"): the jobs
 * it runs finish, pg-boss stops, the database is closed, and the process exits 0 in a few seconds, with no job left
 * active. On the embedded database (pg-boss over PGlite) and on PostgreSQL (pg-boss's own pool). SIGTERM comes as
 * soon as the runner has started, while its catch-up evaluation is queued or running: before, Next.js exited 143 at
 * once and left that job active (locked) for its expiry.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startPostgres, type PostgresServer } from "../tests/support/postgres";
import { prepare, startOwnApp, type OwnApp } from "./support/own-app";

/** systemd's TimeoutStopSec for an app instance is 30 s (deploy/systemd/accordwatch@.service). */
const STOPPED_WITHIN_MS = 20_000;

let app: OwnApp | undefined;
let postgres: PostgresServer | undefined;
let dataDir: string | undefined;

function cleanUpSync(): void {
  app?.kill();
  postgres?.stopSync();
}

test.beforeAll(() => {
  process.once("exit", cleanUpSync);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app.log", { body: app?.log() ?? "" });
  app?.kill();
  app = undefined;
  await postgres?.stop();
  postgres = undefined;
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

test.afterAll(() => {
  process.removeListener("exit", cleanUpSync);
});

for (const engine of ["embedded", "postgres"] as const) {
  test(`stops its jobs and exits 0 on SIGTERM (${engine})`, async () => {
    test.setTimeout(150_000);
    let env: NodeJS.ProcessEnv;
    if (engine === "postgres") {
      postgres = await startPostgres();
      env = { ...process.env, DATABASE_URL: postgres.url, NEXT_TELEMETRY_DISABLED: "1" };
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), "accordwatch-e2e-shutdown-"));
      const { DATABASE_URL: _none, ...rest } = process.env;
      env = { ...rest, ACCORDWATCH_DATA: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
    }
    prepare("e2e/support/outage-database.ts", env, 60_000);

    const started = await startOwnApp(env, "/", { logLevel: "info" });
    app = started;
    await expect.poll(() => started.log(), { timeout: 60_000, intervals: [100] }).toContain("scheduled work started");

    const asked = Date.now();
    const exit = await started.stop();
    const tookMs = Date.now() - asked;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(STOPPED_WITHIN_MS);
    const log = started.log();
    expect(log).toContain("stopping: letting running jobs finish");
    expect(log).toContain("scheduled work stopped");
    expect(log).toMatch(/"code":0[^\n]*"msg":"stopped"/);
    const states = prepare<Record<string, number>>("e2e/support/job-states.ts", env, 60_000);
    expect(states.active ?? 0).toBe(0);
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
}
