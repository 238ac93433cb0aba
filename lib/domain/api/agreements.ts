/**
 * The open-data API's agreement bodies, from the domain objects lib/data returns. Pure: the day is a parameter.
 */
import { formatDateText } from "../dates";
import { healthAt } from "../scorecard";
import type { Agreement, PartyCode, PreciseDate, Source } from "../types";
import { API_PATHS, apiPath, scorecardPath } from "./paths";
import type { AgreementListBody, AgreementSummaryBody } from "./responses";

/** What an agreement list shows of each agreement (lib/data/public.ts `AgreementSummary` has this shape). */
export interface AgreementFacts {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly parties: readonly [PartyCode, PartyCode];
  readonly announced: PreciseDate;
}

export interface OrganisationRef {
  readonly slug: string;
  readonly name: string;
}

function facts(a: AgreementFacts) {
  return {
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    parties: [a.parties[0], a.parties[1]] as [string, string],
    announced: formatDateText(a.announced),
  };
}

/** GET /api/v1/{org}/agreements: the organisation's published agreements, in the order given (by title). */
export function agreementListBody(
  organisation: OrganisationRef,
  agreements: readonly AgreementFacts[],
): AgreementListBody {
  const org = organisation.slug;
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    agreements: agreements.map((a) => {
      const params = { org, agreement: a.slug };
      return {
        ...facts(a),
        links: {
          self: apiPath(API_PATHS.agreement, params),
          health: apiPath(API_PATHS.health, params),
          milestones: apiPath(API_PATHS.milestones, params),
          scorecard: scorecardPath(org, a.slug),
        },
      };
    }),
    links: { self: apiPath(API_PATHS.agreements, { org }), export: apiPath(API_PATHS.export, { org }) },
  };
}

/**
 * GET /api/v1/{org}/agreements/{agreement}: the agreement as of `asOf` as the scorecard shows it, from the agreement
 * and the sources it cites. Links carry the same day, so that a client following them stays on it.
 */
export function agreementSummaryBody(
  organisation: OrganisationRef,
  agreement: Agreement,
  sources: readonly Source[],
  asOf: string,
): AgreementSummaryBody {
  const health = healthAt(agreement, sources, asOf);
  const org = organisation.slug;
  const params = { org, agreement: agreement.slug };
  const byId = new Map(agreement.commitments.map((c) => [c.id, c]));
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    ...facts(agreement),
    asOf,
    compliance: { ...health.parties },
    counts: { ...health.counts },
    commitments: health.commitments.flatMap((ch) => {
      const c = byId.get(ch.id);
      if (c === undefined) return [];
      return [
        {
          id: c.id,
          title: c.title,
          responsible: c.responsible,
          owner: c.owner,
          health: ch.health,
          progress: ch.progress,
          score: ch.score,
          milestones: c.milestones.length,
        },
      ];
    }),
    stalled: health.commitments.flatMap((ch) => {
      const c = byId.get(ch.id);
      return ch.milestones
        .filter((mh) => mh.health === "STALLED")
        .map((mh) => ({
          commitment: ch.id,
          milestone: mh.id,
          title: c?.milestones.find((m) => m.id === mh.id)?.title ?? mh.id,
          flags: mh.flags.map((f) => ({ ...f })),
        }));
    }),
    links: {
      self: apiPath(API_PATHS.agreement, params, { asOf }),
      health: apiPath(API_PATHS.health, params, { asOf }),
      milestones: apiPath(API_PATHS.milestones, params, { asOf }),
      export: apiPath(API_PATHS.export, { org }),
      scorecard: scorecardPath(org, agreement.slug, asOf),
    },
  };
}
