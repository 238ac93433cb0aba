/**
 * Errors of the database layer that a person must act on. Their messages are ONE line that names the problem and
 * what to check, and never contain a password: command-line entry points print `error.message` alone (no stack) and
 * exit 1.
 */

/**
 * What marks a DatabaseUnavailableError, whichever copy of this module made it. Next.js bundles routes (and the
 * proxy) apart, each with its own copy of this class, while the process's database is shared through globalThis
 * (lib/db/client.ts, availability.ts): an error made by the copy that opened it reaches routes holding other copies,
 * where a prototype check would fail and a 503 would become a 500.
 */
const BRAND = Symbol.for("accordwatch.db.DatabaseUnavailableError");

/** The configured database cannot be used: unreachable server, wrong credentials, unopenable data folder… */
export class DatabaseUnavailableError extends Error {
  override readonly name: string = "DatabaseUnavailableError";
  readonly [BRAND] = true;

  /** `instanceof DatabaseUnavailableError` checks the brand; subclasses keep the usual prototype check. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== DatabaseUnavailableError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

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

// ---- Telling a lost database from any other failure ----

/** How long to wait for a PostgreSQL server to accept a connection before calling it unreachable. */
export const CONNECT_TIMEOUT_MS = 2_000;

const CONNECTION_ERROR_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  ENOENT: "no such socket",
  "28P01": "authentication failed",
  "28000": "access denied",
  "3D000": "database does not exist",
  "57P01": "the server is shutting down",
  "57P02": "the server is shutting down",
  "57P03": "the server is starting up",
  "53300": "too many connections",
  // Class 08, connection exceptions.
  "08000": "connection failure",
  "08001": "connection failure",
  "08003": "connection failure",
  "08004": "the server refused the connection",
  "08006": "connection failure",
  // The same failures once Prisma has wrapped them (PrismaClientKnownRequestError codes).
  P1000: "authentication failed",
  P1001: "server unreachable",
  P1002: "the server timed out",
  P1003: "database does not exist",
  P1017: "the server closed the connection",
};

/** The same, as @prisma/adapter-pg names them (DriverAdapterError's `cause.kind`). */
const ADAPTER_ERROR_REASONS: Readonly<Record<string, string>> = {
  DatabaseNotReachable: "server unreachable",
  ConnectionClosed: "the server closed the connection",
  SocketTimeout: "the server timed out",
  TooManyConnections: "too many connections",
  DatabaseDoesNotExist: "database does not exist",
  DatabaseAccessDenied: "access denied",
  AuthenticationFailed: "authentication failed",
};

/**
 * The reason a connection failed, in a few words, when `error` is one; null otherwise (e.g. an SQL error).
 * Looks through `cause`, AggregateError members and Prisma's `meta.driverAdapterError`, where drivers and Prisma put
 * the original error.
 */
export function connectionFailureReason(error: unknown, timeoutMs: number = CONNECT_TIMEOUT_MS): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    const code = typeof candidate.code === "string" ? candidate.code : candidate.originalCode;
    if (typeof code === "string" && code in CONNECTION_ERROR_REASONS) {
      // The server's own words are the most precise (`role "x" does not exist`, `password authentication failed for
      // user "x"`) and never contain the password.
      // (Prisma's P1xxx are not the server's: their messages are Prisma's, over several lines.)
      const serverSaid = /^[0-9A-Z]{5}$/.test(code) && !/^P1\d{3}$/.test(code) && typeof candidate.message === "string";
      return serverSaid ? (String(candidate.message).split("\n")[0] ?? "") : (CONNECTION_ERROR_REASONS[code] ?? null);
    }
    if (typeof candidate.kind === "string" && candidate.kind in ADAPTER_ERROR_REASONS) {
      return ADAPTER_ERROR_REASONS[candidate.kind] ?? null;
    }
    if (typeof candidate.message === "string") {
      // pg's and pg-pool's own errors, which carry no code: a connection that was not accepted in time (pg's
      // "timeout expired", pg-pool's "Connection terminated due to connection timeout"). Not pg-pool's "timeout
      // exceeded when trying to connect": that one is the wait for a free connection of a full pool, which says the
      // process is busy, not that the server is gone (lib/db/client.ts, POOL_ACQUIRE_TIMEOUT_MS).
      if (/connection timeout|timeout expired/i.test(candidate.message)) {
        return `no answer within ${Math.round(timeoutMs / 1000)} s`;
      }
      if (/query read timeout/i.test(candidate.message)) return "the server stopped answering";
      if (/connection terminated/i.test(candidate.message)) return "the connection was closed";
    }
    queue.push(candidate.cause, candidate.meta?.driverAdapterError);
    if (Array.isArray(candidate.errors)) queue.push(...(candidate.errors as unknown[]));
  }
  return null;
}

/**
 * True when `error` means the database cannot be used right now (it could not be opened, or a query lost its
 * connection): callers answer 503 with Retry-After, or tell the person to try again; anything else is a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError || connectionFailureReason(error) !== null;
}
