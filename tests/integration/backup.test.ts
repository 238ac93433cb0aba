/**
 * Backup and restore (lib/db/backup, `npm run backup` / `npm run restore`) on both engines: the demo, a user who
 * signed in and failed to, audit events (one with a JSON `null`, awkward text, an exact float), backed up, restored
 * into a fresh database of each engine, and every table compared row for row (and the audit log's sequence); then
 * the refusals: a missing, truncated, edited or foreign file, a database that has data (unless --force), a backup
 * of another schema — each refused with nothing changed.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer } from "@/lib/auth/viewer";
import { createSource } from "@/lib/data/commands";
import { importDataset } from "@/lib/data/import-dataset";
import { getPublishedAgreement } from "@/lib/data/public";
import { createUser, recordSignIn, verifyCredentials } from "@/lib/data/users";
import { backupDatabase } from "@/lib/db/backup/dump";
import { BackupFileError } from "@/lib/db/backup/format";
import { restoreDatabase, RestoreRefusedError } from "@/lib/db/backup/restore";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { demoDataset } from "../support/demo";

const root = path.resolve(import.meta.dirname, "../..");
const cli = systemViewer("cli:backup-test");
const AGREEMENT = "uk-france-small-boats-2025";
const PASSWORD = "a long enough password 1";

const ENGINES: Array<[string, (migrate: boolean) => Promise<TestDatabase>]> = [
  ["PGlite", (migrate) => createPgliteDatabase({ migrate })],
  ["PostgreSQL", (migrate) => createPostgresDatabase({ migrate })],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "accordwatch-backup-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The demo, a member who signed in once and gave a wrong password once, and awkward values. */
