/**
 * `npm run backup`: every table of the database, read in one REPEATABLE READ transaction (one snapshot: the backup
 * is consistent even while the app writes, as pg_dump's is), written to a backup file (format.ts).
 */
import type { Database } from "../client";
import { Prisma } from "../generated/prisma/client";
import { countRows, readSequences, readTables, type Table } from "./catalog";
import { BACKUP_FORMAT, BACKUP_VERSION, createBackupWriter, type BackupHeader } from "./format";
import { ident, setCanonicalText, transactionSql, type Sql } from "./sql";

/** Rows fetched from the cursor at a time. */
const FETCH_ROWS = 2_000;
/** A backup may take long on a large database; nothing else holds this transaction's connection meanwhile. */
const TRANSACTION_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export interface Progress {
  readonly table: string;
  readonly done: number;
  readonly total: number;
}

export interface BackupOptions {
  /** Told after every batch of rows and at the end of every table. */
  readonly onProgress?: (progress: Progress) => void;
}

export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
  readonly bytes: number;
  readonly migrations: number;
}

export async function backupDatabase(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const writer = await createBackupWriter(file);
  try {
    const summary = await database.prisma.$transaction(
      async (tx) => {
        const sql = transactionSql(tx);
        await setCanonicalText(sql);
        const tables = await readTables(sql);
        const counts = await countRows(sql, tables);
        const migrations = await readMigrations(sql, tables);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          engine: database.target.kind,
          migrations,
          tables: tables.map((table) => ({
            name: table.name,
            columns: table.columns.map(({ name, type }) => ({ name, type })),
            rows: counts.get(table.name) ?? 0,
          })),
          sequences: await readSequences(sql),
        };
        await writer.line(JSON.stringify(header));
        let rows = 0;
        for (const table of tables) {
          const total = counts.get(table.name) ?? 0;
          await writer.line(JSON.stringify({ table: table.name }));
          const written = await dumpTable(sql, table, total, (line) => writer.line(line), options.onProgress);
          if (written !== total) {
            // Cannot happen in one snapshot; refuse rather than write a file that would not read back.
            throw new Error(`Table ${table.name} had ${total} rows counted and ${written} read.`);
          }
          rows += written;
        }
        return { tables: tables.length, rows, migrations: migrations.length };
      },
      {
        timeout: TRANSACTION_TIMEOUT_MS,
        maxWait: 30_000,
        // PGlite has one connection and so one transaction at a time: it needs no isolation level.
        ...(database.target.kind === "postgres"
          ? { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead }
          : {}),
      },
    );
    const bytes = await writer.finish(summary.rows);
    return { ...summary, bytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** The applied migrations, as the backup's header names them (restore checks them against its own). */
async function readMigrations(sql: Sql, tables: readonly Table[]): Promise<BackupHeader["migrations"]> {
  if (!tables.some((table) => table.name === "_prisma_migrations")) return [];
  return sql.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
}

/** Every row of `table` as a JSON array of its columns' text forms, in key order, through a cursor. */
async function dumpTable(
  sql: Sql,
  table: Table,
  total: number,
  write: (line: string) => Promise<void>,
  onProgress: BackupOptions["onProgress"],
): Promise<number> {
  const values = table.columns.map((column) => `${ident(column.name)}::text`).join(", ");
  const order = table.key.length > 0 ? ` ORDER BY ${table.key.map(ident).join(", ")}` : "";
  const cursor = "accordwatch_backup";
  await sql.execute(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${values}])::text AS line FROM ${ident(table.name)}${order}`,
  );
  let done = 0;
  try {
    for (;;) {
      const batch = await sql.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
      for (const { line } of batch) await write(line);
      done += batch.length;
      if (batch.length > 0) onProgress?.({ table: table.name, done, total });
      if (batch.length < FETCH_ROWS) break;
    }
  } finally {
    await sql.execute(`CLOSE ${cursor}`);
  }
  if (done === 0) onProgress?.({ table: table.name, done, total });
  return done;
}
