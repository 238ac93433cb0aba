/**
 * What a backup covers, read from the database's catalog rather than from schema.prisma: every table of the current
 * schema (the app's tables, the audit log, users and sessions, rate limits, `_prisma_migrations`), their columns
 * (generated ones excepted: the database computes them), and the sequences (the audit log's ids).
 */
import { ident, type Sql } from "./sql";

export interface Column {
  readonly name: string;
  /** As format_type writes it, e.g. `timestamp(3) with time zone`, `text[]`, `"role"`. */
  readonly type: string;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Primary key columns, in key order (rows are written in that order). */
  readonly key: readonly string[];
  /** Has triggers of its own (audit_events refuses TRUNCATE): disabled while its rows are replaced under --force. */
  readonly hasUserTriggers: boolean;
}

export interface SequenceValue {
  readonly name: string;
  /** bigint, as text. */
  readonly lastValue: string;
  readonly isCalled: boolean;
}

/** The tables of the current schema, parents before children (foreign keys), then by name. */
export async function readTables(sql: Sql): Promise<Table[]> {
  const rows = await sql.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
  );
  const keys = await sql.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey::int2[])
      WHERE n.nspname = current_schema() AND i.indisprimary
      ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const triggers = await sql.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS "table"
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal`,
  );
  const references = await sql.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );

  const columns = new Map<string, Column[]>();
  for (const row of rows) {
    const list = columns.get(row.table) ?? [];
    list.push({ name: row.column, type: row.type });
    columns.set(row.table, list);
  }
  const withTriggers = new Set(triggers.map((row) => row.table));
  const tables = [...columns.entries()].map(([name, cols]): Table => ({
    name,
    columns: cols,
    key: keys.filter((row) => row.table === name).map((row) => row.column),
    hasUserTriggers: withTriggers.has(name),
  }));
  return dependencyOrder(tables, references);
}

/**
 * Parents first, so that inserting in this order satisfies every foreign key. A table that references itself would
 * need its rows in order too, and a cycle between tables has no order at all: neither exists in schema.prisma, and
 * both are refused here rather than restored wrongly.
 */
export function dependencyOrder(
  tables: readonly Table[],
  references: ReadonlyArray<{ child: string; parent: string }>,
): Table[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const parents = new Map<string, Set<string>>(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child === parent) throw new Error(`Table ${child} references itself: backup does not support that yet.`);
    if (byName.has(child) && byName.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: Table[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...parents.entries()]
      .filter(([name, needs]) => !done.has(name) && [...needs].every((parent) => done.has(parent)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      const left = tables.filter((table) => !done.has(table.name)).map((table) => table.name);
      throw new Error(`The foreign keys between ${left.join(", ")} form a cycle: no order to restore them in.`);
    }
    for (const name of ready) {
      done.add(name);
      const table = byName.get(name);
      if (table) ordered.push(table);
    }
  }
  return ordered;
}

export async function readSequences(sql: Sql): Promise<SequenceValue[]> {
  const names = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await sql.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${ident(name)}`,
    );
    if (row) values.push({ name, lastValue: row.lastValue, isCalled: row.isCalled });
  }
  return values;
}

/** Rows per table. */
export async function countRows(sql: Sql, tables: readonly Table[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const [row] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(table.name)}`);
    counts.set(table.name, Number(row?.n ?? 0));
  }
  return counts;
}
