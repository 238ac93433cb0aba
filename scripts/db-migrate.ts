/**
 * `npm run db:migrate`: applies pending migrations (prisma/migrations) to the configured database — PostgreSQL when
 * DATABASE_URL is set, else the embedded database in ACCORDWATCH_DATA — and says what it applied.
 * A database that cannot be reached, or migrations that disagree with it, end it with one line on stderr and exit 1.
 */
import { closeDb, describeTarget, configuredTarget, prepareDatabase } from "../lib/db/client";
import { DatabaseUnavailableError, MigrationError } from "../lib/db/errors";

async function main(): Promise<number> {
  const target = configuredTarget();
  const { applied } = await prepareDatabase({ log: (line) => console.log(line) });
  console.log(
    applied.length === 0
      ? `The ${describeTarget(target)} is up to date.`
      : `Applied ${applied.length} migration(s) to the ${describeTarget(target)}.`,
  );
  return 0;
}

main()
  .catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  })
  .then(async (code) => {
    await closeDb().catch(() => undefined);
    process.exit(code);
  });
