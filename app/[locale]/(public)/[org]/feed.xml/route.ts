import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { isLocale } from "@/lib/domain/locale";
import { readPublishedInBatches } from "@/lib/data/public";
import { rememberedPublicRead } from "@/lib/data/public-answers";
import { organisationChangesFeed } from "@/lib/feeds/changes-feed";
import { feedResponse } from "@/lib/feeds/response";
import { withRequest } from "@/lib/http/with-request";

/**
 * The Atom feed of the changes of every published agreement of an organisation: `/{org}/feed.xml`. Built from the
 * agreements a batch at a time (lib/data/public.ts readPublishedInBatches), and remembered for a second like the
 * other public reads (lib/data/public-answers.ts), so that a crowd of feed readers builds it once.
 */
async function organisationFeed(
  request: Request,
  { params }: { params: Promise<{ locale: string; org: string }> },
): Promise<Response> {
  const { locale, org } = await params;
  const origin = new URL(request.url).origin;
  const until = todayUtc();
  const feedLocale = isLocale(locale) ? locale : undefined;
  return feedResponse(() =>
    rememberedPublicRead(ANONYMOUS, `organisation-feed\0${org}\0${until}\0${feedLocale}\0${origin}`, async () => {
      const found = await readPublishedInBatches(ANONYMOUS, org);
      return found === null ? null : organisationChangesFeed(found, { origin, until, locale: feedLocale });
    }),
  );
}

export const GET = withRequest(organisationFeed);
