/**
 * An organisation's whole dataset as domain objects: what export, the health command and the scorecard read.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { publicDataset } from "@/lib/domain/interchange";
import type { Dataset } from "@/lib/domain/types";
import { findAgreementDocuments } from "./agreement-documents";
import { toSource } from "./mappers";
import { getOrganisationOrThrow } from "./organisations";
import { rememberedPublicRead } from "./public-answers";
import { rawReadsOf, readerFor } from "./reader";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export interface LoadDatasetOptions {
  /** Published agreements and the sources they cite only (what the public may see). */
  publicOnly?: boolean;
  /** One agreement only. */
  agreement?: string;
}

/** Throws NotFoundError for an unknown organisation (or agreement, when one is asked for). */
export async function loadDataset(viewer: Viewer, orgSlug: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  // The public export, the same for every anonymous reader (the open-data API): remembered for a second.
  if (options.publicOnly) {
    const key = `dataset\0${orgSlug}\0${options.agreement ?? ""}`;
    return rememberedPublicRead(viewer, key, () => readDataset(viewer, orgSlug, options));
  }
  return readDataset(viewer, orgSlug, options);
}

async function readDataset(viewer: Viewer, orgSlug: string, options: LoadDatasetOptions): Promise<Dataset> {
  // The public export of an anonymous reader (the open-data API) may come from a read replica (./reader.ts).
  const db = await readerFor(viewer);
  // The whole dataset (drafts) only to those who may export it, and an organisation they may not read answers as
  // one that does not exist; the public export is open to anyone.
  const organisation = options.publicOnly
    ? await getOrganisationOrThrow(db, orgSlug)
    : await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:export");
  const [{ agreements }, sources] = await Promise.all([
    findAgreementDocuments(rawReadsOf(db), organisation.id, {
      where: {
        ...(options.publicOnly ? { published: true } : {}),
        ...(options.agreement === undefined ? {} : { slug: options.agreement }),
      },
      orderBy: [{ slug: "asc" }],
    }),
    db.source.findMany({ where: { organisationId: organisation.id }, orderBy: { key: "asc" } }),
  ]);
  const dataset: Dataset = { sources: sources.map(toSource), agreements };
  return options.publicOnly ? publicDataset(dataset) : dataset;
}
