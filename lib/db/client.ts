/**
 * The Prisma client of Accordwatch, on one of two databases (../shared/DESIGN.md, "Running it"):
 * - embedded (the default, no DATABASE_URL): PGlite, PostgreSQL compiled to WebAssembly, persisted in the folder
 *   ACCORDWATCH_DATA (default `.data`), through pglite-prisma-adapter;
 * - postgres (DATABASE_URL=postgres://…): a PostgreSQL server through @prisma/adapter-pg, optionally with read
 *   replicas (DATABASE_REPLICA_URLS) for the anonymous public's reads (getReplicaReader, lib/data/reader.ts).
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
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { parseReplicaUrls } from "@/lib/env";

import { DatabaseAvailability, processAvailability, setProcessAvailability } from "./availability";
import { responsiveDeadline } from "./deadline";
import { CONNECT_TIMEOUT_MS, connectionFailureReason, DatabaseConfigError, DatabaseUnavailableError } from "./errors";
import { PrismaClient } from "./generated/prisma/client";
import { migrateDatabase, pgExecutor, pgliteExecutor, type MigrateOptions, type MigrationOutcome } from "./migrate";

export type { PrismaClient } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";
export {
  CONNECT_TIMEOUT_MS,
  connectionFailureReason,
  DatabaseConfigError,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  MigrationError,
} from "./errors";
export type { MigrateOptions, MigrationOutcome } from "./migrate";

export type DatabaseKind = "embedded" | "postgres";

/**
 * Where the data is: a PGlite folder (or `memory://` for a throwaway in-memory database), or a server URL with,
 * optionally, the URLs of read replicas of that server (streaming replicas: they lag the primary a little).
 */
export type DatabaseTarget =
  | { readonly kind: "embedded"; readonly dataDir: string }
  | { readonly kind: "postgres"; readonly url: string; readonly replicaUrls?: readonly string[] };

/**
 * The longest a statement may run on the server (statement_timeout), so that a runaway query cannot hold a
 * connection for ever. The longest the app waits for any answer is a little more (pg's query_timeout): past it, a
 * server that accepted the statement but stopped answering (frozen, or cut off by the network) is given up on, and
 * the connection with it.
 */
export const STATEMENT_TIMEOUT_MS = 10_000;
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 2_000;

/**
 * How many connections one pool may hold open: the primary's pool of each process, and each replica's (on that
 * replica). pg's own default, chosen rather than inherited:
 * - one Node.js process runs its JavaScript on one core, and the app's statements take milliseconds: under
 *   bench/load.ts (200 readers and 5 editors on one `next start`), with the wait below, no request waited 10 s for a
 *   connection while requests waited up to 30 s for the process itself (bench/README.md, "Load"). More connections
 *   would not serve more; more instances do;
 * - every process on the server shares its `max_connections` (100 by default, 97 for roles that are not superusers):
 *   at peak 11 per instance (a probe's connection besides) and 14 per worker (pg-boss's 3, lib/db/job-queue.ts), so
 *   3 instances and a worker take 47, twice that while two releases run side by side (deploy/README.md,
 *   "Connections").
 */
export const POOL_MAX = 10;

/**
 * The longest a statement (or an interactive transaction) waits for a free connection while all POOL_MAX of its
 * pool are in use. Apart from, and longer than, CONNECT_TIMEOUT_MS: a full pool says the process is busy, not that
 * the server is gone, so a burst is waited out rather than failed; the wait ends as soon as any statement ends, and a
 * statement holds its connection at most STATEMENT_TIMEOUT_MS. Past it, the request fails as an ordinary error (a
 * 500; a form's "Something went wrong"), never as an outage (connectionFailureReason does not count it). Below
 * QUERY_TIMEOUT_MS, so that a request stuck behind a frozen server gives up no later than the statements it waits
 * for (those outside a transaction are given up on sooner, when the probe finds the outage).
 */
export const POOL_ACQUIRE_TIMEOUT_MS = 10_000;

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

/**
 * The database the environment asks for (DATABASE_URL, else ACCORDWATCH_DATA, else `.data`), with the read replicas
 * of DATABASE_REPLICA_URLS (validated by lib/env.ts; only alongside DATABASE_URL).
 */
