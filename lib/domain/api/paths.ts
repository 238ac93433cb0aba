/**
 * The addresses of the open-data API, as OpenAPI path templates. The route files under app/api/v1 sit at these
 * paths ({org} is the folder [org]); the endpoints (lib/http/endpoints.ts) and the links inside responses are
 * built from these constants only.
 */
export const API_PATHS = {
  agreements: "/api/v1/{org}/agreements",
  agreement: "/api/v1/{org}/agreements/{agreement}",
  health: "/api/v1/{org}/agreements/{agreement}/health",
  milestones: "/api/v1/{org}/agreements/{agreement}/milestones.csv",
  export: "/api/v1/{org}/export",
  openapi: "/api/v1/openapi.json",
} as const;

export type ApiPath = (typeof API_PATHS)[keyof typeof API_PATHS];

/**
 * A template with its parameters filled in, and a query when given (`asOf`). Slugs are [a-z0-9-] and days digits and
 * hyphens, but each part is encoded all the same.
 */
export function apiPath(
  template: ApiPath,
  params: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const path = template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`apiPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** The public scorecard page of an agreement (HTML), for links from the API to what people read. */
export function scorecardPath(org: string, agreement: string, asOf?: string): string {
  const path = `/${encodeURIComponent(org)}/${encodeURIComponent(agreement)}`;
  return asOf === undefined ? path : `${path}?asOf=${encodeURIComponent(asOf)}`;
}
