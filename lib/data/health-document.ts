/**
 * The health document of spec/health.md for an organisation, or one of its agreements, as of a day: the one function
 * behind `npm run health` and the open-data API's `/health`, so that they answer the same JSON.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { evaluateDataset } from "@/lib/domain/health";
import type { Dataset, HealthDocument } from "@/lib/domain/types";
import { NotFoundError } from "./errors";
import { loadDataset } from "./load-dataset";

export interface HealthDocumentOptions {
  /** The day, `YYYY-MM-DD`: the caller reads the clock, never this function. */
  readonly asOf: string;
  /** One agreement only: NotFoundError when the organisation has no such agreement (or, publicOnly, none published). */
  readonly agreement?: string;
  /** Published agreements only: what anyone may read. Otherwise the viewer must be allowed to export the organisation. */
  readonly publicOnly?: boolean;
}

/**
 * The document, with the dataset it was computed from (the command line's table names agreements by their title).
 * Authorization is loadDataset's: the whole dataset to those who may export it, published agreements to anyone.
 */
export async function getHealthDocument(
  viewer: Viewer,
  orgSlug: string,
  options: HealthDocumentOptions,
): Promise<{ dataset: Dataset; document: HealthDocument }> {
  const dataset = await loadDataset(viewer, orgSlug, {
    publicOnly: options.publicOnly ?? false,
    ...(options.agreement === undefined ? {} : { agreement: options.agreement }),
  });
  if (options.agreement !== undefined && dataset.agreements.length === 0) {
    // The same words for a draft as for an agreement that does not exist: a draft is not revealed.
    const what = options.publicOnly ? "published agreement" : "agreement";
    throw new NotFoundError(`The organisation "${orgSlug}" has no ${what} "${options.agreement}".`);
  }
  return { dataset, document: evaluateDataset(dataset, options.asOf) };
}
