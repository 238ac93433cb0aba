import { getCurrentLocale, getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/workspace/CommentThread";
import { CreateWebhookForm } from "@/components/workspace/webhooks/CreateWebhookForm";
import { DeleteWebhookForm } from "@/components/workspace/webhooks/DeleteWebhookForm";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/data/webhooks";
import { listAgreements } from "@/lib/data/workspace";
import { getJobsSettings } from "@/lib/env";
import { createWebhookAction, deleteWebhookAction } from "./actions";
import { RecordTable } from "@/components/workspace/RecordTable";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.webhooks");
  return { title: t("metaTitle") };
}

/** For admins: the organisation's webhook endpoints, the form that adds one (its secret shown once), the deliveries. */
export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/webhooks`);
  // Any member learns the page exists; only admins see and change what is on it.
  const { organisation } = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const isAdmin = can(viewer, "organisation:manage-webhooks", { organisation: org });
  const [endpoints, deliveries] = isAdmin
    ? await Promise.all([listWebhookEndpoints(viewer, org), listWebhookDeliveries(viewer, org)])
    : [[], []];
  let attempts = 8;
  try {
    attempts = getJobsSettings().webhookMaxAttempts;
  } catch {
    // Reported by the scheduled work itself; the default is what it would use.
  }
  const locale = await getCurrentLocale();
  const [t, tn, format] = await Promise.all([
    getTranslations("notifications.webhooks"),
    getTranslations("notifications"),
    getFormat(),
  ]);

  return (
    <div className="grid gap-8">
      <div>
        <nav aria-label={tn("breadcrumbs")} className="text-sm">
          <Link href="/w">{tn("workspace")}</Link> / <Link href={`/w/${org}`}>{organisation.name}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">{t("title", { organisation: organisation.name })}</h1>
        <p className="mt-2 max-w-3xl">{isAdmin ? t("intro", { attempts }) : t("adminsOnly")}</p>
      </div>

      {isAdmin ? (
        <>
          <section aria-labelledby="endpoints-heading">
            <h2 id="endpoints-heading" className="text-xl font-semibold">
              {t("endpoints")}
            </h2>
            {endpoints.length === 0 ? (
              <p className="mt-2">{t("none")}</p>
            ) : (
              <RecordTable columns={[t("url"), t("drafts"), t("created"), t("deliveries"), t("manage")]}>
                {endpoints.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <th scope="row" className="font-mono text-xs break-all">
                      {endpoint.url}
                    </th>
                    <td>{endpoint.includeDrafts ? t("draftsYes") : t("draftsNo")}</td>
                    <td>
                      {format.day(endpoint.createdAt.toISOString().slice(0, 10))}
                      {endpoint.createdBy ? ` · ${endpoint.createdBy}` : ""}
                    </td>
                    <td>
                      {t("counts", {
                        delivered: endpoint.counts.DELIVERED,
                        pending: endpoint.counts.PENDING,
                        failed: endpoint.counts.FAILED,
                      })}
                    </td>
                    <td>
                      <DeleteWebhookForm
                        action={deleteWebhookAction}
                        org={org}
                        endpointId={endpoint.id}
                        url={endpoint.url}
                      />
                    </td>
                  </tr>
                ))}
              </RecordTable>
            )}
          </section>

          <section aria-labelledby="add-heading">
            <h2 id="add-heading" className="text-xl font-semibold">
              {t("add")}
            </h2>
            <div className="mt-3 rounded-lg border border-rule bg-white p-4">
              <CreateWebhookForm action={createWebhookAction} org={org} />
            </div>
          </section>

          <section aria-labelledby="deliveries-heading">
            <h2 id="deliveries-heading" className="text-xl font-semibold">
              {t("recent")}
            </h2>
            {deliveries.length === 0 ? (
              <p className="mt-2">{t("noDeliveries")}</p>
            ) : (
              <RecordTable columns={[t("when"), t("change"), t("url"), t("state"), t("attempts"), t("lastAnswer")]}>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td className="whitespace-nowrap">
                      <time dateTime={d.createdAt.toISOString()}>{formatUtc(d.createdAt)}</time>
                    </td>
                    <th scope="row" className="font-normal">
                      {d.titles[locale]}
                    </th>
                    <td className="font-mono text-xs break-all">{d.endpointUrl}</td>
                    <td>{t("stateName", { state: d.state })}</td>
                    <td>{d.attempts}</td>
                    <td>{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? t("noAnswer"))}</td>
                  </tr>
                ))}
              </RecordTable>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
