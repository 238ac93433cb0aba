/**
 * Calling the open-data API's route handlers in-process, as Next.js does: `GET(request, { params })`, and the
 * datasets the API tests load (the demo, plus drafts that must never show).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Dataset, Source } from "@/lib/domain/types";
import type { RouteHandler } from "@/lib/http/handler";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const demoText = readFileSync(path.join(ROOT, "data/demo.accordwatch.json"), "utf8");

export const ORG = "demo";
export const AGREEMENT = "uk-france-small-boats-2025";
/** A draft of ORG, with commitments and milestones, citing a source no published agreement cites. */
export const DRAFT = "secret-draft";
export const DRAFT_TITLE = "Secret draft measures";
export const DRAFT_SOURCE = "draft-only-leak";
/** An organisation whose only agreement is a draft: as unknown to the public as one that does not exist. */
export const DRAFTS_ONLY_ORG = "drafts-only";

export function demoDataset(): Dataset {
  const parsed = parseInterchangeText(demoText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

/** The demo's published agreement, and a draft copy of it whose first milestone cites a source of its own. */
export function demoWithDraft(): Dataset {
  const dataset = demoDataset();
  const [published] = dataset.agreements;
  if (published === undefined) throw new Error("the demo has no agreement");
  const source: Source = {
    id: DRAFT_SOURCE,
    outlet: "Draft Outlet",
    title: "[A leak only the draft cites]",
    published: { date: "2025-11-10", precision: "DAY" },
    kind: "LEAK",
  };
  const [first, ...rest] = published.commitments;
  if (first === undefined) throw new Error("the demo has no commitment");
  const [milestone, ...others] = first.milestones;
  if (milestone === undefined) throw new Error("the demo has no milestone");
  const draft = {
    ...published,
    slug: DRAFT,
    title: DRAFT_TITLE,
    published: false,
    commitments: [
      {
        ...first,
        milestones: [
          {
            ...milestone,
            evidence: [
              ...milestone.evidence,
              { source: DRAFT_SOURCE, stance: "CONTRADICTS" as const, quote: "Nothing of this is public." },
            ],
          },
          ...others,
        ],
      },
      ...rest,
    ],
  };
  return {
    sources: [...dataset.sources, source].sort((a, b) => (a.id < b.id ? -1 : 1)),
    agreements: [draft, published].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
  };
}

/** Only the draft (and its sources). */
export function draftsOnly(): Dataset {
  const dataset = demoWithDraft();
  return { sources: dataset.sources, agreements: dataset.agreements.filter((a) => !a.published) };
}

/** A route module's handlers, as the tests call them. */
export interface RouteModule {
  readonly GET: RouteHandler;
  readonly OPTIONS: RouteHandler;
}

export const routes = {
  agreements: () => import("@/app/api/v1/[org]/agreements/route") as Promise<RouteModule>,
  agreement: () => import("@/app/api/v1/[org]/agreements/[agreement]/route") as Promise<RouteModule>,
  health: () => import("@/app/api/v1/[org]/agreements/[agreement]/health/route") as Promise<RouteModule>,
  milestones: () => import("@/app/api/v1/[org]/agreements/[agreement]/milestones.csv/route") as Promise<RouteModule>,
  export: () => import("@/app/api/v1/[org]/export/route") as Promise<RouteModule>,
  openapi: () => import("@/app/api/v1/openapi.json/route") as Promise<RouteModule>,
};

/** GET `pathAndQuery` through `handler` with the path parameters Next.js would give it. */
export function get(
  handler: RouteHandler,
  pathAndQuery: string,
  params: Readonly<Record<string, string>>,
  init: RequestInit = {},
): Promise<Response> {
  return handler(new Request(`http://localhost${pathAndQuery}`, init), { params: Promise.resolve(params) });
}

/** Today in UTC, as the API's default `asOf`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
