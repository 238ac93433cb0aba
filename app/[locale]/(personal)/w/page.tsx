import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getViewer } from "@/lib/auth/session";
import { listOrganisationsForViewer } from "@/lib/data/members";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.home");
  return { title: t("metaTitle") };
}

export default async function WorkspaceHome() {
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn("/w");
  const [organisations, t, format] = await Promise.all([
    listOrganisationsForViewer(viewer),
    getTranslations("workspace.home"),
    getFormat(),
  ]);
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {organisations.length === 0 ? (
        <p className="mt-4">{t("noOrganisations")}</p>
      ) : (
        <>
          <p className="mt-2 text-muted">{t("choose")}</p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {organisations.map((o) => (
              <li key={o.slug} className="rounded-lg border border-rule bg-white p-4">
                <Link href={`/w/${o.slug}`} className="text-lg font-semibold">
                  {o.name}
                </Link>
                <p className="text-sm text-muted">{t("yourRole", { role: format.role(o.role) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
