import { formatPreciseDate } from "@/lib/domain/dates";
import type { Source } from "@/lib/domain/types";
import { SOURCE_KIND_LABELS } from "./labels";

/** Outlet, title (a link when the source has a URL), date in its own precision, kind. */
export function SourceCitation({ source }: { source: Source }) {
  return (
    <>
      <span className="font-semibold">{source.outlet}</span>
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
