/**
 * `npm run bench:scale:generate -- --database-url postgres://…/db [--fresh] [--scale 0.1] [--seed N]`
 *
 * Migrates the database and fills it with the Scale dataset (bench/scale/generator.ts; bench/README.md, "Scale"),
 * then prints the row counts and the time each phase took. `--fresh` drops and creates the database first (local
 * servers only). `--scale` multiplies every volume (default 1: 1,000 agreements, 200,000 commitments, 1,000,000
 * milestones, 2,000,000 evidence links); the 2,000-milestone agreement is always there.
 */
import { parseArgs } from "node:util";

import pg from "pg";

import { assertLocalDatabaseUrl } from "../../tests/support/postgres";
import { BIG_AGREEMENT, BIG_ORGANISATION, connect, FULL_SCALE, generateScale, type ScaleOptions } from "./generator";

export function scaled(factor: number, seed: number): ScaleOptions {
  const n = (value: number) => Math.max(1, Math.round(value * factor));
  return {
    ...FULL_SCALE,
    seed,
    organisations: Math.min(FULL_SCALE.organisations, n(FULL_SCALE.organisations)),
    agreements: n(FULL_SCALE.agreements),
    commitments: n(FULL_SCALE.commitments),
    milestones: n(FULL_SCALE.milestones),
    evidenceLinks: n(FULL_SCALE.evidenceLinks),
    sourcesPerOrganisation: Math.max(4_000, n(FULL_SCALE.sourcesPerOrganisation)),
  };
}

/** Drops and creates the database of `url` through the server's `postgres` database. */
export async function recreateDatabase(url: string): Promise<void> {
  assertLocalDatabaseUrl(url);
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name) || name === "postgres") throw new Error(`refusing to recreate database "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      fresh: { type: "boolean", default: false },
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: String(FULL_SCALE.seed) },
    },
  });
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("usage: npm run bench:scale:generate -- --database-url postgres://… [--fresh] [--scale F]");
  const factor = Number(values.scale);
  const seed = Number(values.seed);
  if (!(factor > 0) || !Number.isInteger(seed)) throw new Error("--scale must be > 0 and --seed an integer");
  if (values.fresh) await recreateDatabase(url);

  const options = scaled(factor, seed);
  const client = await connect(url);
  try {
    const report = await generateScale(client, options, {
      log: (line) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`),
    });
    console.log("\nrows:");
    for (const [table, count] of Object.entries(report.counts)) {
      console.log(`  ${table.padEnd(24)} ${count.toLocaleString("en-GB").padStart(10)}`);
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const { drop, load, rebuild, analyze } = report.timings;
    console.log(
      `\ngenerated in ${s(report.totalMs)} (drop indexes ${s(drop)}, load ${s(load)}, ` +
        `indexes and foreign keys ${s(rebuild)}, VACUUM ANALYZE ${s(analyze)})`,
    );
    const size = await client.query<{ size: string }>(
      "SELECT pg_size_pretty(pg_database_size(current_database())) AS size",
    );
    console.log(
      `database size ${size.rows[0]!.size}; the 2,000-milestone agreement: /${BIG_ORGANISATION}/${BIG_AGREEMENT}`,
    );
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
