import { useTranslations } from "next-intl";
import type { RaisedFlag } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";

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
  const t = useTranslations("scorecard.flags");
  const f = useFormat();
  if (flags.length === 0) return null;
  const Heading = headingLevel === 4 ? "h4" : "h5";
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <Heading id={headingId} className="text-sm font-semibold tracking-wide text-muted uppercase">
        {t("title")}
      </Heading>
      <ul className="mt-2 space-y-2">
        {flags.map((flag) => (
          <li key={flag.flag} data-flag={flag.flag} className="rounded-md bg-stone-100 px-3 py-2 text-sm">
            <p>
              <strong className="font-semibold">{f.labels.flag[flag.flag]}</strong>{" "}
              <span className="text-muted">
                {t.rich("since", {
                  date: f.day(flag.since),
                  time: (chunks) => <time dateTime={flag.since}>{chunks}</time>,
                })}
              </span>
            </p>
            <p className="mt-0.5">{flag.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
