/**
 * Readiness (GET /readyz, README "Operations"): does the configured database answer a trivial query within a short
 * deadline? Through the process-wide client (client.ts getDb), so it checks the very connection the pages use and
 * opens it when it is not open yet. Never waits past the deadline: a server that does not answer at all (a dropped
 * network, a stopped VM) is "not ready" after `timeoutMs`, not a probe that hangs.
 */
import { getDb } from "./client";

/** Load balancers and orchestrators give a probe a few seconds: answer well within. */
export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };

/**
 * One query at a time, shared by the probes that arrive meanwhile: while the database hangs, probes every second do
 * not pile up connection attempts behind it. Each probe still has its own deadline.
 */
let pending: Promise<void> | undefined;

function selectOne(): Promise<void> {
  pending ??= (async () => {
    const prisma = await getDb();
    await prisma.$queryRaw`SELECT 1`;
  })().finally(() => {
    pending = undefined;
  });
  return pending;
}

export async function checkDatabase(timeoutMs: number = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const answer = selectOne().then(
    (): Readiness => ({ ok: true, ms: Math.round(performance.now() - started) }),
    // The database layer's messages are one line without a password (errors.ts); anything else, its first line.
    (error: unknown): Readiness => ({
      ok: false,
      reason: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "",
    }),
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