export function configuredTarget(env: Env = process.env): DatabaseTarget {
  const replicas = parseReplicaUrls(env);
  if (!replicas.ok) throw new DatabaseConfigError(replicas.errors.join("; "));
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
  return replicas.urls.length === 0 ? { kind: "postgres", url } : { kind: "postgres", url, replicaUrls: replicas.urls };
}

/** "PostgreSQL database at host:port/name" / "embedded database in <folder>": for messages, without any secret. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") {
    return target.dataDir === IN_MEMORY ? "in-memory embedded database" : `embedded database in ${target.dataDir}`;
  }
  return `PostgreSQL database at ${serverLabel(target.url)}`;
}

/** "read replica at host:port/name": for messages, without any secret. */
export function describeReplica(url: string): string {
  return `read replica at ${serverLabel(url)}`;
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
  /**
   * The client for reads that a read replica may serve (getReplicaReader). With replicas: `prisma` extended with
   * @prisma/extension-read-replicas over the replicas not known to be down, so that its model reads go to one of
   * them while its writes, raw statements and transactions go to the primary; `prisma` itself when there are none
   * (PGlite, no DATABASE_REPLICA_URLS) or all are down. Absent: `prisma`.
   */
  replicaReader?(): PrismaClient;
  /** Applies pending migrations (lib/db/migrate.ts) over this database's own connection. */
  migrate(options?: MigrateOptions): Promise<MigrationOutcome>;
  /** Disconnects the client and releases the database (the PGlite folder, or the pool). */
  close(): Promise<void>;
}

export interface CreateClientOptions {
  /** PostgreSQL only: the bound on opening a connection. Default CONNECT_TIMEOUT_MS. */
  readonly connectTimeoutMs?: number;
  /**
   * PostgreSQL only: the bound on waiting for a free connection of a full pool. Default POOL_ACQUIRE_TIMEOUT_MS;
   * never less than connectTimeoutMs (a waiter may have to open the connection it gets).
   */
  readonly acquireTimeoutMs?: number;
  /** PostgreSQL only: the size of each pool (the primary's, each replica's). Default POOL_MAX. */
  readonly poolMax?: number;
  /**
   * PostgreSQL only: told of every statement's outcome and of every connection lost (lib/db/availability.ts). The
   * process-wide database has one; a database opened for a test or a script has none unless given.
   */
  readonly availability?: DatabaseAvailability;
}

/**
 * Opens a database and its Prisma client. Does not migrate (see Database.migrate / prepareDatabase).
 * Throws DatabaseUnavailableError, with one line naming the problem, when the database cannot be reached or opened.
 * The app uses the process-wide one (getDb); tests and scripts that need their own database use this.
 */
export async function createClient(target: DatabaseTarget, options: CreateClientOptions = {}): Promise<Database> {
  if (target.kind === "embedded") return openEmbedded(target);
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const bounds: PoolBounds = {
    connectTimeoutMs,
    acquireTimeoutMs: Math.max(options.acquireTimeoutMs ?? POOL_ACQUIRE_TIMEOUT_MS, connectTimeoutMs),
    max: options.poolMax ?? POOL_MAX,
  };
  return openPostgres(target, bounds, options.availability);
}

// ---- PostgreSQL ----

/**
 * What every connection to the server is opened with: a bounded wait for the server to accept it (pg's
 * connectionTimeoutMillis covers the TCP connection, TLS and authentication, up to "ready for query"), and TCP
 * keepalive, so that a connection silently dropped by the network (or a NAT) is eventually noticed.
 */
function connectionConfig(url: string, timeoutMs: number): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: "accordwatch",
  };
}

/** The bounds of a pool: see poolConfig. */
interface PoolBounds {
  readonly connectTimeoutMs: number;
  readonly acquireTimeoutMs: number;
  readonly max: number;
}

/**
 * pg's Client with its own bound on connecting, `connectTimeoutMs`, whatever the pool's connectionTimeoutMillis says.
 * pg-pool uses its connectionTimeoutMillis twice: as the wait of a request queued for a free connection of a full
 * pool, and as the bound on a new connection (it passes its options to each Client it makes, and times the connect
 * itself too). The pool is given the longer of the two (acquireTimeoutMs), and each of its clients this shorter one,
 * which pg's Client enforces first (its connect fails with "timeout expired"): a server that does not accept a
 * connection is known within connectTimeoutMs, while a request waiting behind busy connections waits acquireTimeoutMs.
 */
