/**
 * GET /{org}/{agreement}/og-image.png: the published scorecard as a link-preview picture (Open Graph), as of today,
 * in the address's language. The scorecard page names it in its `og:image`.
 */
import { getTranslations } from "next-intl/server";
import { ImageResponse } from "next/og";
import { SHARE_CARD_SIZE, ShareCard } from "@/components/ShareCard";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { getPublishedAgreementHealth } from "@/lib/data/public";
import { DEFAULT_LOCALE, isLocale } from "@/lib/domain/locale";
import { healthAt } from "@/lib/domain/scorecard";
import { FEED_CACHE_CONTROL, failureResponse, notFoundResponse } from "@/lib/feeds/response";
import { formatFor } from "@/lib/i18n/format";
import { withRequest } from "@/lib/http/with-request";

async function shareImage(
  _request: Request,
  { params }: { params: Promise<{ locale: string; org: string; agreement: string }> },
): Promise<Response> {
  const { locale: asked, org, agreement: slug } = await params;
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  try {
    const found = await getPublishedAgreementHealth(ANONYMOUS, org, slug);
    if (found === null) return notFoundResponse("No published scorecard has this address.");
    const today = todayUtc();
    const health = healthAt(found.agreement, found.sources, today, locale);
    const format = formatFor(locale);
    const t = await getTranslations({ locale, namespace: "common.share" });
    return new ImageResponse(
      <ShareCard
        title={found.agreement.title}
        organisation={found.organisation.name}
        parties={found.agreement.parties}
        health={health}
        format={format}
        texts={{ compliance: t("compliance"), noScore: "—", asOf: t("asOf", { day: format.day(today) }) }}
      />,
      { ...SHARE_CARD_SIZE, headers: { "Cache-Control": FEED_CACHE_CONTROL } },
    );
  } catch (error) {
    return failureResponse(error, "image");
  }
}

export const GET = withRequest(shareImage);
