import { ANONYMOUS } from "@/lib/auth/viewer";
import { getHealthDocument } from "@/lib/data/health-document";
import { getHealthEndpoint } from "@/lib/http/endpoints";
import { jsonGet, preflight } from "@/lib/http/handler";

export const GET = jsonGet(getHealthEndpoint, async ({ params, query, today }) => {
  const asOf = query.asOf ?? today;
  const { document } = await getHealthDocument(ANONYMOUS, params.org, {
    agreement: params.agreement,
    asOf,
    publicOnly: true,
  });
  return document;
});

export const OPTIONS = preflight;
