/**
 * A deadline counted in the time this process was free to notice an answer, for the availability's probes
 * (lib/db/client.ts, probeFor).
 *
 * A plain timer measures the wall clock. In a process whose JavaScript is saturated (one render after another, each
 * holding the event loop for a while), a 2 s timer can fire before the server's answer is even read: Node.js runs
 * the due timers of a loop iteration before it reads the sockets, so an answer that arrived in a millisecond, while
 * a render ran, loses to the timer. The probe then "finds" an outage on an idle server, and the availability gives up
 * on every statement waiting (seen under bench/load.ts). This deadline instead adds up short ticks, each counted for
 * its nominal length however late it fires: a stall of the loop counts as one tick, during which nothing could have
 * been noticed anyway. And when it runs out, it decides only after the sockets of that iteration were
 * read (setImmediate), so an answer already there still wins.
 *
 * On a responsive process it expires after `ms`, as a timer would: a server that does not answer is found as fast.
 */

/** The length of one tick. */
export const DEADLINE_TICK_MS = 100;

/**
 * Calls `onExpiry` once `ms` of responsive time have passed, unless the returned function (cancel) is called first.
 * Its ticks do not keep the process alive.
 */
export function responsiveDeadline(ms: number, onExpiry: () => void): () => void {
  let remaining = ms;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate: ReturnType<typeof setImmediate> | undefined;

  const schedule = () => {
    // Each tick counts for its nominal length, whenever it fires: late after a stall, or (by the loop's cached clock)
    // a little early.
    const step = Math.min(DEADLINE_TICK_MS, remaining);
    timer = setTimeout(() => {
      remaining -= step;
      if (remaining > 0) {
        schedule();
        return;
      }
      // After this iteration's sockets were read: an answer that came in during a stall is handled (and cancels)
      // first.
      // (Not unref'd: an unref'd immediate does not stop the loop from blocking on its sockets first.)
      immediate = setImmediate(() => {
        if (!cancelled) onExpiry();
      });
    }, step);
    timer.unref?.();
  };

  schedule();
  return () => {
    cancelled = true;
    clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
  };
}
