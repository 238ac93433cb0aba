/**
 * A PostgreSQL database for the app, as the README's "Using PostgreSQL instead of the embedded database" says: a
 * server of its own (tests/support/postgres.ts: initdb on a temporary folder, a free port), a database `accordwatch`
 * migrated and seeded by the scripts that `npm run db:migrate` and `npm run db:seed` run.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startPostgres, type PostgresServer } from "../../tests/support/postgres";
import { repo } from "./app";

export function runScript(script: string, env: Record<string, string>, extra: string[] = []): string {
  return execFileSync(process.execPath, ["--import", "tsx", script, ...extra], {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

export interface AppDatabase {
  readonly server: PostgresServer;
  /** DATABASE_URL of the app's database. */
  readonly url: string;
  /** What `scripts/start.ts` needs besides: DATABASE_URL and a NEXTAUTH_SECRET. */
  readonly appEnv: Record<string, string>;
  /** The line db:seed printed. */
  readonly seeded: string;
}

export async function startAppDatabase(): Promise<AppDatabase> {
  const server = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE accordwatch");
    await admin.end();
    const url = server.url.replace(/\/postgres$/, "/accordwatch");
    const env = { DATABASE_URL: url, LOG_LEVEL: "warn" };
    runScript(path.join("scripts", "db-migrate.ts"), env);
    const seeded = runScript(path.join("scripts", "db-seed.ts"), env).trim();
    return {
      server,
      url,
      seeded,
      appEnv: { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
