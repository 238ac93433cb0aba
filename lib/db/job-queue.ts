/**
 * The job queue (pg-boss) on the configured database, beside the Prisma client: its tables live in their own schema
 * (`pgboss`) of the same database, which the app's migrations, its schema check and its backups leave alone.
 *
 * - PostgreSQL: pg-boss's own small pool on DATABASE_URL (LISTEN/NOTIFY is not used: pg-boss 10 polls).
 * - PGlite: pg-boss's documented `db` option (an object with `executeSql(text, values)`) over the process's one PGlite
 *   instance, the very one Prisma uses. PGlite runs one statement at a time and queues the rest, and Prisma's
 *   interactive transactions hold it whole (pglite-prisma-adapter uses PGlite's own `transaction`), so a job query
 *   never lands inside a request's transaction. pg-boss sends its multi-statement scripts (schema creation, its
 *   migrations, `BEGIN; … COMMIT;` blocks) without parameters, as node-postgres' simple query protocol allows: those
 *   go through PGlite's `exec`, everything else through `query`.
 */
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Database } from "./client";

export { PgBoss };

/** pg-boss's schema in the app's database. */
export const JOB_SCHEMA = "pgboss";

/** pg-boss's `db` option over a PGlite instance: node-postgres' answers, as pg-boss reads them. */
export function pgliteJobDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values === undefined || values.length === 0) {
        try {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        } catch (error) {
          // A script that failed inside its own BEGIN leaves PGlite's one session in an aborted transaction, where a
          // pooled node-postgres connection would simply be dropped: end it, or every later query fails.
          await pglite.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows as unknown[] };
    },
  };
}

export type JobQueueOptions = Omit<PgBoss.ConstructorOptions, "db" | "connectionString" | "schema">;

/** A pg-boss instance on `database` (not started). Its errors are emitted as `error` events: listen for them. */
export function openJobQueue(database: Database, options: JobQueueOptions = {}): PgBoss {
  if (database.target.kind === "postgres") {
    return new PgBoss({
      application_name: "accordwatch-jobs",
      max: 3,
      ...options,
      connectionString: database.target.url,
      schema: JOB_SCHEMA,
    });
  }
  if (database.pglite === undefined) throw new Error("The embedded database has no PGlite instance to queue jobs on.");
  return new PgBoss({ ...options, db: pgliteJobDb(database.pglite), schema: JOB_SCHEMA });
}
