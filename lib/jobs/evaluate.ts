/**
 * The daily evaluation: the job function of the `evaluate-health` queue (lib/jobs/runner.ts), scheduled by cron
 * (EVALUATION_CRON) and run once when a worker starts, to catch up on a day the machine was off. For every
 * organisation, evaluateHealth (lib/data/health-evaluation.ts) records what is new as of `day`; then one job per
 * webhook delivery and per member with an email pending is queued.
 */
import { evaluateHealth, listOrganisationsToEvaluate, type OrganisationEvaluation } from "@/lib/data/health-evaluation";
import { logger } from "@/lib/log/logger";
import { EVALUATION_ACTOR } from "./system";

/** How the evaluation hands on what it made: the runner queues jobs; a test may collect them. */
export interface Enqueue {
  deliverWebhook(organisation: string, deliveryId: string): Promise<void>;
  sendEmail(organisation: string, userId: string): Promise<void>;
}

export interface EvaluationRunOptions {
  /** Whether an SMTP server is configured: the notifications made are then emailed. */
  readonly email: boolean;
  readonly enqueue: Enqueue;
}

/**
 * Evaluates every organisation as of `day` (`YYYY-MM-DD`). An organisation that fails does not stop the others; the
 * first failure is thrown at the end, so that the job is retried (evaluating again is harmless: nothing recorded is
 * recorded twice).
 */
export async function runDailyEvaluation(
  day: string,
  options: EvaluationRunOptions,
): Promise<OrganisationEvaluation[]> {
  const results: OrganisationEvaluation[] = [];
  let failure: unknown = null;
  for (const organisation of await listOrganisationsToEvaluate(EVALUATION_ACTOR)) {
    try {
      const result = await evaluateHealth(EVALUATION_ACTOR, organisation, day, { email: options.email });
      for (const deliveryId of result.deliveryIds) await options.enqueue.deliverWebhook(organisation, deliveryId);
      for (const userId of result.emailUserIds) await options.enqueue.sendEmail(organisation, userId);
      const recorded = result.agreements.reduce((n, a) => n + a.recorded, 0);
      if (recorded > 0) {
        logger.info(
          {
            organisation,
            day,
            recorded,
            baseline: result.agreements.reduce((n, a) => n + a.baseline, 0),
            notifications: result.agreements.reduce((n, a) => n + a.notifications, 0),
            deliveries: result.deliveryIds.length,
          },
          "health transitions recorded",
        );
      }
      results.push(result);
    } catch (error) {
      logger.error({ organisation, day, err: error }, "daily evaluation failed");
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
  return results;
}
