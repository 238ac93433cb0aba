/**
 * What the app's process does on SIGTERM or SIGINT (a deploy's restart, `systemctl stop`, Ctrl-C), beside Next.js:
 * `next start` closes its HTTP server on those signals, waits for the requests in flight, and then calls
 * `process.exit(143)` (130 for SIGINT) at once (next/dist/server/lib/start-server.js), which would cut short a job
 * the scheduled work is running and leave the embedded database's files as they were mid-write. So, from the signal:
 *  1. the scheduled work stops (in-process.ts: no new job is taken, the running ones finish, pg-boss stops), while
 *     Next.js finishes its requests;
 *  2. the exit Next.js asks for waits for that, then the database is closed (after the requests: they may use it);
 *  3. the process exits 0, a clean stop to a supervisor (systemd counts an exit code of 143 as a failure); 1 if a
 *     step failed.
 * With NEXT_MANUAL_SIG_HANDLE set, Next.js leaves the signals alone: then this exits by itself after the same steps.
 * A second signal while stopping changes nothing; the supervisor's own timeout (TimeoutStopSec) is the last word.
 */
import { closeDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { stopInProcessJobs } from "./in-process";

interface Slot {
  installed?: boolean;
  stopping?: Promise<number>;
  finishing?: Promise<never>;
}

/** On globalThis, as in-process.ts: once per process. */
const SLOT_KEY = Symbol.for("accordwatch.shutdown");
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[SLOT_KEY] ??= {});

async function stopJobs(signal: NodeJS.Signals): Promise<number> {
  logger.info({ signal }, "stopping: letting running jobs finish");
  try {
    const hadRunner = await stopInProcessJobs();
    if (hadRunner) logger.info("scheduled work stopped");
    return 0;
  } catch (error) {
    logger.error({ err: error }, "scheduled work did not stop cleanly");
    return 1;
  }
}

async function closeDatabase(): Promise<number> {
  try {
    await closeDb();
    return 0;
  } catch (error) {
    logger.error({ err: error }, "the database did not close cleanly");
    return 1;
  }
}

/** Installs the handlers (once per process). */
export function stopWithProcess(): void {
  if (slot.installed) return;
  slot.installed = true;
  const exit = process.exit.bind(process);
  const finish = (): Promise<never> =>
    (slot.finishing ??= (async () => {
      const jobs = await (slot.stopping ?? Promise.resolve(0));
      const code = Math.max(jobs, await closeDatabase());
      logger.info({ code }, "stopped");
      return exit(code);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    if (slot.stopping !== undefined) return;
    slot.stopping = stopJobs(signal);
    if (process.env.NEXT_MANUAL_SIG_HANDLE) void finish();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  // Next.js's exit after a signal: deferred until the steps above are done. Any other exit is left as it is.
  process.exit = ((code?: number | string | null) => {
    if (slot.stopping === undefined) return exit(code);
    void finish();
    return undefined as never;
  }) as typeof process.exit;
}
