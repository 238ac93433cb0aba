import { getCurrentLocale, getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { HealthBadge } from "@/components/HealthBadge";
import { formatUtc } from "@/components/workspace/CommentThread";
import { EmailLanguageForm } from "@/components/workspace/notifications/EmailLanguageForm";
import { MarkReadForm } from "@/components/workspace/notifications/MarkReadForm";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import {
  countUnreadNotifications,
  getEmailLanguage,
  listNotifications,
  NOTIFICATIONS_PAGE_SIZE,
} from "@/lib/data/notifications";
import { getJobsSettings } from "@/lib/env";
import { markNotificationsReadAction, setEmailLanguageAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("metaTitle") };
}

/** The viewer's notifications: the health transitions of what they watch, read and unread, newest first. */
export default async function NotificationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/notifications`);
  const [notifications, unread] = await Promise.all([
    listNotifications(viewer, org),
    countUnreadNotifications(viewer, org),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const locale = await getCurrentLocale();
  const emailLocale = (await getEmailLanguage(viewer)) ?? locale;
  let emailOn = false;
  try {
    emailOn = getJobsSettings().smtp !== null;
  } catch {
    // A misconfigured SMTP is the log's to report (lib/jobs/in-process.ts); here it sends nothing.
  }
  const organisationName =
    (viewer.kind === "user" ? viewer.memberships.find((m) => m.organisation === org)?.organisationName : null) ?? org;
  const [t, tn, format] = await Promise.all([
    getTranslations("notifications.page"),
    getTranslations("notifications"),
    getFormat(),
  ]);

  return (
    <div className="grid gap-6">
      <div>
        <nav aria-label={tn("breadcrumbs")} className="text-sm">
          <Link href="/w">{tn("workspace")}</Link> / <Link href={`/w/${org}`}>{organisationName}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2">{t("intro")}</p>
        <p className="mt-1 font-semibold">{t("unread", { count: unread })}</p>
      </div>

      {unread > 0 ? <MarkReadForm action={markNotificationsReadAction} org={org} /> : null}

      {notifications.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="grid gap-3" aria-label={t("title")}>
          {notifications.map((n) => {
            const text = n.texts[locale];
            const anchor =
              n.milestone === null
                ? `commitment-${n.commitment.key}`
                : `milestone-${n.commitment.key}-${n.milestone.key}`;
            const isUnread = n.readAt === null;
            return (
              <li
                key={n.notificationId}
                className={`rounded-lg border bg-white p-4 ${isUnread ? "border-2 border-stone-900" : "border-rule"}`}
              >
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span
                    className={`rounded px-1.5 text-xs font-semibold ${
                      isUnread ? "bg-stone-900 text-white" : "border border-stone-400"
                    }`}
                  >
                    {isUnread ? t("unreadBadge") : t("read")}
                  </span>
                  <span>{t("tookEffect", { day: format.day(n.day) })}</span>
                  <span className="text-muted">
                    · <time dateTime={n.createdAt.toISOString()}>{formatUtc(n.createdAt)}</time>
                  </span>
                </p>
                <h2 className="mt-1 flex flex-wrap items-center gap-3 text-lg font-semibold">
                  <Link href={`/w/${org}/${n.agreement.slug}#${anchor}`}>{text.title}</Link>
                  <HealthBadge health={n.health} size="sm" />
                </h2>
                <p className="mt-1">{text.summary}</p>
                <p className="mt-1 text-sm text-muted">
                  {t("inAgreement", { agreement: n.agreement.title, draft: n.agreement.published ? "no" : "yes" })}
                </p>
                {isUnread ? (
                  <div className="mt-2">
                    <MarkReadForm
                      action={markNotificationsReadAction}
                      org={org}
                      notificationId={n.notificationId}
                      title={text.title}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {notifications.length >= NOTIFICATIONS_PAGE_SIZE ? (
        <p className="text-sm">{t("latest", { count: NOTIFICATIONS_PAGE_SIZE })}</p>
      ) : null}

      <section className="rounded-lg border border-rule bg-white p-4" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-lg font-semibold">
          {t("emailHeading")}
        </h2>
        <p className="mt-1 text-sm">{emailOn ? t("emailOn") : t("emailOff")}</p>
        <div className="mt-2">
          <EmailLanguageForm action={setEmailLanguageAction} org={org} locale={emailLocale} />
        </div>
      </section>
    </div>
  );
}