async function seed(db: TestDatabase): Promise<void> {
  const restore = installDatabase(db.database);
  try {
    await importDataset(cli, "demo", demoDataset(), { organisationName: "Accordwatch demo" });
    const user = await createUser(cli, {
      email: "editor@example.org",
      name: "Éditrice «test»",
      password: PASSWORD,
      memberships: [{ organisation: "demo", role: "EDITOR" }],
    });
    expect((await verifyCredentials("editor@example.org", "wrong password!!", "192.0.2.7")).ok).toBe(false);
    await recordSignIn({ userId: user.id, email: user.email, name: user.name }, "password", "192.0.2.7");
    await createSource(cli, "demo", {
      id: "awkward",
      outlet: 'Le "Monde" \\ – 🚤',
      title: "Line one\nline two\ttab",
      published: "2025-12-02",
      kind: "MEDIA_REPORT",
    });
  } finally {
    restore();
  }
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO audit_events (actor, action, entity_type, entity_id, before, after, reason)
     VALUES ('cli:test', 'test.json', 'x', '1', 'null'::jsonb, '{"a": 0.30000000000000004, "b": [null, "é"]}', NULL)`,
  );
  await db.prisma.$executeRawUnsafe(
    `UPDATE commitments SET weight = 0.1 + 0.2 WHERE id = (SELECT id FROM commitments ORDER BY id LIMIT 1)`,
  );
}

/** Every table's rows as text (sorted), and the sequences: what "restored exactly" compares. */
async function snapshot(prisma: PrismaClient): Promise<Record<string, unknown>> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL TimeZone = 'UTC'`);
    await tx.$executeRawUnsafe(`SET LOCAL extra_float_digits = 3`);
    const tables = await tx.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`,
    );
    const out: Record<string, unknown> = {};
    for (const { name } of tables) {
      const [row] = await tx.$queryRawUnsafe<Array<{ rows: string }>>(
        `SELECT coalesce(json_agg(t::text ORDER BY t::text), '[]')::text AS rows FROM "${name}" t`,
      );
      out[name] = JSON.parse(row?.rows ?? "[]") as string[];
    }
    const [sequence] = await tx.$queryRawUnsafe<Array<{ value: string; called: boolean }>>(
      `SELECT last_value::text AS value, is_called AS called FROM audit_events_id_seq`,
    );
    out["audit_events_id_seq"] = sequence;
    return out;
  });
}

async function tableCount(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
  );
  return row?.n ?? -1;
}

describe.each(ENGINES)("a backup of %s", (sourceName, createSourceDb) => {
  let source: TestDatabase;
  let expected: Record<string, unknown>;
  let file: string;

  beforeAll(async () => {
    source = await createSourceDb(true);
    await seed(source);
    expected = await snapshot(source.prisma);
    file = path.join(dir, `${sourceName}.jsonl.gz`);
    const summary = await backupDatabase(source.database, file);
    expect(summary.tables).toBe(Object.keys(expected).length - 1);
  });
  afterAll(async () => source?.drop());

  it("holds every table, users, sessions' tables, rate limits, the audit log and _prisma_migrations", () => {
    const tables = Object.keys(expected);
    for (const table of ["users", "audit_events", "rate_limits", "_prisma_migrations", "memberships", "invites"]) {
      expect(tables).toContain(table);
    }
    expect((expected.audit_events as string[]).length).toBeGreaterThanOrEqual(4);
    expect((expected.rate_limits as string[]).length).toBeGreaterThan(0);
    expect((expected._prisma_migrations as string[]).length).toBe(source.applied.length);
  });

  describe.each(ENGINES)("restored into a fresh %s", (_targetName, createTargetDb) => {
    let target: TestDatabase;
    beforeAll(async () => {
      target = await createTargetDb(false);
    });
    afterAll(async () => target?.drop());

    it("is the same, table for table and row for row, and the app reads it", async () => {
      const summary = await restoreDatabase(target.database, file);
      expect(summary.replaced).toBe(false);
      expect(await snapshot(target.prisma)).toEqual(expected);

      const restore = installDatabase(target.database);
      try {
        const found = await getPublishedAgreement(ANONYMOUS, "demo", AGREEMENT);
        expect(found?.agreement.title).toBe(demoDataset().agreements[0]?.title);
        expect((await verifyCredentials("editor@example.org", PASSWORD, "192.0.2.8")).ok).toBe(true);
      } finally {
        restore();
      }
      // The audit log is still append-only, and its next id follows the restored ones.
      await expect(target.prisma.$executeRawUnsafe(`UPDATE audit_events SET actor = 'x'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(target.prisma.$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    });

    it("refuses the same backup again, now that the database has data, and changes nothing", async () => {
      const before = await snapshot(target.prisma);
      await expect(restoreDatabase(target.database, file)).rejects.toThrow(RestoreRefusedError);
      await expect(restoreDatabase(target.database, file)).rejects.toThrow(/not empty .*--force/);
      expect(await snapshot(target.prisma)).toEqual(before);
    });

    it("with force, replaces what the database holds, audit log included", async () => {
      await target.prisma.$executeRawUnsafe(
        `INSERT INTO audit_events (actor, action, entity_type, entity_id) VALUES ('later', 'later', 'x', '2')`,
      );
      await target.prisma.$executeRawUnsafe(`UPDATE organisations SET name = 'Changed since'`);
      const summary = await restoreDatabase(target.database, file, { force: true });
      expect(summary.replaced).toBe(true);
      expect(await snapshot(target.prisma)).toEqual(expected);
      await expect(target.prisma.$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    });
  });
});

