/**
 * The scheduled work inside the app's own process (instrumentation.ts), so that `npm install && npm start` does
 * everything: on the embedded database there is no other way (PGlite is one process's), and on PostgreSQL it saves
 * running a worker. `ACCORDWATCH_JOBS=off` turns it off for an app whose jobs `npm run worker` runs instead.
 * Never throws: a database unreachable at start-up is retried every 30 s, and the app serves meanwhile.
 * Stopped with the process (shutdown.ts): stopInProcessJobs.
 */
import { getJobsSettings } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startJobRunner, type JobRunner } from "./runner";

const RETRY_MS = 30_000;

interface Slot {
  started?: boolean;
  /** Set by stopInProcessJobs: no attempt starts a runner after it. */
  stopped?: boolean;
  runner?: JobRunner;
  /** The attempt in flight (startJobRunner), which stopInProcessJobs waits for. */
  starting?: Promise<void>;
  retry?: NodeJS.Timeout;
}

/** On globalThis: `next dev` evaluates modules again on changes, and the work must start once per process. */
const SLOT_KEY = Symbol.for("accordwatch.jobs");
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[SLOT_KEY] ??= {});

export function startInProcessJobs(): void {
  if (slot.started) return;
  slot.started = true;
  let settings;
  try {
    settings = getJobsSettings();
  } catch (error) {
    logger.error({ err: error }, "scheduled work not started: invalid environment");
    return;
  }
  if (!settings.inProcess) {
    logger.info("scheduled work off in this process (ACCORDWATCH_JOBS=off): run `npm run worker`");
    return;
  }
  const attempt = async (): Promise<void> => {
    slot.retry = undefined;
    if (slot.stopped) return;
    try {
      slot.runner = await startJobRunner({ settings });
    } catch (error) {
      if (slot.stopped) return;
      logger.error({ err: error }, "scheduled work could not start; trying again in 30 s");
      slot.retry = setTimeout(() => void (slot.starting = attempt()), RETRY_MS).unref();
    }
  };
  slot.starting = attempt();
}

/**
 * Stops the scheduled work of this process: no retry starts it any more, an attempt in flight is waited for, and the
 * runner stops its workers once the jobs they run have finished (JobRunner.stop: pg-boss's graceful stop, at most
 * 10 s). Whether it had a runner to stop. Never throws.
 */
export async function stopInProcessJobs(): Promise<boolean> {
  slot.stopped = true;
  clearTimeout(slot.retry);
  slot.retry = undefined;
  await slot.starting;
  const runner = slot.runner;
  slot.runner = undefined;
  if (runner === undefined) return false;
  await runner.stop();
  return true;
}
