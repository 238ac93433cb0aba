import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { isLocale } from "@/lib/domain/locale";
import { getPublishedAgreement } from "@/lib/data/public";
import { agreementChangesFeed } from "@/lib/feeds/changes-feed";
import { feedResponse } from "@/lib/feeds/response";
import { withRequest } from "@/lib/http/with-request";

/** The Atom feed of one published agreement's changes: `/{org}/{agreement}/feed.xml`. */
async function agreementFeed(
  request: Request,
  { params }: { params: Promise<{ locale: string; org: string; agreement: string }> },
): Promise<Response> {
  const { locale, org, agreement } = await params;
  return feedResponse(async () => {
    const found = await getPublishedAgreement(ANONYMOUS, org, agreement);
    return found === null
      ? null
      : agreementChangesFeed(found, {
          origin: new URL(request.url).origin,
          until: todayUtc(),
          locale: isLocale(locale) ? locale : undefined,
        });
  });
}

export const GET = withRequest(agreementFeed);
