import { cache } from "react";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreement } from "@/lib/data/public";

/** The published agreement, loaded once per request for a page's generateMetadata and the page itself. */
export const loadPublishedAgreement = cache((orgSlug: string, agreementSlug: string) =>
  getPublishedAgreement(ANONYMOUS, orgSlug, agreementSlug),
);
