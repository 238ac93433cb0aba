/**
 * Global setup of the `integration` project (vitest.config.ts): one PostgreSQL server for the whole run, shared by
 * every test file; each test gets its own database on it (tests/support/databases.ts). Its superuser URL reaches the
 * tests through vitest's provide/inject as `postgresAdminUrl`.
 * The server is stopped at teardown, and also when the run is interrupted (Ctrl-C), so none is left running.
 */
import type { TestProject } from "vitest/node";

import { assertLocalDatabaseUrl, startPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL server (its `postgres` database). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Refuse before anything else: a test run must never go near a real database.
  assertLocalDatabaseUrl(process.env.DATABASE_URL);

  const server = await startPostgres();
  project.provide("postgresAdminUrl", server.url);

  // Teardown does not run when the run is interrupted: stop the server from the signal itself (synchronously, as the
  // process is about to go). When nobody else listens, our listener has cancelled the signal's default action (exit):
  // raise it again now that ours is gone.
  const onSignal = (signal: NodeJS.Signals) => {
    server.stopSync();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.once(signal, onSignal);
  const onExit = () => server.stopSync();
  process.once("exit", onExit);

  return async () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
    process.removeListener("exit", onExit);
    await server.stop();
  };
}
