import { useTranslations } from "next-intl";
import { periodStart } from "@/lib/domain/dates";
import type { EvidenceLink, Source, Stance } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { SourceCitation } from "./SourceCitation";

const STANCE_CLASSES: Readonly<Record<Stance, string>> = {
  SUPPORTS: "border-stone-500 text-stone-900",
  INDICATES_DELAY: "border-orange-700 text-orange-950",
  CONTRADICTS: "border-red-700 text-red-950",
  NEUTRAL: "border-stone-400 text-stone-800",
};

interface EvidenceListProps {
  evidence: readonly EvidenceLink[];
  sourcesById: ReadonlyMap<string, Source>;
  /** Sources published after this day are not shown: the page shows what was known on that day. */
  asOf: string;
  headingId: string;
  /** Where a source's page is, when it links to one. */
  sourceHref?: (source: string) => string;
}

interface SourceGroup {
  source: Source;
  links: EvidenceLink[];
}

/**
 * The sources a milestone relies on, as known on the as-of date, oldest first. A source cited several times is
 * listed once, with each quote and the stance of each link (the stance belongs to the link, not the source).
 */
export function EvidenceList({ evidence, sourcesById, asOf, headingId, sourceHref }: EvidenceListProps) {
  const t = useTranslations("evidence");
  const f = useFormat();
  const groups = new Map<string, SourceGroup>();
  for (const link of evidence) {
    const source = sourcesById.get(link.source);
    if (!source || periodStart(source.published) > asOf) continue;
    const group = groups.get(source.id) ?? { source, links: [] };
    group.links.push(link);
    groups.set(source.id, group);
  }
  const known = [...groups.values()].sort((a, b) =>
    periodStart(a.source.published).localeCompare(periodStart(b.source.published)),
  );

  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h5 id={headingId} className="text-sm font-semibold tracking-wide text-muted uppercase">
        {t("sources")}
      </h5>
      {known.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-4">
          {known.map(({ source, links }) => (
            <li key={source.id} data-source={source.id} className="text-sm">
              <p>
                <SourceCitation source={source} {...(sourceHref ? { href: sourceHref(source.id) } : {})} />
              </p>
              <ul className="mt-1 space-y-2">
                {links.map((link, index) => (
                  <li key={index} data-stance={link.stance}>
                    <span
                      className={`inline-block rounded border px-1.5 py-px text-xs font-semibold ${STANCE_CLASSES[link.stance]}`}
                    >
                      {f.labels.stance[link.stance]}
                    </span>
                    <blockquote className="mt-1 border-l-4 border-rule pl-3 text-ink italic">
                      <p>{link.quote}</p>
                    </blockquote>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
