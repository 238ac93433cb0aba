/**
 * The environment the app reads, validated once with zod (STYLE.md: "Environment variables are read in one module").
 * Secrets come from here only, never from files in the repository. Messages name the variable, never its value.
 *
 * The database variables (DATABASE_URL, ACCORDWATCH_DATA) are read by lib/db/client.ts, which has its own errors;
 * DATABASE_REPLICA_URLS is validated here (parseReplicaUrls) for lib/db/client.ts.
 */
import { z } from "zod";

/** Filled in when all three OIDC_* variables are set; see README.md, "Signing in". */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The button says "Sign in with <name>". */
  readonly name: string;
}

export interface AppEnv {
  readonly production: boolean;
  /** Undefined only outside production, where NextAuth derives a development secret itself. */
  readonly nextAuthSecret: string | undefined;
  readonly nextAuthUrl: string | undefined;
  /**
   * Session cookies carry `Secure` (and NextAuth's `__Secure-` prefix) only in production over https: a browser
   * drops a Secure cookie set over plain http, so `npm start` on http://localhost would otherwise never stay signed in.
   */
  readonly secureCookies: boolean;
  readonly oidc: OidcSettings | null;
}

type Source = Readonly<Record<string, string | undefined>>;

/** An empty value (`OIDC_ISSUER=` in a compose file) means "not set". */
const optional = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);

const schema = z
  .object({
    NODE_ENV: z.string().optional(),
    NEXTAUTH_SECRET: optional.pipe(
      z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
    ),
    NEXTAUTH_URL: optional.pipe(
      z
        .url({ protocol: /^https?$/, error: "must be the app's public URL, e.g. https://accordwatch.example.org" })
        .optional(),
    ),
    OIDC_ISSUER: optional.pipe(z.url({ protocol: /^https?$/, error: "must be the issuer's URL" }).optional()),
    OIDC_CLIENT_ID: optional,
    OIDC_CLIENT_SECRET: optional,
    OIDC_NAME: optional,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.NEXTAUTH_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required in production (e.g. `openssl rand -base64 32`)",
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    // Half a single sign-on configuration is a mistake to report, not a reason to quietly hide the button.
    if (oidc.some((v) => v !== undefined) && oidc.some((v) => v === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)",
      });
    }
  });

export type ParsedEnv = { ok: true; env: AppEnv } | { ok: false; errors: string[] };

/** Validates `source` (default process.env); each error is one line starting with the variable's name. */
export function parseEnv(source: Source = process.env): ParsedEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    };
  }
  const env = result.data;
  const production = env.NODE_ENV === "production";
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          // The well-known document is at <issuer>/.well-known/openid-configuration: no trailing slash here.
          issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          name: env.OIDC_NAME ?? "Single sign-on",
        }
      : null;
  return {
    ok: true,
    env: {
      production,
      nextAuthSecret: env.NEXTAUTH_SECRET,
      nextAuthUrl: env.NEXTAUTH_URL,
      secureCookies: production && (env.NEXTAUTH_URL?.startsWith("https://") ?? false),
      oidc,
    },
  };
}

export class EnvError extends Error {
  override readonly name = "EnvError";
}

let cached: AppEnv | undefined;

/**
 * The validated environment, read on first use rather than at import: `next build` imports route modules with
 * NODE_ENV=production and no secret, and must not fail for it. Throws EnvError listing every problem.
 */
export function getEnv(): AppEnv {
  if (cached) return cached;
  const parsed = parseEnv();
  if (!parsed.ok) throw new EnvError(`Invalid environment:\n${parsed.errors.join("\n")}`);
  cached = parsed.env;
  return cached;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * LOG_LEVEL (README, "Logs"), default `info`. Read apart from getEnv: the logger must work before, and whatever, the
 * rest of the environment says; an unknown level counts as the default rather than stopping the server.
 */
export function logLevel(source: Source = process.env): LogLevel {
  const value = source.LOG_LEVEL?.trim().toLowerCase() ?? "";
  return (LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : "info";
}

// ---- Scheduled work (README, "Scheduled work and notifications") ----

export interface SmtpSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`: nodemailer's connection URL. A secret: never logged. */
  readonly url: string;
  /** The From of every email, e.g. `Accordwatch <noreply@example.org>`. */
  readonly from: string;
}

export interface JobsSettings {
  /** Whether the app process runs the jobs itself (ACCORDWATCH_JOBS, default on); off when `npm run worker` does. */
  readonly inProcess: boolean;
  /** When the daily evaluation runs: a cron expression in UTC (EVALUATION_CRON, default 03:00 every day). */
  readonly evaluationCron: string;
  /** Null: notifications are shown in the app only. */
  readonly smtp: SmtpSettings | null;
  /** How many times a webhook delivery is tried in all before it is given up (WEBHOOK_MAX_ATTEMPTS, default 8). */
  readonly webhookMaxAttempts: number;
  /** The first retry's delay, doubling at each retry (WEBHOOK_RETRY_DELAY_SECONDS, default 30). */
  readonly webhookRetryDelaySeconds: number;
  /** The app's public address, for the links in emails (NEXTAUTH_URL). */
  readonly appUrl: string | undefined;
}

export const DEFAULT_EVALUATION_CRON = "0 3 * * *";

/** A whole number between `min` and `max` written in a variable. */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`))
    .optional();
}

