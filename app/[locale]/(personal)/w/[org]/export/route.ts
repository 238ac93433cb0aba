/**
 * GET /w/{org}/export: the organisation's accordwatch/v1 document as a download, drafts included; with `?public=1`
 * the public export (published agreements and the sources they cite). Who may is lib/data's (loadDataset): the full
 * export for editors and admins, and an organisation the viewer may not read answers 404 like one that does not
 * exist. Never cached: the full export holds drafts, and both change with every edit.
 */
import { getTranslations } from "next-intl/server";
import { can, ForbiddenError } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { loadDataset } from "@/lib/data/load-dataset";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { RETRY_AFTER_SECONDS } from "@/lib/http/unavailable";
import { serializeInterchange } from "@/lib/domain/interchange";
import { asLocale } from "@/lib/i18n/format";
import { withRequest } from "@/lib/http/with-request";

const NO_STORE = { "Cache-Control": "private, no-store" };

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, ...headers },
  });
}

async function exportDocument(
  request: Request,
  { params }: { params: Promise<{ locale: string; org: string }> },
): Promise<Response> {
  const { locale, org } = await params;
  // Its refusals are read in the browser: in the language of the address (/fr/w/{org}/export).
  const t = await getTranslations({ locale: asLocale(locale), namespace: "importExport.export" });
  const publicOnly = new URL(request.url).searchParams.get("public") === "1";
  try {
    const viewer = await getViewer();
    const dataset = await loadDataset(viewer, org, { publicOnly });
    // As on the public scorecard (/{org}): an organisation that publishes nothing is not there for outsiders.
    if (publicOnly && dataset.agreements.length === 0 && !can(viewer, "organisation:read", { organisation: org })) {
      return text(404, t("notFound"));
    }
    const day = new Date().toISOString().slice(0, 10);
    const filename = `${org}${publicOnly ? "-public" : ""}-${day}.accordwatch.json`;
    return new Response(serializeInterchange(dataset), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        ...NO_STORE,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return text(404, t("notFound"));
    if (error instanceof ForbiddenError) return text(403, t("forbidden"));
    if (isDatabaseUnavailable(error)) {
      return text(503, t("databaseUnavailable"), { "Retry-After": String(RETRY_AFTER_SECONDS) });
    }
    throw error;
  }
}

export const GET = withRequest(exportDocument);
