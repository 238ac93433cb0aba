/**
 * The Prisma client of Accordwatch, on one of two databases (../shared/DESIGN.md, "Running it"):
 * - embedded (the default, no DATABASE_URL): PGlite, PostgreSQL compiled to WebAssembly, persisted in the folder
 *   ACCORDWATCH_DATA (default `.data`), through pglite-prisma-adapter;
 * - postgres (DATABASE_URL=postgres://…): a PostgreSQL server through @prisma/adapter-pg.
 * Same schema, same migrations, same client. Only lib/data (and lib/db) may import this module's client.
 *
 * The generated client (lib/db/generated/prisma) has no native engine: driver adapters plus Prisma 7's Wasm query
 * compiler, so it runs from a tsx script and from a Next.js server component alike.
 */
import { unlinkSync } from "node:fs";
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { DatabaseConfigError, DatabaseUnavailableError } from "./errors";
import { PrismaClient } from "./generated/prisma/client";
import { migrateDatabase, pgExecutor, pgliteExecutor, type MigrateOptions, type MigrationOutcome } from "./migrate";

export type { PrismaClient } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";
export { DatabaseConfigError, DatabaseUnavailableError, MigrationError } from "./errors";
export type { MigrateOptions, MigrationOutcome } from "./migrate";

export type DatabaseKind = "embedded" | "postgres";

/** Where the data is: a PGlite folder (or `memory://` for a throwaway in-memory database), or a server URL. */
export type DatabaseTarget =
  { readonly kind: "embedded"; readonly dataDir: string } | { readonly kind: "postgres"; readonly url: string };

/** How long to wait for a PostgreSQL server before calling it unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** In-memory PGlite, for tests and throwaway work: nothing is written to disk. */
export const IN_MEMORY = "memory://";

type Env = Readonly<Record<string, string | undefined>>;

function configuredUrl(env: Env): string | undefined {
  // An empty DATABASE_URL (e.g. `DATABASE_URL=` in a compose file) means "not set", not "a broken URL".
  const url = env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** "postgres" iff DATABASE_URL is set; it must then be a postgres:// or postgresql:// URL. */
export function databaseKind(env: Env = process.env): DatabaseKind {
  return configuredTarget(env).kind;
}

/** The database the environment asks for (DATABASE_URL, else ACCORDWATCH_DATA, else `.data`). */
export function configuredTarget(env: Env = process.env): DatabaseTarget {
  const url = configuredUrl(env);
  if (url === undefined) {
    // turbopackIgnore: a path known only at run time; without it `next build` traces the whole project into the
    // server output.
    return {
      kind: "embedded",
      dataDir: path.resolve(/*turbopackIgnore: true*/ env.ACCORDWATCH_DATA?.trim() || ".data"),
    };
  }
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    // Never echo the value: it may hold a password.
    throw new DatabaseConfigError(
      "DATABASE_URL must be a PostgreSQL URL starting with postgres:// or postgresql://; unset it to use the " +
        "embedded database.",
    );
  }
  return { kind: "postgres", url };
}

/** "PostgreSQL database at host:port/name" / "embedded database in <folder>": for messages, without any secret. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") {
    return target.dataDir === IN_MEMORY ? "in-memory embedded database" : `embedded database in ${target.dataDir}`;
  }
  return `PostgreSQL database at ${serverLabel(target.url)}`;
}

function serverLabel(url: string): string {
  try {
    const parsed = new URL(url);
    // A Unix socket is given as ?host=/path (libpq style) and wins over the URL's host.
    const host = parsed.searchParams.get("host") || parsed.hostname || "localhost";
    const port = parsed.port || "5432";
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username);
    return `${host}:${port}/${database}`;
  } catch {
    return "(an unparseable DATABASE_URL)";
  }
}

/** An open database: the Prisma client, and what else the process needs of the same connection. */
export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /** The embedded engine itself (PGlite only): the job queue (lib/db/job-queue.ts) runs its SQL scripts on it. */
  readonly pglite?: PGlite;
  /** Applies pending migrations (lib/db/migrate.ts) over this database's own connection. */
  migrate(options?: MigrateOptions): Promise<MigrationOutcome>;
  /** Disconnects the client and releases the database (the PGlite folder, or the pool). */
  close(): Promise<void>;
}

export interface CreateClientOptions {
  /** PostgreSQL only. Default CONNECT_TIMEOUT_MS. */
  readonly connectTimeoutMs?: number;
}

/**
 * Opens a database and its Prisma client. Does not migrate (see Database.migrate / prepareDatabase).
 * Throws DatabaseUnavailableError, with one line naming the problem, when the database cannot be reached or opened.
 * The app uses the process-wide one (getDb); tests and scripts that need their own database use this.
 */
