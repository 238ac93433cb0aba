import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedOrganisation } from "@/lib/data/public";
import { agreementListBody } from "@/lib/domain/api/agreements";
import { listAgreementsEndpoint } from "@/lib/http/endpoints";
import { jsonGet, preflight } from "@/lib/http/handler";

export const GET = jsonGet(listAgreementsEndpoint, async ({ params }) => {
  const found = await getPublishedOrganisation(ANONYMOUS, params.org);
  return found && agreementListBody(found.organisation, found.agreements);
});

export const OPTIONS = preflight;
