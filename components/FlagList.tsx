import { formatDay } from "@/lib/domain/dates";
import type { RaisedFlag } from "@/lib/domain/types";
import { FLAG_LABELS } from "./labels";

/** Why an open milestone is not on track: each raised flag, the day it took effect and the sentence behind it. */
export function FlagList({
  flags,
  headingId,
  headingLevel = 5,
}: {
  flags: readonly RaisedFlag[];
  headingId: string;
  /** Where the list sits in the page's outline: under a milestone's h4 on the scorecard, an h3 in a briefing. */
  headingLevel?: 4 | 5;
}) {
  if (flags.length === 0) return null;
  const Heading = headingLevel === 4 ? "h4" : "h5";
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <Heading id={headingId} className="text-sm font-semibold tracking-wide text-muted uppercase">
        Flags
      </Heading>
      <ul className="mt-2 space-y-2">
        {flags.map((flag) => (
          <li key={flag.flag} data-flag={flag.flag} className="rounded-md bg-stone-100 px-3 py-2 text-sm">
            <p>
              <strong className="font-semibold">{FLAG_LABELS[flag.flag]}</strong>{" "}
              <span className="text-muted">
                since <time dateTime={flag.since}>{formatDay(flag.since)}</time>
              </span>
            </p>
            <p className="mt-0.5">{flag.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