const jobsSchema = z
  .object({
    ACCORDWATCH_JOBS: optional.pipe(
      z.enum(["on", "off"], { error: "must be `on` (the default: the app runs the jobs) or `off`" }).optional(),
    ),
    EVALUATION_CRON: optional.pipe(
      z
        .string()
        .regex(/^\S+(\s+\S+){4,5}$/, "must be a cron expression of 5 (or 6) fields, e.g. `0 3 * * *`")
        .optional(),
    ),
    SMTP_URL: optional.pipe(
      z
        .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587" })
        .optional(),
    ),
    SMTP_FROM: optional,
    WEBHOOK_MAX_ATTEMPTS: optional.pipe(wholeNumber(1, 20)),
    WEBHOOK_RETRY_DELAY_SECONDS: optional.pipe(wholeNumber(1, 3600)),
    NEXTAUTH_URL: optional,
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL !== undefined && env.SMTP_FROM === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_FROM"],
        message: "is required with SMTP_URL: the From of the emails, e.g. `Accordwatch <noreply@example.org>`",
      });
    }
  });

export type ParsedJobsEnv = { ok: true; settings: JobsSettings } | { ok: false; errors: string[] };

/** Validates the scheduled work's variables in `source` (default process.env); errors name the variable only. */
export function parseJobsEnv(source: Source = process.env): ParsedJobsEnv {
  const result = jobsSchema.safeParse(source);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    };
  }
  const env = result.data;
  return {
    ok: true,
    settings: {
      inProcess: env.ACCORDWATCH_JOBS !== "off",
      evaluationCron: env.EVALUATION_CRON ?? DEFAULT_EVALUATION_CRON,
      smtp: env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null,
      webhookMaxAttempts: env.WEBHOOK_MAX_ATTEMPTS ?? 8,
      webhookRetryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS ?? 30,
      appUrl: env.NEXTAUTH_URL,
    },
  };
}

/** The scheduled work's settings; throws EnvError listing every problem. */
export function getJobsSettings(source: Source = process.env): JobsSettings {
  const parsed = parseJobsEnv(source);
  if (!parsed.ok) throw new EnvError(`Invalid environment:\n${parsed.errors.join("\n")}`);
  return parsed.settings;
}

// ---- Read replicas (deploy/README.md, "Read replicas") ----

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** What is wrong with one entry of DATABASE_REPLICA_URLS (`earlier`: the entries before it), or null. */
function replicaUrlProblem(entry: string, earlier: readonly string[]): string | null {
  if (entry === "") return "is empty (two commas in a row, or a comma at either end)";
  if (!POSTGRES_URL.test(entry)) return "must be a PostgreSQL URL starting with postgres:// or postgresql://";
  if (!URL.canParse(entry)) return "is not a URL (a password with @, / or : must be %-encoded)";
  if (earlier.includes(entry)) return "repeats an earlier entry";
  return null;
}

const replicaSchema = z
  .object({
    DATABASE_URL: optional,
    DATABASE_REPLICA_URLS: optional.pipe(
      z
        .string()
        .transform((value) => value.split(",").map((entry) => entry.trim()))
        // One issue per wrong entry (its first problem), each at the entry's index.
        .superRefine((entries, ctx) => {
          entries.forEach((entry, index) => {
            const problem = replicaUrlProblem(entry, entries.slice(0, index));
            if (problem !== null) ctx.addIssue({ code: "custom", path: [index], message: problem });
          });
        })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_URLS !== undefined && env.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_REPLICA_URLS"],
        message: "needs DATABASE_URL: replicas are of a PostgreSQL server (the primary), not of the embedded database",
      });
    }
  });

export type ParsedReplicaUrls = { ok: true; urls: string[] } | { ok: false; errors: string[] };

/**
 * DATABASE_REPLICA_URLS in `source` (default process.env): the comma-separated URLs of read replicas of the server
 * at DATABASE_URL, which the anonymous public's reads may use (lib/data/reader.ts). Unset or empty: none. Each error
 * is one line naming the variable and the entry (from 1), never its value (it may hold a password).
 */
export function parseReplicaUrls(source: Source = process.env): ParsedReplicaUrls {
  const result = replicaSchema.safeParse(source);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const [variable, entry] = issue.path;
        const where = typeof entry === "number" ? ` (entry ${entry + 1})` : "";
        return `${String(variable ?? "environment")}${where}: ${issue.message}`;
      }),
    };
  }
  return { ok: true, urls: result.data.DATABASE_REPLICA_URLS ?? [] };
}
