import { useTranslations } from "next-intl";
import type { Source } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";

/**
 * Outlet (a link to the source's page on Accordwatch, what cites it, when `href` is given), title (a link to the
 * original when the source has a URL), date in its own precision, kind.
 */
export function SourceCitation({ source, href }: { source: Source; href?: string }) {
  const t = useTranslations("evidence");
  const f = useFormat();
  return (
    <>
      {href === undefined ? (
        <span className="font-semibold">{source.outlet}</span>
      ) : (
        <Link href={href} className="font-semibold" data-source-page={source.id}>
          {source.outlet}
          <span className="sr-only">{t("sourcePage")}</span>
        </Link>
      )}
      {", "}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" target="_blank">
          <cite>{source.title}</cite>
          <span className="sr-only"> {t("external")}</span>
          <span aria-hidden="true"> ↗</span>
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {", "}
      <time dateTime={source.published.date}>{f.date(source.published)}</time>
      <span className="text-muted"> · {f.labels.sourceKind[source.kind]}</span>
    </>
  );
}
