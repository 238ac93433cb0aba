/**
 * Applies prisma/migrations to a database, recording them in `_prisma_migrations` exactly as Prisma Migrate does,
 * so that `prisma migrate deploy` / `migrate status` on a machine that has Prisma's native engine agree with us.
 *
 * Why our own applier: Prisma's CLI needs a native schema engine it downloads at first use, which our machines
 * cannot do (../shared/notes/toolchain.md); and the embedded database (PGlite) has no URL a CLI could reach anyway.
 * It works over a minimal SQL executor, so it runs on a `pg` client and on PGlite without Prisma.
 *
 * Differences from Prisma, on purpose:
 * - each migration runs in one transaction together with its `_prisma_migrations` row: a failing migration leaves
 *   nothing behind (PostgreSQL DDL is transactional), so there is no "failed migration" state to resolve by hand.
 *   A migration that cannot run inside a transaction (CREATE INDEX CONCURRENTLY) is therefore not supported.
 * - an applied migration whose file has changed since is refused (Prisma's deploy only warns).
 * Applied migrations that are not in the folder (a newer version of the app migrated this database) are reported
 * through `log` and otherwise ignored, as Prisma does.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { MigrationError } from "./errors";

/** prisma/migrations relative to the working directory (npm scripts, Next.js and vitest all run from the root). */
export const DEFAULT_MIGRATIONS_DIR = path.join("prisma", "migrations");

/** The key Prisma Migrate locks (`SELECT pg_advisory_lock(72707369)`): we exclude it and it excludes us. */
export const MIGRATION_ADVISORY_LOCK = 72707369;

/** The smallest SQL interface the applier needs; see pgExecutor and pgliteExecutor. */
export interface SqlExecutor {
  /** One statement, with $1… parameters. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements, without parameters. */
  exec(script: string): Promise<void>;
  /** Runs `fn` in a transaction on this same session: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** What the applier needs of a `pg` Client or PoolClient (structural, so this module does not load `pg`). */
export interface PgLikeClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A session of a `pg` Client (or a PoolClient checked out for the whole migration: advisory locks are per session). */
export function pgExecutor(client: PgLikeClient): SqlExecutor {
  const executor: SqlExecutor = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, [...params])).rows as Row[],
    // Without parameters `pg` uses the simple query protocol, which accepts several statements.
    exec: async (script) => {
      await client.query(script);
    },
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        const result = await fn(executor);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
  };
  return executor;
}

interface PgliteLikeQueryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(script: string): Promise<unknown>;
}

/** What the applier needs of a PGlite instance (structural, so this module does not load PGlite). */
export interface PgliteLike extends PgliteLikeQueryable {
  transaction<T>(fn: (tx: PgliteLikeQueryable) => Promise<T>): Promise<T>;
}

/**
 * A PGlite database. Transactions go through PGlite's own `transaction()`, which holds PGlite's single connection
 * for the duration: a Prisma client sharing the same PGlite cannot slip a query into the middle of a migration.
 */
export function pgliteExecutor(db: PgliteLike): SqlExecutor {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, [...params])).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (fn) =>
      db.transaction((tx) => {
        const inner: SqlExecutor = {
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, [...params])).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
          transaction: () => Promise.reject(new Error("Nested transactions are not supported")),
        };
        return fn(inner);
      }),
  };
}

/** A migration folder: `<YYYYMMDDHHMMSS>_<name>/migration.sql`, as Prisma writes them. */
export interface MigrationFolder {
  readonly name: string;
  readonly sql: string;
}

/** The migration folders under `dir`, in name (= time) order; a missing folder means none yet. */
export async function readMigrationFolders(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFolder[]> {
  let entries;
  try {
    // turbopackIgnore: read at run time from the working directory; `next build` must not trace the project for it.
    entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // Plain code-unit order, like Prisma (not localeCompare: "_" must sort the same on every machine).
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      try {
        return { name, sql: await readFile(file, "utf8") };
      } catch (error) {
        throw new MigrationError(`The migration folder ${name} has no readable migration.sql (${file}).`, {
          cause: error,
        });
      }
    }),
  );
}

