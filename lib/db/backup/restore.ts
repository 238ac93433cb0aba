/**
 * `npm run restore`: puts a backup (format.ts) back into the configured database, exactly: every table's rows, the
 * sequences, and `_prisma_migrations` as it was. The file is checked through before anything is written; then the
 * rows go in in one transaction, so that a failure half-way leaves the database as it was.
 *
 * Into an empty database (nothing there, or only migrated), the schema is first made by the migrations the backup
 * names (those of this version's folder, which must agree with them), then the rows are inserted: inserting is all
 * the audit log allows, and all that is needed. Into a database with data, only with `force`: its rows are removed
 * first, the audit log's append-only triggers disabled for that one statement of the same transaction.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeTarget, type Database } from "../client";
import { DEFAULT_MIGRATIONS_DIR, migrationChecksum, readMigrationFolders } from "../migrate";
import { countRows, readTables, type Table } from "./catalog";
import type { Progress } from "./dump";
import { readBackup, type BackupHeader } from "./format";
import { ident, setCanonicalText, transactionSql, type Sql } from "./sql";

const BATCH_ROWS = 1_000;
const BATCH_CHARS = 4 * 1024 * 1024;
const TRANSACTION_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const MIGRATIONS_TABLE = "_prisma_migrations";

/** The restore does not happen, and nothing was changed: one line, for the person who asked. */
export class RestoreRefusedError extends Error {
  override readonly name = "RestoreRefusedError";
}

export interface RestoreOptions {
  /** Replace the data of a database that has some. */
  readonly force?: boolean;
  readonly migrationsDir?: string;
  readonly onProgress?: (progress: Progress) => void;
  /** Told what is being done, in a line each (checking the file, making the schema…). */
  readonly log?: (line: string) => void;
}

export interface RestoreSummary {
  readonly tables: number;
  readonly rows: number;
  /** The target had data, which was replaced (only with `force`). */
  readonly replaced: boolean;
  /** Migrations of this version newer than the backup, left for `npm run db:migrate` (or `npm start`). */
  readonly newerMigrations: readonly string[];
}

/**
 * `database` may be given as the function that opens it: it is then opened only once the file has passed its check,
 * so that a refused file leaves not even an empty embedded database behind.
 */
