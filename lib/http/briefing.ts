/**
 * The Markdown download of a briefing (GET /w/{org}/{agreement}/briefing.md, /w/{org}/watchlist/briefing.md): the
 * session's viewer, `?asOf=` parsed by its one schema (default today, UTC), the data layer asked (it checks the
 * policy), the briefing rendered by lib/domain/briefing-markdown. Members only: a signed-out visitor and a non-member
 * both get the same 404 as an organisation that does not exist. Never cached: it holds drafts.
 */
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import type { BriefingView } from "@/lib/data/briefing";
import { NotFoundError, ValidationError } from "@/lib/data/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { renderBriefingMarkdown } from "@/lib/domain/briefing-markdown";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locale";
import { asOfQuerySchema } from "@/lib/domain/schemas/as-of";
import { parseInput } from "@/lib/domain/schemas/parse";
import { RETRY_AFTER_SECONDS } from "./unavailable";
import { withRequest } from "./with-request";

const NO_STORE = { "Cache-Control": "private, no-store" };

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, ...headers },
  });
}

export interface BriefingDownload<P extends { readonly locale: string }> {
  /** The data layer's briefing for the viewer, the route's parameters, the day and the language of the address. */
  readonly load: (viewer: Viewer, params: P, asOf: string, locale: Locale) => Promise<BriefingView>;
  /** The file's name without ".md" (slugs and the day: nothing to quote). */
  readonly name: (params: P, asOf: string) => string;
  /** Who asks: the session's viewer; tests give one. */
  readonly viewer?: () => Promise<Viewer>;
  readonly today?: () => string;
}

/** A route handler's GET for a briefing's Markdown. */
export function briefingMarkdownGet<P extends { readonly locale: string }>(
  download: BriefingDownload<P>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  const { load, name, viewer: viewerOf = getViewer, today = () => todayUtc() } = download;
  return withRequest(async (request, context) => {
    try {
      const viewer = await viewerOf();
      if (viewer.kind === "anonymous") return text(404, "Not found.");
      const params = await context.params;
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = parseInput(asOfQuerySchema, query);
      if (!parsed.ok) return text(400, parsed.fieldErrors.asOf?.[0] ?? "Give the day as YYYY-MM-DD.");
      const asOf = parsed.data.asOf ?? today();
      const locale = isLocale(params.locale) ? params.locale : DEFAULT_LOCALE;
      const view = await load(viewer, params, asOf, locale);
      return new Response(renderBriefingMarkdown(view.briefing, view.title, locale), {
        headers: {
          "Content-Type": "text/markdown; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name(params, asOf)}.md"`,
          ...NO_STORE,
        },
      });
    } catch (error) {
      if (error instanceof NotFoundError) return text(404, "Not found.");
      if (error instanceof ValidationError) {
        return text(400, Object.values(error.fieldErrors).flat()[0] ?? error.message);
      }
      if (isDatabaseUnavailable(error)) {
        return text(503, "The database is unavailable; please try again shortly.", {
          "Retry-After": String(RETRY_AFTER_SECONDS),
        });
      }
      throw error;
    }
  });
}
