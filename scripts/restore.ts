/**
 * `npm run restore -- <file> [--force]`: puts a backup made by `npm run backup` back into the configured database,
 * exactly. Refuses, with one line and changing nothing, a missing or damaged file, a backup of another schema, and
 * a database that has data unless --force (which replaces all of it). See README.md, "Backup and restore".
 */
import path from "node:path";
import { z } from "zod";
import { configuredTarget, describeTarget, getDatabase } from "@/lib/db/client";
import { BackupFileError } from "@/lib/db/backup/format";
import { restoreDatabase, RestoreRefusedError } from "@/lib/db/backup/restore";
import { CommandError, parseCommandLine, runCommand } from "./lib/cli";
import { tableProgress } from "./lib/progress";

const USAGE = "npm run restore -- <file> [--force]";

await runCommand(async () => {
  const options = parseCommandLine(
    USAGE,
    { force: { type: "boolean", default: false } },
    z.object({
      force: z.boolean(),
      positionals: z.array(z.string()).length(1, "give the backup file to restore"),
    }),
  );
  const file = path.resolve(options.positionals[0] ?? "");
  const started = performance.now();
  const where = describeTarget(configuredTarget());
  let summary;
  try {
    summary = await restoreDatabase(getDatabase, file, {
      force: options.force,
      onProgress: tableProgress(),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof BackupFileError || error instanceof RestoreRefusedError) {
      throw new CommandError(`${error.message} Nothing was changed.`);
    }
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Restored ${summary.tables} tables, ${summary.rows.toLocaleString("en")} rows into the ${where}` +
      `${summary.replaced ? " (its previous data replaced)" : ""} in ${seconds} s.`,
  );
  if (summary.newerMigrations.length > 0) {
    console.log(
      `This version has ${summary.newerMigrations.length} migration(s) newer than the backup: ` +
        `npm run db:migrate (or npm start) applies them.`,
    );
  }
});
