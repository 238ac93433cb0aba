/**
 * The SQL that backup and restore need, over one Prisma transaction (so over one connection: a cursor, SET LOCAL
 * and the snapshot of a REPEATABLE READ transaction all hold across statements), on either engine.
 */
import type { Prisma } from "../generated/prisma/client";

export interface Sql {
  query<Row>(sql: string, ...params: unknown[]): Promise<Row[]>;
  execute(sql: string, ...params: unknown[]): Promise<void>;
}

export function transactionSql(tx: Prisma.TransactionClient): Sql {
  return {
    query: <Row>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
    execute: async (sql: string, ...params: unknown[]) => {
      await tx.$executeRawUnsafe(sql, ...params);
    },
  };
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Text forms that read back the same on any server, whatever its configuration (pg_dump's own choices): ISO dates in
 * UTC, floats with every digit, bytea in hex. Local to the transaction.
 */
export async function setCanonicalText(sql: Sql): Promise<void> {
  for (const setting of [
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL extra_float_digits = 3",
    "SET LOCAL bytea_output = 'hex'",
  ]) {
    await sql.execute(setting);
  }
}
