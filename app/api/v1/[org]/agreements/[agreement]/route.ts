import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreement } from "@/lib/data/public";
import { agreementSummaryBody } from "@/lib/domain/api/agreements";
import { getAgreementEndpoint } from "@/lib/http/endpoints";
import { jsonGet, preflight } from "@/lib/http/handler";

export const GET = jsonGet(getAgreementEndpoint, async ({ params, query, today }) => {
  const found = await getPublishedAgreement(ANONYMOUS, params.org, params.agreement);
  return found && agreementSummaryBody(found.organisation, found.agreement, found.sources, query.asOf ?? today);
});

export const OPTIONS = preflight;