export async function restoreDatabase(
  target: Database | (() => Promise<Database>),
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const log = options.log ?? (() => undefined);

  log(`Checking ${file}…`);
  const header = await readBackup(file);
  const newerMigrations = await checkMigrations(header, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const database = typeof target === "function" ? await target() : target;
  const where = describeTarget(database.target);

  const state = await inspectTarget(database);
  if (state.kind === "foreign") {
    throw new RestoreRefusedError(
      `The ${where} has tables but no Accordwatch migrations: restore into an empty database.`,
    );
  }
  if (state.kind === "migrated") {
    const backupNames = header.migrations.map((m) => m.name);
    if (state.applied.join("\n") !== backupNames.join("\n")) {
      throw new RestoreRefusedError(
        `The ${where} is at migration ${state.applied.at(-1) ?? "(none)"} and the backup at ` +
          `${backupNames.at(-1) ?? "(none)"}: restore into an empty database, then run npm run db:migrate.`,
      );
    }
    const filled = [...(await countRows(sqlOf(database), state.tables))].filter(
      ([table, rows]) => table !== MIGRATIONS_TABLE && rows > 0,
    );
    if (filled.length > 0 && !options.force) {
      const some = filled
        .slice(0, 3)
        .map(([table, rows]) => `${table}: ${rows}`)
        .join(", ");
      throw new RestoreRefusedError(
        `The ${where} is not empty (${some}${filled.length > 3 ? ", …" : ""}): run again with --force to replace ` +
          `everything in it with the backup.`,
      );
    }
  } else {
    log(`Making the schema (${header.migrations.length} migration(s))…`);
    await migrateTo(database, header, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  }

  const outcome = await database.prisma.$transaction((tx) => restoreRows(transactionSql(tx), file, header, options), {
    timeout: TRANSACTION_TIMEOUT_MS,
    maxWait: 30_000,
  });
  return { ...outcome, newerMigrations };
}

/** The backup's migrations must be this version's first ones, file for file; returns those this version adds. */
async function checkMigrations(header: BackupHeader, dir: string): Promise<string[]> {
  const folders = await readMigrationFolders(dir);
  header.migrations.forEach((migration, index) => {
    const folder = folders[index];
    if (folder?.name !== migration.name) {
      throw new RestoreRefusedError(
        `The backup was made with migration ${migration.name}, which this version of Accordwatch does not have ` +
          `(${folder ? `it has ${folder.name} there` : "it has fewer"}): restore it with the version that made it.`,
      );
    }
    if (migrationChecksum(folder.sql) !== migration.checksum) {
      throw new RestoreRefusedError(
        `Migration ${migration.name} of this version differs from the one the backup was made with: restore it ` +
          `with the version that made it.`,
      );
    }
  });
  return folders.slice(header.migrations.length).map((folder) => folder.name);
}

type TargetState =
  | { readonly kind: "empty" }
  | { readonly kind: "foreign" }
  | { readonly kind: "migrated"; readonly applied: readonly string[]; readonly tables: readonly Table[] };

function sqlOf(database: Database): Sql {
  return {
    query: <Row>(sql: string, ...params: unknown[]) => database.prisma.$queryRawUnsafe<Row[]>(sql, ...params),
    execute: async (sql: string, ...params: unknown[]) => {
      await database.prisma.$executeRawUnsafe(sql, ...params);
    },
  };
}

async function inspectTarget(database: Database): Promise<TargetState> {
  const sql = sqlOf(database);
  const tables = await readTables(sql);
  if (tables.length === 0) return { kind: "empty" };
  if (!tables.some((table) => table.name === MIGRATIONS_TABLE)) return { kind: "foreign" };
  const applied = await sql.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  // Only the bookkeeping table (a migration that failed before anything): as good as empty.
  if (applied.length === 0 && tables.length === 1) return { kind: "empty" };
  return { kind: "migrated", applied: applied.map((row) => row.name), tables };
}

/** Applies the backup's migrations, and no later one, so that the rows go into the schema they came from. */
async function migrateTo(database: Database, header: BackupHeader, dir: string): Promise<void> {
  const folders = await readMigrationFolders(dir);
  if (folders.length === header.migrations.length) {
    await database.migrate({ migrationsDir: dir });
    return;
  }
  const subset = await mkdtemp(path.join(tmpdir(), "accordwatch-restore-"));
  try {
    for (const migration of header.migrations) {
      await cp(path.join(dir, migration.name), path.join(subset, migration.name), { recursive: true });
    }
    await database.migrate({ migrationsDir: subset });
  } finally {
    await rm(subset, { recursive: true, force: true });
  }
}

async function restoreRows(
  sql: Sql,
  file: string,
  header: BackupHeader,
  options: RestoreOptions,
): Promise<Omit<RestoreSummary, "newerMigrations">> {
  await setCanonicalText(sql);
  const tables = await readTables(sql);
  checkTables(header, tables);
  const byName = new Map(tables.map((table) => [table.name, table]));

  const counts = await countRows(sql, tables);
  const filled = tables.filter((table) => (counts.get(table.name) ?? 0) > 0);
  const replaced = filled.some((table) => table.name !== MIGRATIONS_TABLE);
  if (replaced) {
    // Every table in one TRUNCATE (a referenced table can only be truncated with those referencing it), the
    // append-only triggers of the audit log off for that statement alone.
    const guarded = tables.filter((table) => table.hasUserTriggers);
    for (const table of guarded) await sql.execute(`ALTER TABLE ${ident(table.name)} DISABLE TRIGGER USER`);
    await sql.execute(`TRUNCATE ${tables.map((table) => ident(table.name)).join(", ")}`);
    for (const table of guarded) await sql.execute(`ALTER TABLE ${ident(table.name)} ENABLE TRIGGER USER`);
  } else if (filled.length > 0) {
    // What migrating the empty database wrote: the backup's own rows replace it.
    await sql.execute(`DELETE FROM ${ident(MIGRATIONS_TABLE)}`);
  }

  let batch: string[] = [];
  let chars = 0;
  let done = 0;
  let rows = 0;
  const flush = async (table: BackupHeader["tables"][number]): Promise<void> => {
    if (batch.length === 0) return;
    const target = byName.get(table.name);
    if (!target) return;
    const inserted = await insertBatch(sql, target, batch);
    if (inserted !== batch.length)
      throw new Error(`Table ${table.name}: ${inserted} of ${batch.length} rows inserted.`);
    done += batch.length;
    rows += batch.length;
    batch = [];
    chars = 0;
    options.onProgress?.({ table: table.name, done, total: table.rows });
  };
  // Read again (checked again: a file changed since the check fails here, and the transaction rolls back).
  await readBackup(
    file,
    {
      row: async (table, line) => {
        batch.push(line);
        chars += line.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush(table);
      },
      tableEnd: async (table) => {
        await flush(table);
        if (table.rows === 0) options.onProgress?.({ table: table.name, done: 0, total: 0 });
        done = 0;
      },
    },
    { validateRows: false },
  );

  for (const sequence of header.sequences) {
    await sql.query(
      `SELECT setval($1::regclass, $2::bigint, $3::boolean)::text`,
      ident(sequence.name),
      sequence.lastValue,
      sequence.isCalled,
    );
  }
  return { tables: header.tables.length, rows, replaced };
}

/** The database must have the backup's tables and columns, no more and no fewer: the same schema. */
function checkTables(header: BackupHeader, tables: readonly Table[]): void {
  const describe = (columns: ReadonlyArray<{ name: string; type: string }>) =>
    columns.map((column) => `${column.name} ${column.type}`).join(", ");
  const ours = new Map(tables.map((table) => [table.name, table]));
  for (const table of header.tables) {
    const target = ours.get(table.name);
    if (!target) throw new RestoreRefusedError(`The database has no table ${table.name}, which the backup has.`);
    if (describe(target.columns) !== describe(table.columns)) {
      throw new RestoreRefusedError(`Table ${table.name} has other columns in the database than in the backup.`);
    }
  }
  const extra = tables.filter((table) => !header.tables.some((t) => t.name === table.name));
  if (extra.length > 0) {
    throw new RestoreRefusedError(
      `The database has tables the backup does not (${extra.map((t) => t.name).join(", ")}).`,
    );
  }
}

/** Inserts rows (JSON arrays of text forms) in one statement; each value is cast from its text form. */
async function insertBatch(sql: Sql, table: Table, lines: readonly string[]): Promise<number> {
  const columns = table.columns.map((column) => ident(column.name)).join(", ");
  const values = table.columns.map((column, index) => `(r ->> ${index})::${column.type}`).join(", ");
  const [row] = await sql.query<{ n: string }>(
    `WITH inserted AS (
       INSERT INTO ${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${values} FROM json_array_elements($1::json) AS r
       RETURNING 1
     ) SELECT count(*)::text AS n FROM inserted`,
    `[${lines.join(",")}]`,
  );
  return Number(row?.n ?? 0);
}