export async function createClient(target: DatabaseTarget, options: CreateClientOptions = {}): Promise<Database> {
  return target.kind === "embedded"
    ? openEmbedded(target)
    : openPostgres(target, options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
}

// ---- PostgreSQL ----

async function openPostgres(target: DatabaseTarget & { kind: "postgres" }, timeoutMs: number): Promise<Database> {
  const config: pg.ClientConfig = { connectionString: target.url, connectionTimeoutMillis: timeoutMs };

  // Checked here, with `pg` itself, because its errors still carry their codes (ECONNREFUSED, 28P01…); once wrapped
  // by the client and the adapter they are much harder to tell apart. The pool behind Prisma connects lazily.
  const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client(config);
    // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
    client.on("error", () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw unavailable(target, error, timeoutMs);
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  await withClient((client) => client.query("SELECT 1"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(config) });
  return {
    target,
    prisma,
    migrate: (migrateOptions) => withClient((client) => migrateDatabase(pgExecutor(client), migrateOptions)),
    close: () => prisma.$disconnect(),
  };
}

const CONNECTION_ERROR_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
  ENOENT: "no such socket",
  "28P01": "authentication failed",
  "28000": "access denied",
  "3D000": "database does not exist",
  "57P03": "the server is starting up",
  "53300": "too many connections",
  // The same failures once Prisma has wrapped them (PrismaClientKnownRequestError codes).
  P1000: "authentication failed",
  P1001: "server unreachable",
  P1002: "the server timed out",
  P1003: "database does not exist",
  P1017: "the server closed the connection",
};

/**
 * The reason a connection failed, in a few words, when `error` is one; null otherwise (e.g. an SQL error).
 * Looks through `cause` and AggregateError members, where drivers and Prisma put the original error.
 */
export function connectionFailureReason(error: unknown, timeoutMs: number = CONNECT_TIMEOUT_MS): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === "string" && candidate.code in CONNECTION_ERROR_REASONS) {
      // The server's own words are the most precise (`role "x" does not exist`, `password authentication failed for
      // user "x"`) and never contain the password.
      const serverSaid = /^[0-9A-Z]{5}$/.test(candidate.code) && typeof candidate.message === "string";
      return serverSaid
        ? (String(candidate.message).split("\n")[0] ?? "")
        : (CONNECTION_ERROR_REASONS[candidate.code] ?? null);
    }
    if (typeof candidate.message === "string") {
      if (/connection timeout|timeout expired/i.test(candidate.message)) {
        return `no answer within ${Math.round(timeoutMs / 1000)} s`;
      }
      if (/connection terminated unexpectedly/i.test(candidate.message)) return "the connection was closed";
    }
    queue.push(candidate.cause);
    if (Array.isArray(candidate.errors)) queue.push(...(candidate.errors as unknown[]));
  }
  return null;
}

function unavailable(target: DatabaseTarget, error: unknown, timeoutMs: number): DatabaseUnavailableError {
  // The connection vocabulary (ENOENT = "no such socket"…) is a server's; a folder's errors speak for themselves.
  const known = target.kind === "postgres" ? connectionFailureReason(error, timeoutMs) : null;
  // pg's own messages name users and databases but never passwords; keep them to one line.
  const reason = known ?? (error instanceof Error ? error.message : String(error)).split("\n")[0];
  const check = target.kind === "postgres" ? "Check DATABASE_URL." : "Check ACCORDWATCH_DATA.";
  const verb = target.kind === "postgres" ? "reach" : "open";
  return new DatabaseUnavailableError(`Cannot ${verb} the ${describeTarget(target)} (${reason}). ${check}`, {
    cause: error,
  });
}

/**
 * A DatabaseUnavailableError for `error` when it is a failure to connect to `target` (e.g. the server went away
 * after start-up), so that callers can show the same one-line message; null for any other error.
 */
export function asDatabaseUnavailable(target: DatabaseTarget, error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  if (target.kind !== "postgres") return null;
  return connectionFailureReason(error) === null ? null : unavailable(target, error, CONNECT_TIMEOUT_MS);
}

// ---- Embedded (PGlite) ----

/** PGlite's own folder inside ACCORDWATCH_DATA, leaving the rest of the folder free for a lock file and others. */
const PGLITE_SUBDIR = "pglite";
const LOCK_FILE = "pglite.lock";

/** Data folders this process has open: PGlite has no protection against a folder being opened twice. */
const openFolders = new Set<string>();

