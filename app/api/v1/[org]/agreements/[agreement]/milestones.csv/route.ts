import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreement } from "@/lib/data/public";
import { milestoneRows, milestonesFilename } from "@/lib/domain/api/milestone-rows";
import { milestonesCsvEndpoint } from "@/lib/http/endpoints";
import { csvGet, preflight } from "@/lib/http/handler";

export const GET = csvGet(milestonesCsvEndpoint, async ({ params, query, today }) => {
  const asOf = query.asOf ?? today;
  const found = await getPublishedAgreement(ANONYMOUS, params.org, params.agreement);
  if (found === null) return null;
  return {
    filename: milestonesFilename(params.org, params.agreement, asOf),
    rows: milestoneRows(found.agreement, found.sources, asOf),
  };
});

export const OPTIONS = preflight;
