/**
 * Read replicas (issue 5, item 2; deploy/README.md, "Read replicas") against a REAL streaming replica that this file
 * starts itself: a primary (initdb, wal_level replica) and a hot standby made from it with `pg_basebackup -R`, each
 * on a free port, both stopped and removed at the end (also on Ctrl-C or exit).
 *
 * The proof that a read is served by the replica: replay is paused on the standby (`pg_wal_replay_pause()`), a row
 * is changed directly on the primary, and the public's read still shows the old row while a signed-in editor's shows
 * the new one; once replay resumes, the public sees it too. Also: raw reads (the search), writes and transactions
 * through the public's reader, a replica that goes down (the public then reads from the primary) and comes back.
 * The embedded database (PGlite) has no replicas: lib/db/client.ts gives it no replica reader, and
 * tests/unit/read-replicas-env.test.ts checks that DATABASE_REPLICA_URLS is refused without DATABASE_URL.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { ANONYMOUS, systemViewer, type Viewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { getPublishedOrganisation, searchPublishedMilestones } from "@/lib/data/public";
import { rawReadsOf, readerFor } from "@/lib/data/reader";
import { listAgreements } from "@/lib/data/workspace";
import { createClient, getDb, installDatabase, type Database } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { TEST_CONNECT_TIMEOUT_MS } from "../support/databases";
import { createMember, demoDataset } from "../support/demo";
import { startPostgres, startStandby, type PostgresServer } from "../support/postgres";

const ORG = "demo";
const ORG_NAME = "Replicated Research";
const cli = systemViewer("cli:read-replicas-test");

function databaseUrl(server: PostgresServer, name: string): string {
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Whether the server that answered `viewer`'s raw reads is a standby. */
async function inRecovery(viewer: Viewer): Promise<boolean> {
  const rows = await rawReadsOf(await readerFor(viewer)).$queryRaw<Array<{ standby: boolean }>>`
    SELECT pg_is_in_recovery() AS standby`;
  return rows[0]!.standby;
}

