/**
 * The scheduled work on the configured database (README, "Scheduled work and notifications"), with pg-boss:
 *
 * | queue             | job                                   | retries                                      |
 * |-------------------|---------------------------------------|----------------------------------------------|
 * | `evaluate-health` | the daily evaluation (evaluate.ts)    | 3, from 60 s, doubling                       |
 * | `deliver-webhook` | one attempt of a delivery (webhook.ts)| WEBHOOK_MAX_ATTEMPTS − 1, from WEBHOOK_RETRY_DELAY_SECONDS, doubling |
 * | `send-email`      | a member's pending emails (email.ts)  | 5, from 60 s, doubling                       |
 *
 * The evaluation runs on EVALUATION_CRON (pg-boss's cron: one instance sends it, however many workers run) and once
 * when a runner starts. A delivery's job has the delivery's id, so queueing it twice queues it once.
 *
 * The same runner serves `npm run worker` (scripts/worker.ts) and the app's own process (in-process.ts), on
 * PostgreSQL and on the embedded PGlite alike (lib/db/job-queue.ts).
 */
import { todayUtc } from "@/lib/clock";
import { listUnsentWork } from "@/lib/data/deliveries";
import { getDatabase, type Database } from "@/lib/db/client";
import { openJobQueue, type PgBoss } from "@/lib/db/job-queue";
import type { JobsSettings } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { closeEmailTransports, sendNotificationEmail } from "./email";
import { runDailyEvaluation, type Enqueue } from "./evaluate";
import { EVALUATION_ACTOR } from "./system";
import { deliverWebhook } from "./webhook";

export const QUEUES = {
  evaluate: "evaluate-health",
  webhook: "deliver-webhook",
  email: "send-email",
} as const;

/** Webhook workers per runner. */
const WEBHOOK_WORKERS = 4;

interface EvaluateJob {
  /** `YYYY-MM-DD`; absent (the cron's jobs): the day the job runs, in UTC. */
  readonly day?: string;
}
interface WebhookJob {
  readonly organisation: string;
  readonly deliveryId: string;
}
interface EmailJob {
  readonly organisation: string;
  readonly userId: string;
}

export interface JobRunnerOptions {
  readonly settings: JobsSettings;
  /** Default: the process's configured database (getDatabase). */
  readonly database?: Database;
  /** How often an idle worker looks for jobs (default 2 s; pg-boss's least is 0.5 s). */
  readonly pollingIntervalSeconds?: number;
  /** Evaluate today and queue unsent deliveries and emails on start (default true). */
  readonly catchUp?: boolean;
  /** Register the cron schedule (default true). */
  readonly schedule?: boolean;
}

export interface JobRunner {
  readonly boss: PgBoss;
  readonly enqueue: Enqueue;
  /** Queues an evaluation as of `day` (default: today when it runs); its job id, or null when one is queued already. */
  evaluate(day?: string): Promise<string | null>;
  /** Stops the workers (waiting for the jobs they run) and pg-boss. */
  stop(): Promise<void>;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { settings } = options;
  const database = options.database ?? (await getDatabase());
  const boss = openJobQueue(database, {
    // Completed jobs are kept a day for inspection, failed ones a week (pg-boss's own tables).
    archiveCompletedAfterSeconds: 24 * 60 * 60,
  });
  boss.on("error", (error: unknown) => logger.error({ err: error }, "job queue error"));
  await boss.start();

  await ensureQueue(boss, QUEUES.evaluate, {
    // At most one waiting and one running: a catch-up on every start of several instances evaluates once.
    policy: "stately",
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 60 * 60,
  });
  await ensureQueue(boss, QUEUES.webhook, {
    retryLimit: settings.webhookMaxAttempts - 1,
    retryDelay: settings.webhookRetryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  await ensureQueue(boss, QUEUES.email, { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 });

  const workers: Partial<Record<keyof typeof QUEUES, string>> = {};
  const notify = (queue: keyof typeof QUEUES) => {
    const id = workers[queue];
    if (id !== undefined) boss.notifyWorker(id);
  };
  const enqueue: Enqueue = {
    async deliverWebhook(organisation, deliveryId) {
      await boss.send(QUEUES.webhook, { organisation, deliveryId } satisfies WebhookJob, { id: deliveryId });
      notify("webhook");
    },
    async sendEmail(organisation, userId) {
      await boss.send(QUEUES.email, { organisation, userId } satisfies EmailJob);
      notify("email");
    },
  };

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
  workers.evaluate = await boss.work<EvaluateJob>(QUEUES.evaluate, polling, async ([job]) => {
    if (job === undefined) return;
    const day = job.data.day ?? todayUtc();
    await runDailyEvaluation(day, { email: settings.smtp !== null, enqueue });
  });
  // Several at once: one slow endpoint (up to its 10 s timeout) must not hold up every other delivery. One job per
  // fetch, so that a failure retries that delivery alone.
  for (let i = 0; i < WEBHOOK_WORKERS; i++) {
    workers.webhook = await boss.work<WebhookJob>(
      QUEUES.webhook,
      { ...polling, includeMetadata: true },
      async ([job]) => {
        if (job === undefined) return;
        await deliverWebhook(job.data.organisation, job.data.deliveryId, {
          maxAttempts: settings.webhookMaxAttempts,
          lastRetry: job.retryCount >= job.retryLimit,
        });
      },
    );
  }
  workers.email = await boss.work<EmailJob>(QUEUES.email, { ...polling, includeMetadata: true }, async ([job]) => {
    if (job === undefined) return;
    const { smtp } = settings;
    // Queued while SMTP was configured, run after it was not: the notifications stay in the app.
    if (smtp === null) return;
    await sendNotificationEmail(job.data.organisation, job.data.userId, {
      smtp,
      appUrl: settings.appUrl,
      lastRetry: job.retryCount >= job.retryLimit,
    });
  });

  if (options.schedule !== false) {
    await boss.schedule(QUEUES.evaluate, settings.evaluationCron, {}, { tz: "UTC" });
  }

  const evaluate = async (day?: string) => {
    const id = await boss.send(QUEUES.evaluate, day === undefined ? {} : ({ day } satisfies EvaluateJob));
    notify("evaluate");
    return id;
  };

  if (options.catchUp !== false) {
    await evaluate();
    // Work made by a process that stopped before queueing it: queueing again is harmless (ids, and pending-only).
    const unsent = await listUnsentWork(EVALUATION_ACTOR);
    for (const d of unsent.deliveries) await enqueue.deliverWebhook(d.organisation, d.deliveryId);
    if (settings.smtp !== null) for (const e of unsent.emails) await enqueue.sendEmail(e.organisation, e.userId);
  }

  logger.info(
    {
      engine: database.target.kind,
      cron: settings.evaluationCron,
      email: settings.smtp === null ? "off" : "smtp",
    },
    "scheduled work started",
  );

  return {
    boss,
    enqueue,
    evaluate,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      closeEmailTransports();
    },
  };
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  await boss.createQueue(name, { name, ...options });
  // createQueue leaves an existing queue as it was: settings changed since (WEBHOOK_MAX_ATTEMPTS…) apply from now on.
  await boss.updateQueue(name, { name, ...options });
}
