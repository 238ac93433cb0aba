/**
 * `npm run worker`: the scheduled work on its own (README, "Scheduled work and notifications"): the daily evaluation
 * on EVALUATION_CRON, notification emails and webhook deliveries, on the configured database. For PostgreSQL
 * deployments that run the app with ACCORDWATCH_JOBS=off (or that want more workers: pg-boss shares the jobs out).
 * On the embedded database it works only while the app is stopped (PGlite is one process's): `npm start` runs the
 * same jobs in-process. Applies pending migrations first, as `npm start` does. Stops on SIGINT or SIGTERM, letting the
 * jobs it runs finish.
 */
import { closeDb, configuredTarget, describeTarget, prepareDatabase } from "@/lib/db/client";
import { EnvError, getJobsSettings } from "@/lib/env";
import { startJobRunner } from "@/lib/jobs/runner";
import { CommandError, runCommand } from "./lib/cli";

await runCommand(async () => {
  let settings;
  try {
    settings = getJobsSettings();
  } catch (error) {
    if (error instanceof EnvError) throw new CommandError(error.message);
    throw error;
  }
  const { applied } = await prepareDatabase();
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const runner = await startJobRunner({ settings });
  console.log(
    `Worker running on the ${describeTarget(configuredTarget())}: daily evaluation at "${settings.evaluationCron}" ` +
      `(UTC), emails ${settings.smtp === null ? "off (no SMTP_URL)" : "through SMTP"}. Ctrl-C stops it.`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log("Stopping: letting running jobs finish…");
  await runner.stop();
  await closeDb();
});
