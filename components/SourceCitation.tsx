import { Link } from "@/lib/i18n/navigation";
import { formatPreciseDate } from "@/lib/domain/dates";
import type { Source } from "@/lib/domain/types";
import { SOURCE_KIND_LABELS } from "./labels";

/**
 * Outlet (a link to the source's page on Accordwatch, what cites it, when `href` is given), title (a link to the
 * original when the source has a URL), date in its own precision, kind.
 */
export function SourceCitation({ source, href }: { source: Source; href?: string }) {
  return (
    <>
      {href === undefined ? (
        <span className="font-semibold">{source.outlet}</span>
      ) : (
        <Link href={href} className="font-semibold" data-source-page={source.id}>
          {source.outlet}
          <span className="sr-only">: what cites this source</span>
        </Link>
      )}
      {", "}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" target="_blank">
          <cite>{source.title}</cite>
          <span className="sr-only"> (external link, opens in a new tab)</span>
          <span aria-hidden="true"> ↗</span>
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {", "}
      <time dateTime={source.published.date}>{formatPreciseDate(source.published)}</time>
      <span className="text-muted"> · {SOURCE_KIND_LABELS[source.kind]}</span>
    </>
  );
}