describe("refusals", () => {
  let source: TestDatabase;
  let good: string;
  let lines: string[];

  beforeAll(async () => {
    source = await createPgliteDatabase();
    await seed(source);
    good = path.join(dir, "good.jsonl");
    await backupDatabase(source.database, good);
    lines = (await readFile(good, "utf8")).split("\n");
  });
  afterAll(async () => source?.drop());

  async function write(name: string, content: string | Buffer): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  }

  it.each([
    ["a missing file", async () => path.join(dir, "nope.jsonl"), /does not exist/],
    ["an empty file", () => write("empty.jsonl", ""), /is empty/],
    ["a file of something else", () => write("other.jsonl", '{"hello":"world"}\n'), /not an Accordwatch backup/],
    ["a truncated file", () => write("cut.jsonl", lines.slice(0, 40).join("\n")), /ends early/],
    ["a file missing its end", () => write("noend.jsonl", `${lines.slice(0, -2).join("\n")}\n`), /ends early/],
    [
      "an edited row",
      () => write("edited.jsonl", lines.join("\n").replace("Accordwatch demo", "Accordwatch demx")),
      /checksum does not match/,
    ],
    [
      "a row missing a column",
      () => write("column.jsonl", lines.map((l, i) => (i === 2 ? l.replace(/,"[^"]*"\]$/, "]") : l)).join("\n")),
      /does not have its/,
    ],
    ["a damaged gzip", () => write("bad.jsonl.gz", gzipSync(lines.join("\n")).subarray(0, 200)), /damaged|ends early/],
    [
      "a newer format",
      () =>
        write("newer.jsonl", lines.map((l, i) => (i === 0 ? l.replace('"version":1', '"version":2') : l)).join("\n")),
      /newer version of Accordwatch/,
    ],
  ])("refuses %s, before touching the database", async (_what, make, message) => {
    const file = await make();
    const target = await createPgliteDatabase({ migrate: false });
    try {
      const restored = restoreDatabase(target.database, file);
      await expect(restored).rejects.toThrow(BackupFileError);
      await expect(restoreDatabase(target.database, file)).rejects.toThrow(message);
      expect(await tableCount(target.prisma)).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it("refuses a backup made with migrations this version does not have", async () => {
    const header = JSON.parse(lines[0] ?? "{}") as { migrations: Array<{ name: string; checksum: string }> };
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0" });
    const file = await write("future.jsonl", [JSON.stringify(header), ...lines.slice(1)].join("\n"));
    const target = await createPgliteDatabase({ migrate: false });
    try {
      // The header changed, so the checksum fails first; the migration check is what a genuine newer backup meets.
      await expect(restoreDatabase(target.database, file)).rejects.toThrow(BackupFileError);
      const dirWithFewer = await mkdtemp(path.join(dir, "migrations-"));
      await expect(restoreDatabase(target.database, good, { migrationsDir: dirWithFewer })).rejects.toThrow(
        /does not have/,
      );
      expect(await tableCount(target.prisma)).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it("restores into a database that is migrated but empty", async () => {
    const target = await createPgliteDatabase();
    try {
      await restoreDatabase(target.database, good);
      expect(await snapshot(target.prisma)).toEqual(await snapshot(source.prisma));
    } finally {
      await target.drop();
    }
  });
});

describe("npm run backup and npm run restore", () => {
  async function run(script: string, args: string[], env: Record<string, string>) {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts", script), ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: 60_000 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  }

  it("back up and restore an embedded database, and refuse in one line", async () => {
    const source = await createPgliteDatabase({ storage: "folder" });
    await seed(source);
    const expected = await snapshot(source.prisma);
    await source.database.close();
    const file = path.join(dir, "cli.jsonl");
    const backup = await run("backup.ts", [file], { ACCORDWATCH_DATA: source.dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ tables, \d+ rows \(\d+ migrations\) to .* in [\d.]+ s\.\n$/);
    expect(backup.stderr).toContain("audit_events");

    const again = await run("backup.ts", [file], { ACCORDWATCH_DATA: source.dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already.*--force/);

    const fresh = path.join(dir, "fresh-data");
    const restored = await run("restore.ts", [file], { ACCORDWATCH_DATA: fresh });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ tables, \d+ rows into the embedded database/);

    const refused = await run("restore.ts", [file], { ACCORDWATCH_DATA: fresh });
    expect(refused.code).toBe(1);
    const last = refused.stderr.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(/is not empty .* --force .* Nothing was changed\.$/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const missing = await run("restore.ts", [path.join(dir, "none.jsonl")], { ACCORDWATCH_DATA: path.join(dir, "x") });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n").at(-1)).toMatch(/does not exist\. Nothing was changed\.$/);

    const reopened = await import("@/lib/db/client").then((m) => m.createClient({ kind: "embedded", dataDir: fresh }));
    try {
      expect(await snapshot(reopened.prisma)).toEqual(expected);
    } finally {
      await reopened.close();
      await source.drop();
    }
  });
});
