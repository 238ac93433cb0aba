import { cache } from "react";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreement, getPublishedScorecard } from "@/lib/data/public";

/** The published agreement, loaded once per request for a page's generateMetadata and the page itself. */
export const loadPublishedAgreement = cache((orgSlug: string, agreementSlug: string) =>
  getPublishedAgreement(ANONYMOUS, orgSlug, agreementSlug),
);

/** The scorecard page's read of it (what a compact scorecard shows: getPublishedScorecard), once per request. */
export const loadPublishedScorecard = cache((orgSlug: string, agreementSlug: string) =>
  getPublishedScorecard(ANONYMOUS, orgSlug, agreementSlug),
);