function connectBoundedClient(connectTimeoutMs: number): new (config?: string | pg.ClientConfig) => pg.Client {
  return class ConnectBoundedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      // A copy with its descriptors: pg-pool hides the password in a non-enumerable property, which a spread drops.
      const own: pg.ClientConfig =
        typeof config === "string"
          ? { connectionString: config }
          : Object.defineProperties({}, Object.getOwnPropertyDescriptors(config ?? {}));
      own.connectionTimeoutMillis = connectTimeoutMs;
      super(own);
    }
  };
}

/**
 * The pool behind Prisma (@prisma/adapter-pg creates it from this config), on the primary or on a replica. Each
 * option is a bound on how long a request can wait (README.md, "When the database is down"):
 * - opening a connection: connectTimeoutMs (CONNECT_TIMEOUT_MS, 2 s), enforced by each client (connectBoundedClient);
 *   this is what finds a server that is gone;
 * - waiting for a free connection when all `max` (POOL_MAX) are in use: acquireTimeoutMs (POOL_ACQUIRE_TIMEOUT_MS,
 *   10 s), pg-pool's connectionTimeoutMillis. A busy pool is not an outage: the error pg-pool gives past it ("timeout
 *   exceeded when trying to connect") is an ordinary one, which the availability ignores (connectionFailureReason);
 * - statement_timeout (server side) and query_timeout (client side): see STATEMENT_TIMEOUT_MS;
 * - min 1: one idle connection is kept open, so that a server that stops (or restarts) is known at once, by the
 *   error the pool gets on it, rather than by the next reader's request.
 * A connection that fails is dropped by the pool, never handed out again: after an outage the pool opens new ones,
 * and nothing needs a restart.
 */
function poolConfig(url: string, bounds: PoolBounds): pg.PoolConfig {
  return {
    ...connectionConfig(url, bounds.connectTimeoutMs),
    connectionTimeoutMillis: bounds.acquireTimeoutMs,
    Client: connectBoundedClient(bounds.connectTimeoutMs),
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    max: bounds.max,
    min: 1,
  };
}

/**
 * A Prisma client on `factory`: an interactive transaction may wait for its connection as long as a statement does
 * (Prisma's own default maxWait, 2 s, would fail it first under the same load). The commands pass their own.
 */
function postgresClient(
  factory: PrismaPg,
  bounds: PoolBounds,
  availability: DatabaseAvailability | undefined,
): PrismaClient {
  return new PrismaClient({
    adapter: availability ? observed(factory, availability) : factory,
    transactionOptions: { maxWait: bounds.acquireTimeoutMs },
  });
}

async function openPostgres(
  target: DatabaseTarget & { kind: "postgres" },
  bounds: PoolBounds,
  availability: DatabaseAvailability | undefined,
): Promise<Database> {
  const timeoutMs = bounds.connectTimeoutMs;
  const config = connectionConfig(target.url, timeoutMs);

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
  const report = (error: Error) => availability?.failed(error);
  const factory = new PrismaPg(poolConfig(target.url, bounds), {
    // An idle connection closed by the server (it is stopping) or lost, and a transaction's connection lost.
    onPoolError: report,
    onConnectionError: report,
  });
  const prisma = postgresClient(factory, bounds, availability);
  const replicas = (target.replicaUrls ?? []).map((url) => openReplica(url, bounds));
  return {
    target,
    prisma,
    replicaReader: replicaReaderOver(prisma, replicas),
    migrate: (migrateOptions) => withClient((client) => migrateDatabase(pgExecutor(client), migrateOptions)),
    close: async () => {
      for (const replica of replicas) replica.availability.close();
      await Promise.all([prisma.$disconnect(), ...replicas.map((replica) => replica.prisma.$disconnect())]);
    },
  };
}

// ---- Read replicas ----

interface Replica {
  readonly prisma: PrismaClient;
  /** Its own, never the process's: a replica that is down sends reads to the primary, it does not make pages 503. */
  readonly availability: DatabaseAvailability;
}

