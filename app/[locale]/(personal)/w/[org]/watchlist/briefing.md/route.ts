/** GET /w/{org}/watchlist/briefing.md?asOf=: the viewer's watchlist briefing as Markdown (lib/http/briefing). */
import { getWatchlistBriefing } from "@/lib/data/briefing";
import { briefingMarkdownGet } from "@/lib/http/briefing";

export const GET = briefingMarkdownGet<{ locale: string; org: string }>({
  load: (viewer, { org }, asOf, locale) => getWatchlistBriefing(viewer, org, asOf, locale),
  name: ({ org }, asOf) => `briefing-${org}-watchlist-${asOf}`,
});
