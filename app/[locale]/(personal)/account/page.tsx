import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { ClientMessages } from "@/components/ClientMessages";
import { getViewer } from "@/lib/auth/session";
import { signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

export default async function AccountPage() {
  const viewer = await getViewer();
  if (viewer.kind !== "user") return redirectToSignIn("/account");
  const [t, format] = await Promise.all([getTranslations("account"), getFormat()]);

  return (
    <div className="max-w-2xl space-y-8">
      <section aria-labelledby="account">
        <h1 id="account" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium text-muted">{t("name")}</dt>
          <dd data-testid="account-name">{viewer.name}</dd>
          <dt className="font-medium text-muted">{t("email")}</dt>
          <dd>{viewer.email}</dd>
        </dl>
      </section>

      <section aria-labelledby="organisations">
        <h2 id="organisations" className="text-2xl font-bold">
          {t("organisations.title")}
        </h2>
        {viewer.memberships.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-stone-400 bg-white p-4 text-muted">
            {t("organisations.none")}
          </p>
        ) : (
          <table className="mt-3 w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="px-3 py-2">
                  {t("organisations.organisation")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("organisations.slug")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("organisations.role")}
                </th>
              </tr>
            </thead>
            <tbody>
              {viewer.memberships.map((m) => (
                <tr key={m.organisationId} className="border-b border-rule last:border-b-0">
                  <td className="px-3 py-2">
                    <Link href={`/w/${m.organisation}`}>{m.organisationName}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <code>{m.organisation}</code>
                  </td>
                  <td className="px-3 py-2">{format.role(m.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions" className="text-2xl font-bold">
          {t("signingOut.title")}
        </h2>
        <div className="mt-3 flex flex-wrap items-start gap-6">
          <div>
            <ClientMessages namespaces={["auth"]}>
              <SignOutButton />
            </ClientMessages>
            <p className="mt-1 text-sm text-muted">{t("signingOut.thisBrowser")}</p>
          </div>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="min-h-11 rounded-md border border-stone-900 bg-white px-4 py-2 font-semibold text-ink hover:bg-stone-100"
            >
              {t("signingOut.everywhere")}
            </button>
            <p className="mt-1 text-sm text-muted">{t("signingOut.everywhereHint")}</p>
          </form>
        </div>
      </section>
    </div>
  );
}
