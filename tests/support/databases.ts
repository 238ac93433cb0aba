/**
 * Databases for integration tests, opened with the same code the app uses (lib/db/client.ts `createClient`, migrated
 * by lib/db/migrate.ts), on either engine:
 * - createPostgresDatabase(): a fresh, uniquely named database on the run's PostgreSQL server
 *   (tests/support/global-setup.ts); `drop()` removes it.
 * - createPgliteDatabase(): an embedded PGlite database, in memory (default) or in a temporary folder;
 *   `drop()` closes it and removes the folder.
 * Both are migrated unless `{ migrate: false }`. To make one the database that lib/data's getDb() returns, pass
 * `db.database` to `installDatabase` (lib/db/client.ts).
 *
 *   const db = await createPgliteDatabase();
 *   const restore = installDatabase(db.database);
 *   …
 *   restore(); await db.drop();
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { inject } from "vitest";

import { createClient, IN_MEMORY, type Database, type DatabaseKind, type PrismaClient } from "@/lib/db/client";

import { assertLocalDatabaseUrl } from "./postgres";

export { assertLocalDatabaseUrl };

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** The open database (client + migrate + close), as lib/db/client.ts creates it. */
  readonly database: Database;
  readonly prisma: PrismaClient;
  /** Migrations applied when it was created (empty with `{ migrate: false }`). */
  readonly applied: readonly string[];
  /** Closes it and deletes it. */
  drop(): Promise<void>;
}

export interface PostgresTestDatabase extends TestDatabase {
  readonly kind: "postgres";
  /** URL of this database (trust authentication: no password). */
  readonly url: string;
  readonly name: string;
}

export interface PgliteTestDatabase extends TestDatabase {
  readonly kind: "embedded";
  /** The folder, or `memory://`. */
  readonly dataDir: string;
}

export interface CreateOptions {
  /** Apply prisma/migrations (default true). */
  readonly migrate?: boolean;
}

/** Superuser URL of the run's PostgreSQL server, from the global setup. */
export function postgresAdminUrl(): string {
  const url = inject("postgresAdminUrl");
  if (!url) {
    throw new Error(
      "No PostgreSQL server for this run: run the test in the `integration` project " +
        "(npx vitest run --project integration …), whose global setup starts one.",
    );
  }
  assertLocalDatabaseUrl(url);
  return url;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the run's server, without any client: for tests that drive it themselves. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  assertLocalDatabaseUrl(process.env.DATABASE_URL);
  const name = uniqueName("accordwatch_test");
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE: a test that failed half-way may have left connections open.
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** How long a test database waits for a connection. */
export const TEST_CONNECT_TIMEOUT_MS = 15_000;

export async function createPostgresDatabase(options: CreateOptions = {}): Promise<PostgresTestDatabase> {
  const empty = await createEmptyPostgresDatabase();
  let database: Database | undefined;
  try {
    // The app's 2 s connection timeout is for an outage (README, "When the database is down"); tests share a loaded
    // machine with parallel workers, where a fresh database's first connections may take longer. Tests of the
    // timeouts themselves open their own clients with their own values.
    database = await createClient({ kind: "postgres", url: empty.url }, { connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    const applied = options.migrate === false ? [] : (await database.migrate()).applied;
    const open = database;
    return {
      kind: "postgres",
      url: empty.url,
      name: empty.name,
      database: open,
      prisma: open.prisma,
      applied,
      drop: async () => {
        await open.close();
        await empty.drop();
      },
    };
  } catch (error) {
    await database?.close().catch(() => undefined);
    await empty.drop().catch(() => undefined);
    throw error;
  }
}

export async function createPgliteDatabase(
  options: CreateOptions & { readonly storage?: "memory" | "folder" } = {},
): Promise<PgliteTestDatabase> {
  assertLocalDatabaseUrl(process.env.DATABASE_URL);
  const folder = options.storage === "folder" ? await mkdtemp(path.join(tmpdir(), "accordwatch-pglite-")) : null;
  const dataDir = folder ?? IN_MEMORY;
  let database: Database | undefined;
  try {
    database = await createClient({ kind: "embedded", dataDir });
    const applied = options.migrate === false ? [] : (await database.migrate()).applied;
    const open = database;
    return {
      kind: "embedded",
      dataDir,
      database: open,
      prisma: open.prisma,
      applied,
      drop: async () => {
        await open.close();
        if (folder) await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.close().catch(() => undefined);
    if (folder) await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
