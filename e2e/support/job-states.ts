/**
 * Run by e2e/shutdown.spec.ts (`node --import tsx`, on the spec's own database, the app stopped): opens the database
 * (the embedded one refuses a folder left locked or half-written) and prints how many of pg-boss's jobs are in each
 * state, as one line of JSON.
 */
import { closeDb, getDatabase } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/db/job-queue";

const database = await getDatabase();
const rows = await database.prisma.$queryRawUnsafe<{ state: string; n: number }[]>(
  `SELECT state::text AS state, count(*)::int AS n FROM ${JOB_SCHEMA}.job GROUP BY state`,
);
await closeDb();
process.stdout.write(`${JSON.stringify(Object.fromEntries(rows.map((r) => [r.state, r.n])))}\n`);
