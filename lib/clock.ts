/** The one place routes read the clock: the domain takes days as parameters and never reads it itself. */

/** Today's date in UTC, `YYYY-MM-DD`: the default as-of day of the public pages and the day the feeds run to. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
