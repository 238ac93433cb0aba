/** Types of cached-answer.mjs (plain JavaScript: the ISR cache handler loads it untranspiled). */
export const CACHE_TAGS_HEADER: string;
export const SHARED_CACHE_HEADER: string;

export interface CacheEntry {
  readonly value?: {
    readonly kind?: string;
    readonly html?: unknown;
    readonly postponed?: unknown;
    readonly status?: number;
    readonly headers?: Record<string, string | string[] | number | undefined>;
  } | null;
  readonly lastModified?: number;
  readonly cacheControl?: { readonly revalidate?: number | false; readonly expire?: number };
}

export interface PreparedPage {
  readonly body: Buffer<ArrayBuffer>;
  readonly etag: string;
  readonly headers: readonly (readonly [string, string])[];
}

export interface CachedPages {
  fresh(pathname: string): PreparedPage | null;
  notModified(requestHeaders: Record<string, string | undefined>, etag: string): boolean;
  readonly vary: string;
}

export function isCachedDocumentRequest(method: string, headers: Headers, searchParams: URLSearchParams): boolean;
export function isFreshPage(
  entry: CacheEntry | null | undefined,
  at: {
    now: number;
    expiredBefore: number;
    tagsExpired: (tags: string[], since: number) => boolean;
    tagsStale: (tags: string[], since: number) => boolean;
  },
): boolean;
export function preparedPage(
  value: { html: string; headers?: Record<string, string | string[] | number | undefined> },
  generateETag: (html: string) => string,
): PreparedPage;
export function cachedPageHeaders(parts: {
  proxyHeaders: Headers;
  page: PreparedPage;
  vary: string;
  framing: string;
}): Headers;
export function publishCachedPages(pages: CachedPages): void;
export function cachedPageAnswer(
  request: { readonly method: string; readonly headers: Headers; readonly searchParams: URLSearchParams },
  pathname: string,
  proxyHeaders: Headers,
  framing: string,
): { status: 200 | 304; headers: Headers; body: Buffer<ArrayBuffer> | null } | null;
