/**
 * `npm run backup -- <file> [--force]`: a consistent backup of the configured database (PostgreSQL when DATABASE_URL
 * is set, else the embedded one in ACCORDWATCH_DATA) to <file>, gzip-compressed when it ends in `.gz`. The format
 * and its reasons are in README.md, "Backup and restore". An existing file is kept unless --force.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describeTarget, getDatabase } from "@/lib/db/client";
import { backupDatabase } from "@/lib/db/backup/dump";
import { CommandError, parseCommandLine, runCommand } from "./lib/cli";
import { formatBytes, tableProgress } from "./lib/progress";

const USAGE = "npm run backup -- <file> [--force]";

await runCommand(async () => {
  const options = parseCommandLine(
    USAGE,
    { force: { type: "boolean", default: false } },
    z.object({
      force: z.boolean(),
      positionals: z.array(z.string()).length(1, "give the file to write, e.g. accordwatch.backup.jsonl.gz"),
    }),
  );
  const file = path.resolve(options.positionals[0] ?? "");
  if (existsSync(file) && !options.force) {
    throw new CommandError(`${file} exists already: choose another name, or give --force to overwrite it.`);
  }
  const started = performance.now();
  const database = await getDatabase();
  process.stderr.write(`Backing up the ${describeTarget(database.target)} to ${file}…\n`);
  const summary = await backupDatabase(database, file, { onProgress: tableProgress() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backed up ${summary.tables} tables, ${summary.rows.toLocaleString("en")} rows ` +
      `(${summary.migrations} migrations) to ${file}: ${formatBytes(summary.bytes)} in ${seconds} s.`,
  );
});
