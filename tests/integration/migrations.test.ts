/**
 * prisma/migrations and prisma/schema.prisma must describe the same database, on both engines we run on, and our
 * migration applier (lib/db/migrate.ts) must keep Prisma's books exactly as Prisma Migrate does.
 *
 * For PGlite and for a real PostgreSQL server: apply the migrations to an empty database with lib/db/migrate.ts, then
 * ask Prisma's schema engine for the diff from that database to schema.prisma, which must be empty. So a schema
 * change without its migration (or an edited migration) fails here.
 */
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDb, installDatabase } from "@/lib/db/client";
import { MigrationError } from "@/lib/db/errors";
import { applyMigrations, pgExecutor, pgliteExecutor, readAppliedMigrations, type SqlExecutor } from "@/lib/db/migrate";
import {
  diffDatabaseToSchema,
  pgliteAdapterFactory,
  postgresAdapterFactory,
  readMigrationList,
  readSchemaFile,
  withSchemaEngine,
} from "@/lib/db/schema-engine";
import { createEmptyPostgresDatabase, createPgliteDatabase, createPostgresDatabase } from "@/tests/support/databases";

const MIGRATIONS_DIR = path.join("prisma", "migrations");
const NO_FILTER = { externalTables: [], externalEnums: [] };

/** The migration folders and the sha256 of each migration.sql, computed here independently of lib/db. */
async function expectedMigrations(dir = MIGRATIONS_DIR): Promise<{ name: string; checksum: string }[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(dir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

/** A copy of prisma/migrations to spoil. */
async function copyOfMigrations(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "accordwatch-migrations-"));
  const dir = path.join(root, "migrations");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** One engine's empty database, reachable two ways: a SQL executor (for lib/db/migrate.ts) and a Prisma adapter. */
interface EmptyDatabase {
  readonly executor: SqlExecutor;
  readonly adapterFactory: SqlDriverAdapterFactory;
  close(): Promise<void>;
}

const engines: { name: string; open: () => Promise<EmptyDatabase> }[] = [
  {
    name: "PGlite",
    open: async () => {
      const db = await PGlite.create();
      return {
        executor: pgliteExecutor(db),
        adapterFactory: pgliteAdapterFactory(db),
        close: () => db.close(),
      };
    },
  },
  {
    name: "PostgreSQL",
    open: async () => {
      const empty = await createEmptyPostgresDatabase();
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      return {
        executor: pgExecutor(client),
        adapterFactory: postgresAdapterFactory(empty.url),
        close: async () => {
          await client.end().catch(() => undefined);
          await empty.drop();
        },
      };
    },
  },
];

describe.each(engines)("migrations on $name", ({ open }) => {
  let db: EmptyDatabase;
  let applied: string[];

  beforeAll(async () => {
    db = await open();
    applied = await applyMigrations(db.executor);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies every migration folder, in order, to an empty database", async () => {
    const expected = await expectedMigrations();
    expect(expected.length).toBeGreaterThan(0);
    expect(applied).toEqual(expected.map((m) => m.name));
  });

  it("produces exactly what schema.prisma describes (empty schema-engine diff)", async () => {
    const diff = await diffDatabaseToSchema(db.adapterFactory);
    // On failure, the message is the SQL that is missing: add it with `npm run db:migration -- <name>`.
    expect(diff.script.trim(), diff.script).toMatch(/^-- This is an empty migration\.?$|^$/);
    expect(diff.empty).toBe(true);
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const rows = await db.executor.query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: unknown;
      rolled_back_at: unknown;
      started_at: unknown;
      logs: unknown;
      applied_steps_count: number;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
    const expected = await expectedMigrations();
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.started_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("keeps _prisma_migrations in the very shape Prisma Migrate creates it", async () => {
    const columns = (executor: SqlExecutor) =>
      executor.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
    // Prisma's own engine creates its table in a fresh database (with no migrations to apply).
    const reference = await PGlite.create();
    try {
      const noMigrations = { ...(await readMigrationList()), migrationDirectories: [] };
      await withSchemaEngine({ schema: await readSchemaFile(), main: pgliteAdapterFactory(reference) }, (engine) =>
        engine.applyMigrations({ migrationsList: noMigrations, filters: NO_FILTER }),
      );
      const prismaColumns = await columns(pgliteExecutor(reference));
      expect(prismaColumns.length).toBe(8);
      expect(await columns(db.executor)).toEqual(prismaColumns);
    } finally {
      await reference.close();
    }
  });

  it("is recognised by Prisma Migrate itself: it finds nothing left to apply", async () => {
    const result = await withSchemaEngine({ schema: await readSchemaFile(), main: db.adapterFactory }, async (engine) =>
      engine.applyMigrations({ migrationsList: await readMigrationList(), filters: NO_FILTER }),
    );
    expect(result.appliedMigrationNames).toEqual([]);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(db.executor)).toEqual([]);
    const rows = await readAppliedMigrations(db.executor);
    expect(rows.map((row) => row.name)).toEqual((await expectedMigrations()).map((m) => m.name));
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const copy = await copyOfMigrations();
    try {
      const [first] = await expectedMigrations(copy.dir);
      const file = path.join(copy.dir, first!.name, "migration.sql");
      await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after the fact\n`);
      const attempt = applyMigrations(db.executor, { migrationsDir: copy.dir });
      await expect(attempt).rejects.toThrow(MigrationError);
      await expect(attempt).rejects.toThrow(new RegExp(`Migration ${first!.name} was changed after it was applied`));
    } finally {
      await copy.remove();
    }
  });

  it("rolls a failing migration back entirely and records nothing", async () => {
    const copy = await copyOfMigrations();
    try {
      const name = "99991231235959_broken";
      await cp(path.join(copy.dir, (await expectedMigrations(copy.dir))[0]!.name), path.join(copy.dir, name), {
        recursive: true,
      });
      await writeFile(
        path.join(copy.dir, name, "migration.sql"),
        `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`,
      );
      await expect(applyMigrations(db.executor, { migrationsDir: copy.dir })).rejects.toThrow(
        /Migration 99991231235959_broken failed and was rolled back: .*no_such_table/,
      );
      expect(await db.executor.query(`SELECT to_regclass('"half_done"')::text AS t`)).toEqual([{ t: null }]);
      const rows = await readAppliedMigrations(db.executor);
      expect(rows.map((row) => row.name)).not.toContain(name);
    } finally {
      await copy.remove();
    }
  });

  it("notices when schema.prisma and the migrations disagree", async () => {
    // The check above must have teeth: the same database against a schema with one more column is not empty.
    const schema = await readSchemaFile();
    const changed = schema.content.replace(
      /model Organisation \{\n/,
      'model Organisation {\n  zzProbe String? @map("zz_probe")\n',
    );
    expect(changed).not.toBe(schema.content);
    const root = await mkdtemp(path.join(tmpdir(), "accordwatch-schema-"));
    try {
      const schemaPath = path.join(root, "schema.prisma");
      await writeFile(schemaPath, changed);
      const diff = await diffDatabaseToSchema(db.adapterFactory, { schemaPath });
      expect(diff.empty).toBe(false);
      expect(diff.script).toMatch(/ALTER TABLE "organisations" ADD COLUMN\s+"zz_probe" TEXT/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("migrating one PostgreSQL database from two processes at once", () => {
  it("lets one apply the migrations while the other waits and then finds nothing to do", async () => {
    const empty = await createEmptyPostgresDatabase();
    const clients = [new pg.Client({ connectionString: empty.url }), new pg.Client({ connectionString: empty.url })];
    try {
      await Promise.all(clients.map((client) => client.connect()));
      const results = await Promise.all(clients.map((client) => applyMigrations(pgExecutor(client))));
      const names = (await expectedMigrations()).map((m) => m.name);
      expect(results.map((r) => r.length).sort()).toEqual([0, names.length]);
      const rows = await readAppliedMigrations(pgExecutor(clients[0]!));
      expect(rows.map((row) => row.name)).toEqual(names);
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await empty.drop();
    }
  });
});

describe.each([
  { name: "PostgreSQL", create: () => createPostgresDatabase() },
  { name: "PGlite in memory", create: () => createPgliteDatabase() },
  { name: "PGlite in a folder", create: () => createPgliteDatabase({ storage: "folder" }) },
])("test databases ($name) from tests/support/databases.ts", ({ create }) => {
  it("come migrated, usable through Prisma, and can serve as the process-wide database", async () => {
    const db = await create();
    try {
      expect(db.applied).toEqual((await expectedMigrations()).map((m) => m.name));
      await db.prisma.organisation.create({ data: { slug: "test", name: "Test" } });
      const restore = installDatabase(db.database);
      try {
        expect(await (await getDb()).organisation.count()).toBe(1);
      } finally {
        restore();
      }
    } finally {
      await db.drop();
    }
  });
});