/** Prisma's checksum of a migration: the SHA-256 of the file's bytes, in lower-case hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Prisma Migrate's bookkeeping table, column for column (prisma-engines, sql-schema-connector, postgres flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface AppliedMigration {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly rolledBackAt: Date | null;
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** The rows of `_prisma_migrations` in start order; empty when the table does not exist yet. */
export async function readAppliedMigrations(db: SqlExecutor): Promise<AppliedMigration[]> {
  const [exists] = await db.query<{ table: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS "table"`,
  );
  if (!exists?.table) return [];
  const rows = await db.query<MigrationRow>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.migration_name,
    checksum: row.checksum,
    startedAt: toDate(row.started_at),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
    rolledBackAt: row.rolled_back_at === null ? null : toDate(row.rolled_back_at),
  }));
}

export interface MigrateOptions {
  /** Defaults to prisma/migrations under the working directory. */
  readonly migrationsDir?: string;
  /** How long to wait for another process that is migrating the same database. Default 60 s. */
  readonly lockTimeoutMs?: number;
  /** Told about anything worth a line on the console. */
  readonly log?: (message: string) => void;
}

export interface MigrationOutcome {
  /** The database had no applied migration before this call. */
  readonly fresh: boolean;
  /** Names of the migrations applied by this call, in order. */
  readonly applied: string[];
}

/**
 * Applies every migration folder not yet applied, in name order, each in its own transaction, under an advisory
 * lock so that two processes (two app instances starting, or us and `prisma migrate deploy`) never migrate at once.
 */
export async function migrateDatabase(db: SqlExecutor, options: MigrateOptions = {}): Promise<MigrationOutcome> {
  const folders = await readMigrationFolders(options.migrationsDir);
  return withAdvisoryLock(db, options.lockTimeoutMs ?? 60_000, async () => {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await readAppliedMigrations(db);
    const live = rows.filter((row) => row.rolledBackAt === null);
    const fresh = live.length === 0;

    const failed = live.filter((row) => row.finishedAt === null);
    if (failed.length > 0) {
      throw new MigrationError(
        `Migration ${failed.map((row) => row.name).join(", ")} failed earlier and was never finished: repair the ` +
          `database, then record the outcome with \`prisma migrate resolve\` before migrating again.`,
      );
    }

    const local = new Map(folders.map((folder) => [folder.name, folder]));
    const appliedNames = new Set<string>();
    for (const row of live) {
      appliedNames.add(row.name);
      const folder = local.get(row.name);
      if (!folder) {
        options.log?.(`Migration ${row.name} is applied to the database but not in the migrations folder.`);
        continue;
      }
      const checksum = migrationChecksum(folder.sql);
      if (checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.name} was changed after it was applied to this database (checksum ${row.checksum} ` +
            `recorded, ${checksum} in migration.sql). Restore the applied file and put the change in a new migration.`,
        );
      }
    }

    const applied: string[] = [];
    for (const folder of folders) {
      if (appliedNames.has(folder.name)) continue;
      await applyOne(db, folder);
      options.log?.(`Applied migration ${folder.name}`);
      applied.push(folder.name);
    }
    return { fresh, applied };
  });
}

/** `migrateDatabase`, returning only the names of the migrations it applied. */
export async function applyMigrations(db: SqlExecutor, options: MigrateOptions = {}): Promise<string[]> {
  return (await migrateDatabase(db, options)).applied;
}

async function applyOne(db: SqlExecutor, folder: MigrationFolder): Promise<void> {
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      // The same three steps as Prisma: record the start, run the script, record the end and the step count.
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, migrationChecksum(folder.sql), folder.name],
      );
      await tx.exec(folder.sql);
      // clock_timestamp(), not now(): now() is frozen at the start of the transaction.
      await tx.query(
        `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${folder.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls pg_try_advisory_lock rather than blocking in pg_advisory_lock: a blocked session cannot time out cleanly,
 * and a clear "someone else is migrating" error beats a hang.
 */
async function withAdvisoryLock<T>(db: SqlExecutor, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [
      MIGRATION_ADVISORY_LOCK,
    ]);
    if (row?.locked) break;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Another process has been migrating this database for over ${Math.round(timeoutMs / 1000)} s ` +
          `(advisory lock ${MIGRATION_ADVISORY_LOCK} is held). Wait for it to finish, then try again.`,
      );
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    await db.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_ADVISORY_LOCK]).catch(() => undefined);
  }
}