async function openEmbedded(target: DatabaseTarget & { kind: "embedded" }): Promise<Database> {
  const inMemory = target.dataDir === IN_MEMORY;
  let releaseLock = async () => {};
  if (!inMemory) {
    try {
      await mkdir(target.dataDir, { recursive: true });
    } catch (error) {
      throw unavailable(target, error, 0);
    }
    releaseLock = await lockDataDir(target);
  }

  let db: PGlite;
  try {
    db = new PGlite(inMemory ? IN_MEMORY : path.join(target.dataDir, PGLITE_SUBDIR));
    await db.waitReady;
  } catch (error) {
    await releaseLock();
    throw unavailable(target, error, 0);
  }

  // PGlite runs one transaction at a time, so interactive transactions queue. Prisma's default maxWait (2 s) would
  // give up on a queued one under load while the adapter still starts it later, leaving it open for ever and every
  // later query stuck behind it: wait as long as a transaction may run instead.
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(db),
    transactionOptions: { maxWait: 30_000, timeout: 30_000 },
  });
  return {
    target,
    prisma,
    pglite: db,
    migrate: (migrateOptions) => migrateDatabase(pgliteExecutor(db), migrateOptions),
    close: async () => {
      await prisma.$disconnect();
      if (!db.closed) await db.close();
      await releaseLock();
    },
  };
}

/**
 * PGlite is one process's database: a second process writing the same folder corrupts it. So the folder is locked
 * with a file holding our pid, and a second process (say `npm run db:seed` while `npm run dev` runs) gets a clear
 * error instead. A lock left by a process that no longer runs is taken over.
 */
async function lockDataDir(target: DatabaseTarget & { kind: "embedded" }): Promise<() => Promise<void>> {
  const folder = target.dataDir;
  if (openFolders.has(folder)) {
    throw new DatabaseUnavailableError(
      `The ${describeTarget(target)} is already open in this process; use getDb() instead of opening it again.`,
    );
  }
  const lockPath = path.join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      openFolders.add(folder);
      const onExit = () => {
        // Synchronous on purpose: 'exit' handlers cannot wait. Best effort; a stale lock is taken over anyway.
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.once("exit", onExit);
      return async () => {
        process.removeListener("exit", onExit);
        openFolders.delete(folder);
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw unavailable(target, error, 0);
    }
    const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new DatabaseUnavailableError(
        `The ${describeTarget(target)} is in use by process ${holder} (an embedded database serves one process ` +
          `at a time). Stop that process, or use PostgreSQL via DATABASE_URL; if no such process runs, delete ` +
          `${lockPath}.`,
      );
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new DatabaseUnavailableError(`Cannot lock the ${describeTarget(target)} (${lockPath} keeps reappearing).`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// ---- The process-wide database ----

interface Slot {
  database?: Promise<Database>;
}

/**
 * Kept on globalThis rather than in a module variable: Next.js dev re-evaluates modules on every change, and a
 * second PGlite on the same folder in one process would corrupt it (and a second pool would leak connections).
 */
const SLOT_KEY = Symbol.for("accordwatch.db");
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[SLOT_KEY] ??= {});

/** The configured database, opened once per process; a failed attempt is not cached, so the next call retries. */
export function getDatabase(): Promise<Database> {
  if (!slot.database) {
    const opening = (async () => createClient(configuredTarget()))();
    slot.database = opening;
    opening.catch(() => {
      if (slot.database === opening) slot.database = undefined;
    });
  }
  return slot.database;
}

/**
 * Makes `database` the process-wide one, in place of the configured one, until the returned function is called
 * (which puts back whatever was there). For tests: lib/data calls getDb(), and a test gives it its own database
 * (tests/support/databases.ts). The caller keeps ownership: closeDb() does not close an installed database.
 */
export function installDatabase(database: Database): () => void {
  const previous = slot.database;
  const installed = Promise.resolve(database);
  slot.database = installed;
  installedDatabases.add(installed);
  return () => {
    installedDatabases.delete(installed);
    if (slot.database === installed) slot.database = previous;
  };
}

const installedDatabases = new WeakSet<Promise<Database>>();

/** The process-wide Prisma client. Throws DatabaseUnavailableError when the database cannot be reached. */
export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Closes the process-wide database, if open (scripts call it before exiting; a later getDb() opens it again). */
export async function closeDb(): Promise<void> {
  const opening = slot.database;
  if (!opening || installedDatabases.has(opening)) return;
  slot.database = undefined;
  const database = await opening.catch(() => undefined);
  await database?.close();
}

/**
 * Applies pending migrations to the configured database. `fresh`: it had no applied migration before (so a caller
 * may load the demo dataset). Throws DatabaseUnavailableError when it cannot be reached, MigrationError when the
 * migrations folder and the database disagree.
 */
export async function prepareDatabase(options: MigrateOptions = {}): Promise<MigrationOutcome> {
  return (await getDatabase()).migrate(options);
}
