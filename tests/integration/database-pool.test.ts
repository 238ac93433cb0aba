/**
 * The two waits of the PostgreSQL pool (lib/db/client.ts, poolConfig), on the run's real server:
 * - waiting for a free connection of a full pool (POOL_ACQUIRE_TIMEOUT_MS, 10 s): statements and transactions beyond
 *   the pool's size queue behind slow ones (pg_sleep on the server) and succeed, on the primary's pool and on a
 *   replica's, and the availability stays "up"; past the wait, the error is an ordinary one, not an outage;
 * - opening a connection (CONNECT_TIMEOUT_MS, 2 s): against a server that accepts connections and never answers
 *   (a proxy of the test's that stops forwarding), a statement still gives up within about 2 s, not 10, with a
 *   connection failure, which the availability takes for an outage.
 * The pools are small (poolMax) so that a few statements saturate them; the bounds are the app's own.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { DatabaseAvailability, processAvailability } from "@/lib/db/availability";
import {
  closeDb,
  CONNECT_TIMEOUT_MS,
  connectionFailureReason,
  createClient,
  getDatabase,
  isDatabaseUnavailable,
  POOL_ACQUIRE_TIMEOUT_MS,
  rawReadsOf,
  type Database,
} from "@/lib/db/client";

import { createEmptyPostgresDatabase } from "../support/databases";

/** Each slow statement's time on the server. */
const SLEEP_S = 1;
const POOL_MAX = 2;
/** Four rounds on a pool of two: the last ones wait about 3 s for a connection, past the 2 s connect bound. */
const STATEMENTS = 4 * POOL_MAX;

/** A probe for a test's own availability: a fresh connection and `SELECT 1`, each bounded by 2 s (wall clock). */
function probeOf(url: string, counter: { probes: number } = { probes: 0 }): () => Promise<void> {
  return async () => {
    counter.probes++;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: CONNECT_TIMEOUT_MS,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
    } finally {
      client.connection.stream.destroy();
    }
  };
}

function availabilityOf(url: string, counter?: { probes: number }): DatabaseAvailability {
  return new DatabaseAvailability({ key: url, label: "test database", probe: probeOf(url, counter) });
}