/**
 * A replica's client, connected lazily, with the same bounds as the primary's pool (poolConfig: connection, pool
 * wait, statement and query timeouts, size, keepalive) and an availability of its own, told of every statement's
 * outcome as the primary's is: a lost connection makes a probe, a failed probe takes the replica out of the reader
 * (replicaReaderOver) and one probe a second brings it back. A full replica pool is not an outage either.
 */
function openReplica(url: string, bounds: PoolBounds): Replica {
  const replicaTarget = { kind: "postgres", url } as const;
  const availability = new DatabaseAvailability({
    key: url,
    label: describeReplica(url),
    probe: probeFor(replicaTarget),
    whileDown: "the public's reads go to the primary until it is back",
  });
  const report = (error: Error) => availability.failed(error);
  const factory = new PrismaPg(poolConfig(url, bounds), { onPoolError: report, onConnectionError: report });
  return { prisma: postgresClient(factory, bounds, availability), availability };
}

/** Replica readers, whose raw statements a replica may serve (rawReadsOf). */
const replicaOf = new WeakMap<object, () => PrismaClient>();

/**
 * The reader of Database.replicaReader: `primary` extended over the replicas currently up, one extended client per
 * set of replicas up (made once, kept); `primary` itself when none is.
 */
function replicaReaderOver(primary: PrismaClient, replicas: readonly Replica[]): () => PrismaClient {
  if (replicas.length === 0) return () => primary;
  const readers = new Map<string, PrismaClient>();
  return () => {
    const up = replicas.filter((replica) => replica.availability.outage === null);
    if (up.length === 0) return primary;
    const key = up.map((replica) => replicas.indexOf(replica)).join(",");
    let reader = readers.get(key);
    if (!reader) {
      // The extension's types are those of the stock @prisma/client; ours is generated elsewhere (lib/db/generated).
      // The extended client keeps every model and raw method of `primary`, with the same types, and adds
      // $primary() / $replica().
      const extended = primary.$extends(readReplicas({ replicas: up.map((replica) => replica.prisma) as never[] }));
      reader = extended as unknown as PrismaClient;
      replicaOf.set(reader, () => (extended as unknown as { $replica(): PrismaClient }).$replica());
      readers.set(key, reader);
    }
    return reader;
  };
}

/**
 * The client for raw read statements ($queryRaw) of a reader from getReplicaReader: one of its replicas, when it has
 * any, since the extension sends every raw statement to the primary (it cannot tell a raw read from a raw write);
 * otherwise `reader` itself. Only for statements that read, outside any transaction.
 */
export function rawReadsOf(reader: PrismaClient): PrismaClient {
  return replicaOf.get(reader)?.() ?? reader;
}

/** The statements of a driver adapter: their outcome tells whether the server answers. */
const STATEMENTS = new Set<PropertyKey>(["queryRaw", "executeRaw"]);

/**
 * `target` (the adapter factory, then the adapter and each transaction it starts) with the outcome of every
 * asynchronous call told to `availability`: a statement that succeeded, or any call that failed (it decides whether
 * the failure is a lost connection). Statements are watched (DatabaseAvailability.watch); those outside a
 * transaction (`pooled`: pg-pool checks a connection out for the one statement) are abandoned when an outage is found.
 * Errors pass through unchanged, for Prisma to map as it always does (it passes a DatabaseUnavailableError through).
 */
function observed<T extends object>(target: T, availability: DatabaseAvailability, pooled = true): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        const statement = STATEMENTS.has(key);
        if (statement) result = availability.watch(result, pooled);
        return (result as Promise<unknown>).then(
          (resolved: unknown) => {
            if (statement) availability.succeeded();
            if (typeof resolved !== "object" || resolved === null || !("queryRaw" in resolved)) return resolved;
            // The adapter from connect(), a transaction from startTransaction() (on one connection of its own).
            return observed(resolved, availability, key === "connect");
          },
          (error: unknown) => {
            availability.failed(error);
            throw error;
          },
        );
      };
    },
  });
}

