/**
 * Notification emails: the job function of the `send-email` queue (lib/jobs/runner.ts). One email per member and
 * organisation with every notification whose email is pending, in the member's language, through the SMTP server of
 * SMTP_URL (nodemailer). A failure with attempts left throws, so that pg-boss retries it with backoff.
 *
 * At least once: SMTP has no way to make "sent" and "recorded as sent" one step, so a process that stops between
 * the two sends that email again on the retry.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { getPendingNotificationEmail, recordNotificationEmail } from "@/lib/data/deliveries";
import { notificationEmail } from "@/lib/domain/notification-email";
import type { SmtpSettings } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { EMAIL_ACTOR } from "./system";

export interface EmailOptions {
  readonly smtp: SmtpSettings;
  /** The app's public address, for the links (default http://localhost:3000). */
  readonly appUrl?: string | undefined;
  /** pg-boss says no retry follows this attempt. */
  readonly lastRetry?: boolean;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (transport === undefined) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** Closes the SMTP connections (a worker stopping). */
export function closeEmailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

export type EmailOutcome = "SENT" | "FAILED" | "SKIPPED";

export async function sendNotificationEmail(
  organisation: string,
  userId: string,
  options: EmailOptions,
): Promise<EmailOutcome> {
  const pending = await getPendingNotificationEmail(EMAIL_ACTOR, organisation, userId);
  if (pending === null) return "SKIPPED";
  const base = (options.appUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const prefix = pending.locale === "fr" ? "/fr" : "";
  const workspace = `${base}${prefix}/w/${encodeURIComponent(pending.organisation.slug)}`;
  const message = notificationEmail({
    locale: pending.locale,
    name: pending.name,
    organisationName: pending.organisation.name,
    transitions: pending.transitions.map((t) => ({ day: t.day, agreementTitle: t.agreement.title, texts: t.texts })),
    notificationsUrl: `${workspace}/notifications`,
    watchlistUrl: `${workspace}/watchlist`,
  });
  const fields = { organisation, userId, notifications: pending.notificationIds.length };
  try {
    await transportFor(options.smtp.url).sendMail({
      from: options.smtp.from,
      to: { name: pending.name, address: pending.to },
      subject: message.subject,
      text: message.text,
    });
  } catch (error) {
    // nodemailer's errors name the server and its answer; redact.ts blanks any password in them.
    if (options.lastRetry === true) {
      await recordNotificationEmail(EMAIL_ACTOR, organisation, userId, pending.notificationIds, "FAILED");
      logger.warn({ ...fields, err: error }, "notification email failed for good");
      return "FAILED";
    }
    logger.info({ ...fields, err: error }, "notification email failed; will retry");
    throw error;
  }
  await recordNotificationEmail(EMAIL_ACTOR, organisation, userId, pending.notificationIds, "SENT");
  logger.info(fields, "notification email sent");
  return "SENT";
}
