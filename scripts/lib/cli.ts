/**
 * Shared plumbing of the command-line entry points: argument parsing through one zod schema per command, and
 * turning expected failures into one clear line on stderr (exit 1) instead of a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { LOCALES } from "@/lib/domain/locale";
import { closeDb } from "@/lib/db/client";
import { DatabaseUnavailableError, MigrationError } from "@/lib/db/errors";
import { ForbiddenError } from "@/lib/auth/policy";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { createLogger } from "@/lib/log/logger";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * An organisation's scorecard is at `/{org}`: a slug may not be the first segment of another page of the app, nor a
 * language prefix (`/fr/…`).
 */
export const RESERVED_ORGANISATION_SLUGS: readonly string[] = [
  ...LOCALES,
  "api",
  "w",
  "signin",
  "account",
  "invite",
  "embed",
  // The probes (app/healthz, app/readyz).
  "healthz",
  "readyz",
];

export const orgSlugSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "expected text") })
  .regex(/^[a-z0-9-]{1,80}$/, "expected an organisation slug ([a-z0-9-], 1–80 characters)")
  .refine((slug) => !RESERVED_ORGANISATION_SLUGS.includes(slug), {
    error: (issue) =>
      `"${String(issue.input)}" is the address of another page (reserved: ${RESERVED_ORGANISATION_SLUGS.join(", ")})`,
  });

/** The day of `--as-of`: the open-data API's `asOf` schema, so that both refuse the same values in the same words. */
export { asOfSchema } from "@/lib/domain/api/params";

/** Parses argv with node's parser, then validates the values with `schema`; errors name the option. */
export function parseCommandLine<S extends z.ZodType>(
  usage: string,
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
  argv: string[] = process.argv.slice(2),
): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? `--${issue.path.join(".")}: ` : "";
      return `${field}${issue.message}`;
    });
    throw new UsageError(`${lines.join("\n")}\nusage: ${usage}`);
  }
  return result.data;
}

/**
 * Runs a command: expected failures print one line (or the usage) and exit 1; the database is always closed.
 * With `exit: false` a success returns instead of exiting, for a script that goes on (npm start).
 */
export async function runCommand(main: () => Promise<number | void>, { exit = true } = {}): Promise<void> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof MigrationError ||
      error instanceof ForbiddenError ||
      error instanceof ConflictError ||
      error instanceof NotFoundError ||
      error instanceof CommandError
    ) {
      console.error(error.message);
    } else {
      // A bug, not a situation to explain: the whole error, as a JSON log line on stderr (standard output may be
      // the command's data, e.g. `npm run export > file`), through the logger's redaction.
      createLogger({ destination: 2 }).error({ err: error }, "command failed");
    }
    code = 1;
  } finally {
    await closeDb().catch(() => undefined);
  }
  if (exit || code !== 0) process.exit(code);
}

/** A failure the user can act on, printed as is. */
export class CommandError extends Error {
  override readonly name = "CommandError";
}