/**
 * One fresh connection and `SELECT 1` (a pooled connection could be one the server no longer has), both within
 * CONNECT_TIMEOUT_MS of responsive time (responsiveDeadline, lib/db/deadline.ts) rather than pg's wall-clock
 * timeouts: a probe is what starts an outage, so a process too busy to read the server's answer in time must not
 * take its own slowness for the server's.
 */
function probeFor(target: DatabaseTarget & { kind: "postgres" }): () => Promise<void> {
  return async () => {
    const client = new pg.Client(connectionConfig(target.url, 0));
    client.on("error", () => undefined);
    let expired = false;
    const cancel = responsiveDeadline(CONNECT_TIMEOUT_MS, () => {
      expired = true;
      client.connection.stream.destroy();
    });
    try {
      await client.connect();
      await client.query("SELECT 1");
    } catch (error) {
      // Not end(): a server that does not answer would keep the socket (one a second) open until it did.
      client.connection.stream.destroy();
      // pg's own words for a connect timeout, which connectionFailureReason knows ("no answer within 2 s").
      throw expired ? new Error("timeout expired", { cause: error }) : error;
    } finally {
      cancel();
    }
    void client.end().catch(() => undefined);
  };
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

/**
 * PGlite's PostgreSQL starts with the server's default shared_buffers, 128 MB, which it touches as it starts: about
 * 140 MB of the process's resident memory (bench/README.md, "Memory"), for a demo database of about 10 MB. 16 MB holds
 * it whole; a page beyond them is read again from the data folder, i.e. from the operating system's page cache.
 * Appended to PGlite's own start parameters, so that it stays set on every start and nothing is written into the
 * folder's postgresql.conf.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

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
    db = new PGlite(inMemory ? IN_MEMORY : path.join(target.dataDir, PGLITE_SUBDIR), {
      startParams: PGLITE_START_PARAMS,
    });
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

/**
 * The availability of the configured server (lib/db/availability.ts): one per process and DATABASE_URL, kept on
 * globalThis where proxy.ts reads it. None for the embedded database, which is in-process and cannot go down.
 */
function configuredAvailability(target: DatabaseTarget): DatabaseAvailability | undefined {
  if (target.kind !== "postgres") {
    setProcessAvailability(undefined);
    return undefined;
  }
  const current = processAvailability();
  if (current?.key === target.url) return current;
  const availability = new DatabaseAvailability({
    key: target.url,
    label: describeTarget(target),
    probe: probeFor(target),
  });
  setProcessAvailability(availability);
  return availability;
}

/**
 * The configured database, opened once per process; a failed attempt is not cached, so the next call retries.
 * While its server is known to be down, rejects at once with DatabaseUnavailableError, without waiting on it.
 */
export async function getDatabase(): Promise<Database> {
  const current = slot.database;
  if (current && installedDatabases.has(current)) return current;
  const target = configuredTarget();
  const availability = configuredAvailability(target);
  availability?.assertAvailable();
  if (!slot.database) {
    const opening = createClient(target, { availability });
    slot.database = opening;
    opening.then(
      () => availability?.succeeded(),
      (error: unknown) => {
        if (slot.database === opening) slot.database = undefined;
        availability?.failed(error);
      },
    );
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

/**
 * The process-wide Prisma client, on the primary: everything reads and writes through it but the anonymous public's
 * reads (getReplicaReader). Throws DatabaseUnavailableError when the database cannot be reached.
 */
export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/**
 * The process-wide client for reads that may lag the primary by the replicas' replication delay: with
 * DATABASE_REPLICA_URLS, its model reads go to a replica (Database.replicaReader); otherwise it is getDb()'s. Only
 * lib/data/reader.ts decides who gets it (the anonymous public, never a signed-in viewer: editors read their own
 * writes). The primary must be available, as for getDb(): the proxy answers pages 503 while it is down anyway.
 */
export async function getReplicaReader(): Promise<PrismaClient> {
  const database = await getDatabase();
  return database.replicaReader?.() ?? database.prisma;
}

/** Closes the process-wide database, if open (scripts call it before exiting; a later getDb() opens it again). */
export async function closeDb(): Promise<void> {
  const opening = slot.database;
  if (!opening || installedDatabases.has(opening)) return;
  slot.database = undefined;
  setProcessAvailability(undefined);
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