/** Resolves once the server runs a statement containing `text` (pg_stat_activity, polled). */
async function untilRunning(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const deadline = performance.now() + 10_000; performance.now() < deadline;) {
      const { rows } = await client.query<{ running: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
           WHERE state = 'active' AND pid <> pg_backend_pid() AND strpos(query, $1) > 0) AS running`,
        [text],
      );
      if (rows[0]?.running) return;
    }
    throw new Error(`The server never ran a statement with ${text}.`);
  } finally {
    await client.end();
  }
}

/** The process-wide database (getDatabase) on `url`, with the app's own availability and probe, for `fn`. */
async function withDatabaseUrl<T>(url: string, fn: (availability: DatabaseAvailability) => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    await getDatabase();
    return await fn(processAvailability()!);
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await closeDb();
  }
}

/** Holds the event loop for `ms`, as a long synchronous render does in a saturated process. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins++;
  expect(spins).toBeGreaterThan(0);
}

/** Milliseconds `run` took, and its outcome. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

describe("a full pool while the database is up", () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let database: Database | undefined;
  let availability: DatabaseAvailability | undefined;

  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase();
  });
  afterEach(async () => {
    availability?.close();
    await database?.close();
    database = undefined;
    availability = undefined;
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it("queues the statements and transactions beyond its size, which then succeed, and stays available", async () => {
    const probes = { probes: 0 };
    availability = availabilityOf(empty.url, probes);
    database = await createClient({ kind: "postgres", url: empty.url }, { availability, poolMax: POOL_MAX });
    const prisma = database.prisma;

    // Half statements outside any transaction (pg-pool's query), half interactive transactions (pg-pool's connect,
    // then Prisma's maxWait): both wait in the same queue.
    const { ms, value } = await timed(() =>
      Promise.allSettled(
        Array.from({ length: STATEMENTS }, (_, i) =>
          i % 2 === 0
            ? prisma.$queryRawUnsafe<Array<{ i: number }>>(`SELECT ${i}::int AS i FROM pg_sleep(${SLEEP_S})`)
            : prisma.$transaction((tx) =>
                tx.$queryRawUnsafe<Array<{ i: number }>>(`SELECT ${i}::int AS i FROM pg_sleep(${SLEEP_S})`),
              ),
        ),
      ),
    );

    const failures = value.filter((outcome) => outcome.status === "rejected");
    expect(failures, String(failures.map((failure) => failure.reason))).toEqual([]);
    expect(value.map((outcome) => (outcome.status === "fulfilled" ? outcome.value[0]?.i : null))).toEqual(
      Array.from({ length: STATEMENTS }, (_, i) => i),
    );
    // Never more than POOL_MAX at once: four rounds of SLEEP_S. So the last ones waited > CONNECT_TIMEOUT_MS.
    expect(ms).toBeGreaterThanOrEqual((STATEMENTS / POOL_MAX) * SLEEP_S * 1000 - 50);
    expect((STATEMENTS / POOL_MAX - 1) * SLEEP_S * 1000).toBeGreaterThan(CONNECT_TIMEOUT_MS);
    expect(ms).toBeLessThan(POOL_ACQUIRE_TIMEOUT_MS);
    // The slow statements made probes (a statement unanswered after 1 s), which found the server up.
    expect(probes.probes).toBeGreaterThan(0);
    expect(availability.outage).toBeNull();
    expect(await availability.check()).toBe(true);
  });

  it("past the wait for a free connection, fails the waiting statement with an ordinary error, not an outage", async () => {
    availability = availabilityOf(empty.url);
    // One connection, and a wait of 2 s (the shortest allowed: the connect bound) to keep the test short.
    database = await createClient(
      { kind: "postgres", url: empty.url },
      { availability, poolMax: 1, acquireTimeoutMs: CONNECT_TIMEOUT_MS },
    );
    const prisma = database.prisma;
    // then(): a Prisma promise only runs once asked for its result.
    const holder = prisma
      .$queryRawUnsafe(`SELECT 1 AS slept FROM pg_sleep(${(CONNECT_TIMEOUT_MS / 1000) * 2})`)
      .then((rows) => rows);
    // The one connection is the holder's once the server runs its pg_sleep.
    await untilRunning(empty.url, "FROM pg_sleep");
    const { ms, value: error } = await timed(() =>
      prisma.$queryRawUnsafe("SELECT 1").then(
        () => null,
        (reason: unknown) => reason,
      ),
    );

    expect(error).not.toBeNull();
    expect(String(error)).toMatch(/timeout exceeded when trying to connect/);
    expect(ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
    expect(isDatabaseUnavailable(error)).toBe(false);
    await expect(holder).resolves.toBeDefined();
    expect(availability.outage).toBeNull();
    // The pool serves again at once.
    await expect(prisma.$queryRawUnsafe("SELECT 1")).resolves.toBeDefined();
  });

  it("queues the reads beyond a replica pool's size too, and keeps the replica in the public's reader", async () => {
    availability = availabilityOf(empty.url);
    // The "replica" is the primary itself: what is tested is its own pool (rawReadsOf gives the replica's client).
    database = await createClient(
      { kind: "postgres", url: empty.url, replicaUrls: [empty.url] },
      { availability, poolMax: POOL_MAX },
    );
    const reader = database.replicaReader!();
    const onReplica = rawReadsOf(reader);
    expect(onReplica).not.toBe(database.prisma);

    const { ms, value } = await timed(() =>
      Promise.allSettled(
        Array.from({ length: STATEMENTS }, () =>
          onReplica.$queryRawUnsafe(`SELECT 1 AS slept FROM pg_sleep(${SLEEP_S})`),
        ),
      ),
    );

    expect(value.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual((STATEMENTS / POOL_MAX) * SLEEP_S * 1000 - 50);
    // Still up: a replica taken out would make rawReadsOf answer with the primary.
    expect(rawReadsOf(database.replicaReader!())).not.toBe(database.prisma);
    expect(availability.outage).toBeNull();
  });

  it("finds the server up with the app's probe while the process is too busy to read its answer in time", async () => {
    await withDatabaseUrl(empty.url, async (appAvailability) => {
      // The probe connects, then the JavaScript holds the event loop longer than the 2 s bound: the server's answer
      // waits in the socket, behind a wall-clock timer that is then due (under bench/load.ts, this made an outage).
      const checking = appAvailability.check();
      busyFor(CONNECT_TIMEOUT_MS + 1_000);
      expect(await checking).toBe(true);
      expect(appAvailability.outage).toBeNull();
    });
  });
});

/**
 * A TCP proxy to the run's server that can stop forwarding: new connections are then accepted and never answered,
 * as by a server that hangs (or a network that drops packets).
 */
async function startProxy(target: URL): Promise<{ port: number; silence(): void; close(): Promise<void> }> {
  let silent = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  };
  const server: Server = createServer((socket) => {
    track(socket);
    if (silent) return;
    const upstream = createConnection(Number(target.port), target.hostname);
    track(upstream);
    socket.pipe(upstream).pipe(socket);
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    silence: () => {
      silent = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("a server that stops accepting connections", () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  let database: Database | undefined;
  let availability: DatabaseAvailability | undefined;

  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase();
    proxy = await startProxy(new URL(empty.url));
  });
  afterAll(async () => {
    availability?.close();
    await database?.close();
    await proxy?.close();
    await empty?.drop();
  });

  it("gives up on a new connection within the 2 s connect bound, not the pool's 10 s wait, as an outage", async () => {
    const url = new URL(empty.url);
    url.port = String(proxy!.port);
    // Opened through the proxy while it forwards (createClient checks the server with one connection); the pool
    // itself connects lazily, so its first statement needs a new connection. No availability: its probes would give
    // up on the statement themselves, after about 3 s (1 s slow, then a probe bounded by 2 s).
    database = await createClient({ kind: "postgres", url: url.toString() });
    proxy!.silence();

    const { ms, value: error } = await timed(() =>
      database!.prisma.$queryRawUnsafe("SELECT 1").then(
        () => null,
        (reason: unknown) => reason,
      ),
    );

    expect(error).not.toBeNull();
    expect(ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1_000);
    // A connection failure: told to an availability, it makes a probe (through the same silent proxy), which finds
    // the server down.
    expect(connectionFailureReason(error)).toBe("no answer within 2 s");
    availability = availabilityOf(url.toString());
    availability.failed(error);
    expect(await availability.check()).toBe(false);
    expect(availability.outage?.reason).toBe("no answer within 2 s");
  });

  it("finds the outage with the app's probe within the 2 s bound", async () => {
    // A proxy of this test's own (the one above is silent already): forwarding while the process-wide database
    // opens, silent for the probe.
    const own = await startProxy(new URL(empty.url));
    try {
      const url = new URL(empty.url);
      url.port = String(own.port);
      await withDatabaseUrl(url.toString(), async (appAvailability) => {
        own.silence();
        const { ms, value: up } = await timed(() => appAvailability.check());
        expect(up).toBe(false);
        expect(appAvailability.outage?.reason).toBe("no answer within 2 s");
        expect(ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
        expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1_000);
      });
    } finally {
      await own.close();
    }
  });
});
