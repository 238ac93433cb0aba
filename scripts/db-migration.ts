/**
 * `npm run db:migration -- <name>`: writes the migration that takes the database the existing migrations produce
 * to what prisma/schema.prisma describes, as prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql (the folder
 * format of `prisma migrate dev`), plus migration_lock.toml. Prints "no changes" when there is nothing to do.
 *
 * It stands in for `prisma migrate dev --create-only`, which needs a native engine we cannot download: the same
 * engine, as WebAssembly, replays the migrations on an in-memory PGlite (the shadow database) and diffs
 * (lib/db/schema-engine.ts). No database server is needed; the SQL is never written by hand.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { migrationChecksum } from "../lib/db/migrate";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  diffMigrationsToSchema,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
} from "../lib/db/schema-engine";

const USAGE = "usage: npm run db:migration -- <name>   (e.g. add_watchlist)";

/** Prisma's folder name: the UTC time to the second, then the name. */
function timestamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  );
}

/** Like `prisma migrate dev --name`: anything but letters, digits and `_` becomes `_`. */
function folderSafeName(raw: string): string {
  return raw
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length !== 1 || args[0]?.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const name = folderSafeName(args[0] ?? "");
  if (!name) {
    console.error(`The migration name must contain letters or digits.\n${USAGE}`);
    return 2;
  }

  const diff = await diffMigrationsToSchema({ migrationsDir: DEFAULT_MIGRATIONS_DIR, schemaPath: DEFAULT_SCHEMA_PATH });
  if (diff.empty) {
    console.log("no changes");
    return 0;
  }

  const folder = path.join(DEFAULT_MIGRATIONS_DIR, `${timestamp(new Date())}_${name}`);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "migration.sql");
  await writeFile(file, diff.script, { flag: "wx" });
  await writeFile(path.join(DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
  console.log(
    `Wrote ${file} (sha256 ${migrationChecksum(diff.script)}). Review it, then apply it with npm run db:migrate.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