/** Polls `check` until it holds (returns true), for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await check().catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("read replicas on a real streaming replica", () => {
  let primary: PostgresServer | undefined;
  let standby: PostgresServer | undefined;
  let database: Database | undefined;
  let onPrimary: pg.Client | undefined;
  let onStandby: pg.Client | undefined;
  let restore = () => {};
  let editor: Viewer;
  const stopSync = () => {
    standby?.stopSync();
    primary?.stopSync();
  };

  beforeAll(async () => {
    process.once("exit", stopSync);
    primary = await startPostgres();
    const admin = await connect(primary.url);
    await admin.query(`CREATE DATABASE accordwatch`);
    await admin.end();
    const url = databaseUrl(primary, "accordwatch");

    // The primary's data, written through the app's own code before the standby is cloned from it.
    const setup = await createClient({ kind: "postgres", url }, { connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    const restoreSetup = installDatabase(setup);
    try {
      await setup.migrate();
      await importDataset(cli, ORG, demoDataset());
      editor = await createMember(setup.prisma, ORG, "editor", "EDITOR");
    } finally {
      restoreSetup();
      await setup.close();
    }

    standby = await startStandby(primary);
    const replicaUrl = databaseUrl(standby, "accordwatch");
    database = await createClient(
      { kind: "postgres", url, replicaUrls: [replicaUrl] },
      { connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS },
    );
    restore = installDatabase(database);
    onPrimary = await connect(url);
    onStandby = await connect(replicaUrl);
  });

  afterAll(async () => {
    restore();
    await onPrimary?.end().catch(() => undefined);
    await onStandby?.end().catch(() => undefined);
    await database?.close();
    await standby?.stop();
    await primary?.stop();
    process.removeListener("exit", stopSync);
  });

  it("serves the public's reads from the replica and a signed-in viewer's from the primary", async () => {
    expect(await inRecovery(ANONYMOUS)).toBe(true);
    expect(await inRecovery(editor)).toBe(false);
    expect(await inRecovery(cli)).toBe(false);
    // The one client everything else uses (commands, jobs, sign-in) is the primary's.
    expect(await readerFor(editor)).toBe(await getDb());
  });

  it("shows the public the replica's rows, editors their own writes, and the public the writes once replayed", async () => {
    await onStandby!.query("SELECT pg_wal_replay_pause()");
    await eventually(async () => {
      const { rows } = await onStandby!.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state");
      return rows[0]!.state === "paused";
    });
    try {
      const before = (await getPublishedOrganisation(ANONYMOUS, ORG))!.organisation.name;
      await onPrimary!.query("UPDATE organisations SET name = $1 WHERE slug = $2", [ORG_NAME, ORG]);
      await onPrimary!.query(
        "UPDATE milestones SET title = title || ' (zanzibar)' WHERE id = (SELECT id FROM milestones ORDER BY id LIMIT 1)",
      );

      // Model reads (the extension's) and raw reads (the search, through rawReadsOf) both lag for the public…
      expect((await getPublishedOrganisation(ANONYMOUS, ORG))!.organisation.name).toBe(before);
      expect((await searchPublishedMilestones(ANONYMOUS, ORG, "zanzibar", "2026-12-31"))!.hits).toEqual([]);
      // …and never for the editor who made the change, in the workspace or on the public functions.
      expect((await listAgreements(editor, ORG)).organisation.name).toBe(ORG_NAME);
      expect((await getPublishedOrganisation(editor, ORG))!.organisation.name).toBe(ORG_NAME);
      expect((await searchPublishedMilestones(editor, ORG, "zanzibar", "2026-12-31"))!.hits.length).toBeGreaterThan(0);
    } finally {
      await onStandby!.query("SELECT pg_wal_replay_resume()");
    }
    await eventually(async () => (await getPublishedOrganisation(ANONYMOUS, ORG))!.organisation.name === ORG_NAME);
    expect((await searchPublishedMilestones(ANONYMOUS, ORG, "zanzibar", "2026-12-31"))!.hits.length).toBeGreaterThan(0);
  });

  it("sends writes and transactions made through the public's reader to the primary", async () => {
    const reader = await readerFor(ANONYMOUS);
    const inTransaction = await reader.$transaction(
      async (tx) => tx.$queryRaw<Array<{ standby: boolean }>>`SELECT pg_is_in_recovery() AS standby`,
    );
    expect(inTransaction[0]!.standby).toBe(false);
    // A standby refuses any write ("cannot execute UPDATE in a read-only transaction"): this one reaches the primary.
    const updated = await reader.organisation.update({ where: { slug: ORG }, data: { name: `${ORG_NAME} 2` } });
    expect(updated.name).toBe(`${ORG_NAME} 2`);
  });

  it("reads from the primary while the replica is down, and from the replica again once it is back", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    try {
      await standby!.stopServer();
      // The first read may fail on the lost replica (as it would on a lost primary); its failure makes a probe, and
      // once the probe fails, the public's reads go to the primary.
      await eventually(async () => (await getPublishedOrganisation(ANONYMOUS, ORG)) !== null, 5_000);
      expect(await inRecovery(ANONYMOUS)).toBe(false);

      await standby!.startServer();
      // One probe a second looks for the replica's return.
      await eventually(() => inRecovery(ANONYMOUS), 10_000);
      expect(warn.mock.calls.map((call) => call.at(-1))).toEqual(
        expect.arrayContaining([expect.stringMatching(/read replica at 127\.0\.0\.1:\d+\/accordwatch is unavailable/)]),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("has no replica reader without DATABASE_REPLICA_URLS: the public reads from the one database", async () => {
    const plain = await createClient({ kind: "postgres", url: databaseUrl(primary!, "accordwatch") });
    const restorePlain = installDatabase(plain);
    try {
      expect(await readerFor(ANONYMOUS)).toBe(plain.prisma);
      expect(rawReadsOf(await readerFor(ANONYMOUS))).toBe(plain.prisma);
      expect(await inRecovery(ANONYMOUS)).toBe(false);
    } finally {
      restorePlain();
      await plain.close();
    }
  });
});
