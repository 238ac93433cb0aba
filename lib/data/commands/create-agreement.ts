import type { Viewer } from "@/lib/auth/viewer";
import { createAgreementSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { dateColumns, isUniqueViolation, runCommand } from "./shared";
import { agreementValues } from "./values";

export interface AgreementRef {
  readonly slug: string;
  readonly version: number;
}

function slugTaken(slug: string): ValidationError {
  return ValidationError.field("slug", `there is an agreement "${slug}" already: choose another slug`);
}

/** A new agreement, a draft unless `published` says otherwise. */
export async function createAgreement(viewer: Viewer, orgSlug: string, input: unknown): Promise<AgreementRef> {
  return runCommand(viewer, orgSlug, createAgreementSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    if ((await tx.agreement.count({ where: { organisationId, slug: data.slug } })) > 0) throw slugTaken(data.slug);
    const announced = dateColumns(data.announced);
    const row = await tx.agreement
      .create({
        data: {
          organisationId,
          slug: data.slug,
          title: data.title,
          summary: data.summary,
          partyA: data.parties[0] ?? "",
          partyB: data.parties[1] ?? "",
          announcedDate: announced.date,
          announcedPrecision: announced.precision,
          published: data.published,
          staleAfterDays: data.settings.staleAfterDays,
          warnBeforeDays: data.settings.warnBeforeDays,
        },
      })
      .catch((error: unknown) => {
        // Another editor created the same slug between the check and the insert.
        throw isUniqueViolation(error) ? slugTaken(data.slug) : error;
      });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "agreement.create",
      entityType: "agreement",
      entityId: row.id,
      after: agreementValues(row),
    });
    return { slug: row.slug, version: row.version };
  });
}
