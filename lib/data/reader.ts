/**
 * Which database a read goes to (deploy/README.md, "Read replicas"). Every read in lib/data knows its acting Viewer,
 * and that is what decides:
 * - the anonymous public (the scorecard, feeds, the open-data API, the public export): a read replica when
 *   DATABASE_REPLICA_URLS is set, so that a traffic spike on the public pages lands on the replicas. Those pages are
 *   cached for a second or more anyway (the ISR cache, nginx): a replica's lag of a fraction of a second changes
 *   nothing a reader can tell;
 * - anyone signed in, and the system (jobs, the command line): the primary, always. Editors read their own writes: a
 *   page rendered right after a change shows it, whatever the replicas' lag. Commands and transactions run on the
 *   primary too (lib/data/commands, getDb()); the extension sends a transaction to the primary even on a reader.
 * Without replicas (PGlite, or a server without DATABASE_REPLICA_URLS) both are the same client.
 */
import { getDb, getReplicaReader, type PrismaClient } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";

/** The client for `viewer`'s reads: a replica reader for the anonymous public, the primary for everyone else. */
export async function readerFor(viewer: Viewer): Promise<PrismaClient> {
  return viewer.kind === "anonymous" ? getReplicaReader() : getDb();
}

export { rawReadsOf } from "@/lib/db/client";
