/**
 * Whether this process's PostgreSQL server answers, known without asking it on every request (README.md, "When the
 * database is down").
 *
 * The pool reports what it sees (lib/db/client.ts): a statement that succeeded, a connection that failed, an idle
 * connection the server closed (a stopping server closes them all at once). A failure does not condemn the server
 * on its own (one connection can be killed while the server is fine): it makes one probe, a fresh connection and
 * `SELECT 1`, and only a failed probe marks the server down. While it is down, nothing waits on it: getDb() throws
 * DatabaseUnavailableError at once (API, feeds and forms answer "unavailable" in microseconds instead of queueing on
 * a connect timeout), the proxy answers pages 503 (proxy.ts), and one probe a second looks for its return; the first
 * that succeeds puts everything back, without a restart.
 *
 * The state lives on globalThis: proxy.ts is bundled apart from the pages, so the two have separate copies of this
 * module, but Next.js runs a Node.js proxy in the same process (and realm) as the rendering. Nothing here may rely
 * on `instanceof` across those copies. Dependency-free but for ./errors, so that the proxy stays small.
 */
import { connectionFailureReason, DatabaseUnavailableError } from "./errors";
import { logger } from "@/lib/log/logger";

/** How often a server known to be down is probed. */
export const PROBE_INTERVAL_MS = 1_000;
/**
 * A statement still unanswered after this long makes a probe: a server that froze (or a network that dropped it)
 * answers nothing, not even an error, and would otherwise be noticed only when the statement times out.
 */
export const SLOW_STATEMENT_MS = 1_000;

export interface Outage {
  /** In a few words, never with a secret ("connection refused"). */
  readonly reason: string;
  /** Date.now() when the server was found down. */
  readonly since: number;
}

export interface AvailabilityOptions {
  /** Which server (its URL, never logged): the process's database gets a new availability when DATABASE_URL changes. */
  readonly key: string;
  /** Resolves when the server accepts a new connection and answers a query; rejects otherwise. Bounded in time. */
  readonly probe: () => Promise<void>;
  /** What the server is, for the log ("PostgreSQL database at host:port/name"). */
  readonly label: string;
  /** What the app does meanwhile, for the log. Default "answering 503 until it is back" (a read replica's differs). */
  readonly whileDown?: string;
}

export class DatabaseAvailability {
  readonly key: string;
  readonly #probe: () => Promise<void>;
  readonly #label: string;
  readonly #whileDown: string;
  #outage: Outage | null = null;
  #checking: Promise<boolean> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  readonly #outageListeners = new Set<(error: DatabaseUnavailableError) => void>();
  /** Whether the server ever answered: a process that never reached it (a script) says so itself, once. */
  #answered = false;

  constructor(options: AvailabilityOptions) {
    this.key = options.key;
    this.#probe = options.probe;
    this.#label = options.label;
    this.#whileDown = options.whileDown ?? "answering 503 until it is back";
  }

  /** The current outage, or null while the server is taken to answer. */
  get outage(): Outage | null {
    return this.#outage;
  }

  /** Throws DatabaseUnavailableError while the server is known to be down. */
  assertAvailable(): void {
    if (this.#outage) throw this.#error(this.#outage);
  }

  /**
   * `statement`, watched: if it is slow, the server is probed; with `abandon`, it is also given up on (rejected
   * with DatabaseUnavailableError) the moment an outage is found, instead of waiting for its own timeout. Only a
   * statement whose connection the pool takes back by itself once it ends may be abandoned; never one inside a
   * transaction, whose connection would go back to the pool with the statement still queued on it.
   */
  watch<T>(statement: Promise<T>, abandon: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const slow = setTimeout(() => this.#suspect(), SLOW_STATEMENT_MS);
      slow.unref?.();
      if (abandon) this.#outageListeners.add(reject);
      statement.then(resolve, reject).finally(() => {
        clearTimeout(slow);
        this.#outageListeners.delete(reject);
      });
    });
  }

  /** A statement succeeded: the server answers (the end of an outage, if one was recorded). */
  succeeded(): void {
    this.#answered = true;
    if (this.#outage) this.#recover(this.#outage);
  }

  /** Something failed. A lost connection makes one probe (shared by all who report meanwhile); anything else is ignored. */
  failed(error: unknown): void {
    if (connectionFailureReason(error) !== null) this.#suspect();
  }

  /** Probes the server now (once, whoever asks meanwhile) and records the outcome. True when it answers. */
  check(): Promise<boolean> {
    this.#checking ??= this.#runProbe().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  /** Stops probing (the database is being closed). */
  close(): void {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }

  async #runProbe(): Promise<boolean> {
    try {
      await this.#probe();
    } catch (error) {
      if (this.#closed) return false;
      const reason = connectionFailureReason(error) ?? firstLine(error);
      if (!this.#outage) {
        const outage = { reason, since: Date.now() };
        this.#outage = outage;
        if (this.#answered) {
          logger.warn({ reason }, `The ${this.#label} is unavailable: ${this.#whileDown}.`);
        }
        for (const abandon of this.#outageListeners) abandon(this.#error(outage));
        this.#outageListeners.clear();
      }
      this.#scheduleRetry();
      return false;
    }
    this.succeeded();
    return true;
  }

  /** Probes, unless an outage is already known (its own probes run) or probing stopped. */
  #suspect(): void {
    if (!this.#outage && !this.#closed) void this.check();
  }

  #error(outage: Outage): DatabaseUnavailableError {
    return new DatabaseUnavailableError(`The ${this.#label} is unavailable (${outage.reason}); retrying.`);
  }

  #scheduleRetry(): void {
    if (this.#retry || this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.check();
    }, PROBE_INTERVAL_MS);
    // A probe never keeps a script (or a test run) alive.
    this.#retry.unref?.();
  }

  #recover(outage: Outage): void {
    this.#outage = null;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
    logger.warn({ seconds: Number(seconds) }, `The ${this.#label} answers again.`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] || "no answer";
}

// ---- The process's own database ----

interface Slot {
  current?: DatabaseAvailability;
}

const SLOT_KEY = Symbol.for("accordwatch.db.availability");
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[SLOT_KEY] ??= {});

/** The availability of the configured PostgreSQL database (lib/db/client.ts getDatabase); none for PGlite. */
export function processAvailability(): DatabaseAvailability | undefined {
  return slot.current;
}

export function setProcessAvailability(availability: DatabaseAvailability | undefined): void {
  if (slot.current !== availability) slot.current?.close();
  slot.current = availability;
}

/**
 * The outage of the process's database, if one is known: what proxy.ts asks on every page request. A read of a
 * field, no I/O: the proxy never queries the database.
 */
export function databaseOutage(): Outage | null {
  return slot.current?.outage ?? null;
}
