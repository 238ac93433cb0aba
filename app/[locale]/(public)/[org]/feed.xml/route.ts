import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { isLocale } from "@/lib/domain/locale";
import { listPublishedAgreements } from "@/lib/data/public";
import { organisationChangesFeed } from "@/lib/feeds/changes-feed";
import { feedResponse } from "@/lib/feeds/response";
import { withRequest } from "@/lib/http/with-request";

/** The Atom feed of the changes of every published agreement of an organisation: `/{org}/feed.xml`. */
async function organisationFeed(
  request: Request,
  { params }: { params: Promise<{ locale: string; org: string }> },
): Promise<Response> {
  const { locale, org } = await params;
  return feedResponse(async () => {
    const found = await listPublishedAgreements(ANONYMOUS, org);
    return found === null
      ? null
      : organisationChangesFeed(found, {
          origin: new URL(request.url).origin,
          until: todayUtc(),
          locale: isLocale(locale) ? locale : undefined,
        });
  });
}

export const GET = withRequest(organisationFeed);
