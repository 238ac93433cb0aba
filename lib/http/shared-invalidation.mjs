/**
 * The public pages' invalidation shared by every instance of the app on one PostgreSQL (deploy/README.md, "Several
 * instances"). An edit revalidates the public pages of the instance that ran it (lib/actions/revalidate.ts:
 * revalidatePath, which reaches the cache handler's revalidateTag); each other instance keeps its own copy of the
 * pages, in memory, and would serve the old state until its own revalidation (PAGE_REVALIDATE_SECONDS). So the cache
 * handler (csp-cache-handler.mjs) also announces every revalidateTag on a PostgreSQL channel (NOTIFY, with this
 * process's id), and every instance LISTENs on it and expires the same tags in its own cache: the next request to any
 * instance renders the new state.
 *
 * - One connection per process, its own (not the app's pool): LISTEN holds a session. Opened on the handler's first
 *   use, never during `next build` (NEXT_PHASE) and never on the embedded database (one process: nothing to share).
 * - A connection lost (the database restarting) is opened again, after 1 s and then up to every 10 s; once it is back,
 *   every tag announced meanwhile may have been missed, so this instance expires all its public pages
 *   (`onReconnect`), the same as an edit would.
 * - Announcing never fails an edit: the edit is committed when revalidateTag runs; an announcement that cannot be
 *   sent is written to the log, and the other instances then catch up at their own revalidation, as before.
 *
 * Plain JavaScript, loaded with Node's `import` beside the cache handler (no path aliases). DATABASE_URL is the one
 * lib/env validates when the app starts; here it is only told apart from the embedded default.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The PostgreSQL channel. */
export const CHANNEL = "accordwatch_revalidate";

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 10_000;
/** One per process, on globalThis: Next.js may load the handler's module more than once. */
const STATE = Symbol.for("accordwatch.sharedInvalidation");

/** A structured log line like lib/log's (pino's JSON shape), without importing the app's TypeScript. */
function log(level, msg, extra = {}) {
  const line = { level, time: new Date().toISOString(), pid: process.pid, msg, ...extra };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function postgresUrl(env) {
  const url = env.DATABASE_URL;
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url) ? url : null;
}

/** The process's shared invalidation once started (startSharedInvalidation), else null. */
export function currentSharedInvalidation() {
  return globalThis[STATE] ?? null;
}

/**
 * Starts the process's shared invalidation on its first call (later calls return the same); null when there is
 * nothing to share (embedded database, no DATABASE_URL, or `next build`). `expire(tags, durations)` expires tags in
 * this process's cache; `expireAll()` every page it holds.
 */
export function startSharedInvalidation({ expire, expireAll }, env = process.env) {
  if (globalThis[STATE] !== undefined) return globalThis[STATE];
  const url = postgresUrl(env);
  if (url === null || env.NEXT_PHASE === "phase-production-build") {
    globalThis[STATE] = null;
    return null;
  }
  const instance = randomUUID();
  let client = null;
  let retryMs = RETRY_FIRST_MS;
  let connected = false;
  let everConnected = false;

  const connect = () => {
    const next = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
      application_name: "accordwatch-invalidation",
    });
    client = next;
    const lost = (error) => {
      if (client !== next) return;
      client = null;
      if (connected) log(40, "shared invalidation: connection lost; opening it again", { err: String(error) });
      connected = false;
      next.removeAllListeners("notification");
      next.end().catch(() => undefined);
      const timer = setTimeout(connect, retryMs);
      timer.unref();
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    };
    next.on("error", lost);
    next.on("end", () => lost(new Error("connection ended")));
    next.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { from, tags, durations } = JSON.parse(message.payload);
        if (from === instance || !Array.isArray(tags)) return;
        void expire(tags, durations ?? undefined);
      } catch (error) {
        log(40, "shared invalidation: an announcement could not be read", { err: String(error) });
      }
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        // The socket must not keep a process alive that has nothing else to do (a script, a test).
        next.connection?.stream?.unref?.();
        connected = true;
        retryMs = RETRY_FIRST_MS;
        if (everConnected) void expireAll();
        everConnected = true;
      })
      .catch(lost);
  };
  connect();

  const state = {
    /** Sends `tags` to the other instances; resolves when sent, or when it could not be (logged). */
    async announce(tags, durations) {
      const target = client;
      if (target === null || !connected) {
        log(40, "shared invalidation: not connected; other instances catch up at their own revalidation", { tags });
        return;
      }
      const payload = JSON.stringify({ from: instance, tags, durations: durations ?? null });
      try {
        await target.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      } catch (error) {
        log(40, "shared invalidation: could not announce", { err: String(error), tags });
      }
    },
  };
  globalThis[STATE] = state;
  return state;
}
