import { ANONYMOUS } from "@/lib/auth/viewer";
import { loadDataset } from "@/lib/data/load-dataset";
import { toInterchange } from "@/lib/domain/interchange";
import { exportEndpoint } from "@/lib/http/endpoints";
import { jsonGet, preflight } from "@/lib/http/handler";

// The same document as `npm run export -- --public`; an organisation that publishes nothing answers 404.
export const GET = jsonGet(exportEndpoint, async ({ params }) => {
  const dataset = await loadDataset(ANONYMOUS, params.org, { publicOnly: true });
  return dataset.agreements.length > 0 ? toInterchange(dataset) : null;
});

export const OPTIONS = preflight;
