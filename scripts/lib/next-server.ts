/**
 * Node's flags for the `next start` process (bench/README.md, "Memory"; deploy/ gives the instances it starts the
 * same flag).
 *
 * V8 lets the old generation grow by a factor it derives from the heap limit before it collects it whole: with
 * Node's default limit on a machine of a few GB or more (about 4 GB) that factor is up to 4, so `next start` held
 * 400+ MB of heap for ~120 MB of live objects. --heap-growing-percent=50 fixes the factor at 1.5 and leaves the limit
 * where it is: a hard limit (--max-old-space-size=512 gave the same resident memory) crashed the process on four
 * renderings at once of the 2,000-milestone scorecard (bench/README.md, "Scale"), which keep ~750 MB live.
 * Not a flag NODE_OPTIONS may carry: it goes on the command line.
 */
export const NEXT_SERVER_HEAP_GROWING_PERCENT = 50;

/** The flags to put before Next's own script. */
export function nextServerNodeFlags(): string[] {
  return [`--heap-growing-percent=${NEXT_SERVER_HEAP_GROWING_PERCENT}`];
}
