/**
 * Errors of the database layer that a person must act on. Their messages are ONE line that names the problem and
 * what to check, and never contain a password: command-line entry points print `error.message` alone (no stack) and
 * exit 1.
 */

/** The configured database cannot be used: unreachable server, wrong credentials, unopenable data folder… */
export class DatabaseUnavailableError extends Error {
  override readonly name: string = "DatabaseUnavailableError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The configuration itself is wrong (e.g. DATABASE_URL is not a PostgreSQL URL): unavailable by definition. */
export class DatabaseConfigError extends DatabaseUnavailableError {
  override readonly name: string = "DatabaseConfigError";
}

/** The migrations folder and the database disagree (an applied migration was edited, or one failed earlier). */
export class MigrationError extends Error {
  override readonly name: string = "MigrationError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
