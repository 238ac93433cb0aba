/**
 * The SQL statements the app's Prisma client sends, as the driver adapter (@prisma/adapter-pg) hands them to `pg`:
 * every statement of every connection of the app's pool, transactions' BEGIN / COMMIT included.
 *
 * lib/db/client.ts builds its PrismaClient without `log: [{ emit: "event", level: "query" }]` (and only lib/data and
 * lib/db may construct one), so `$on("query")` has nothing to report there; the adapter runs every statement through
 * `pg.Client#query` on a connection whose application_name is "accordwatch" (lib/db/client.ts connectionConfig), and
 * that is where this listens. Statements of other clients (a test's own `pg.Client`, the admin connection) are not
 * recorded.
 *
 *   const log = recordQueries();
 *   await getPublishedAgreement(…);
 *   log.stop();
 *   log.statements; // ["SELECT … FROM organisations …", …]
 */
import pg from "pg";

const APPLICATION_NAME = "accordwatch";

export interface RecordedQuery {
  readonly text: string;
  /** Its bound parameters, as handed to `pg`. */
  readonly values: readonly unknown[];
}

export interface QueryLog {
  /** Each statement, in the order sent. */
  readonly queries: RecordedQuery[];
  /** The SQL text of each statement, in the order sent. */
  readonly statements: readonly string[];
  /** Stops recording (idempotent). */
  stop(): void;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

let active: QueryLog | null = null;

export function recordQueries(): QueryLog {
  if (active) throw new Error("recordQueries(): already recording");
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const queries: RecordedQuery[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const application = (this as unknown as { connectionParameters?: { application_name?: string } })
      .connectionParameters?.application_name;
    if (application === APPLICATION_NAME) {
      const [config, second] = args;
      if (typeof config === "string") {
        queries.push({ text: config, values: Array.isArray(second) ? second : [] });
      } else if (typeof config === "object" && config !== null && "text" in config) {
        const { text, values } = config as { text: unknown; values?: unknown };
        queries.push({ text: String(text), values: Array.isArray(values) ? values : [] });
      }
    }
    return original.apply(this, args);
  };
  const log: QueryLog = {
    queries,
    get statements() {
      return queries.map((query) => query.text);
    },
    stop() {
      if (active !== log) return;
      prototype.query = original;
      active = null;
    },
  };
  active = log;
  return log;
}

/**
 * The table a SELECT reads from: of its `FROM table`s, the least nested in parentheses (so a subquery in the select
 * list does not name the statement, and `FROM (SELECT … FROM t) x` is named by t).
 */
function outermostTable(sql: string): string | undefined {
  let best: { depth: number; table: string } | undefined;
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if ((char === "F" || char === "f") && /\W/.test(sql[i - 1] ?? " ")) {
      const match = /^FROM\s+(?:"public"\.)?"?([a-z_]+)"?/i.exec(sql.slice(i, i + 80));
      if (match?.[1] && (best === undefined || depth < best.depth)) best = { depth, table: match[1] };
    }
  }
  return best?.table;
}

/** A statement in a few words, for a test's listing: `SELECT organisations`, `SELECT milestones`, `BEGIN`. */
export function describeStatement(sql: string): string {
  const verb = sql.trimStart().split(/\s+/, 1)[0]!.toUpperCase();
  const into = /\b(?:INTO|UPDATE)\s+(?:"public"\.)?"?([a-z_]+)"?/i.exec(sql);
  const table = verb === "SELECT" || verb === "WITH" ? outermostTable(sql) : into?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** Records the statements `fn` sends (nothing else may use the app's client meanwhile). */
export async function queriesOf<T>(fn: () => Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> {
  const log = recordQueries();
  try {
    const result = await fn();
    return { result, queries: [...log.queries] };
  } finally {
    log.stop();
  }
}
