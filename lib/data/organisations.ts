import type { Prisma } from "@/lib/db/generated/prisma/client";
import { NotFoundError } from "./errors";

export interface OrganisationSummary {
  slug: string;
  name: string;
}

type Reader = Pick<Prisma.TransactionClient, "organisation">;

/** The organisation with this slug, or NotFoundError. */
export async function getOrganisationOrThrow(db: Reader, slug: string): Promise<{ id: string } & OrganisationSummary> {
  const organisation = await db.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (organisation === null) throw new NotFoundError(`There is no organisation "${slug}".`);
  return organisation;
}
