/** GET /w/{org}/{agreement}/briefing.md?asOf=: the agreement's briefing as Markdown, for members (lib/http/briefing). */
import { getAgreementBriefing } from "@/lib/data/briefing";
import { briefingMarkdownGet } from "@/lib/http/briefing";

export const GET = briefingMarkdownGet<{ locale: string; org: string; agreement: string }>({
  load: (viewer, { org, agreement }, asOf, locale) => getAgreementBriefing(viewer, org, agreement, asOf, locale),
  name: ({ org, agreement }, asOf) => `briefing-${org}-${agreement}-${asOf}`,
});
