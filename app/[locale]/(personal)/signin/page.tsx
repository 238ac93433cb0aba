import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { SingleSignOnButton } from "@/components/auth/SingleSignOnButton";
import { ClientMessages } from "@/components/ClientMessages";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { getViewer, safeCallbackPath } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getPathname } from "@/lib/i18n/navigation";
import { getCurrentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.page");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** NextAuth sends single sign-on failures back here as ?error=<code>: the message's key. */
function ssoErrorKey(code: string | undefined): "ssoAccessDenied" | "ssoFailed" | null {
  if (code === undefined) return null;
  return code === "AccessDenied" ? "ssoAccessDenied" : "ssoFailed";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("auth.page"), getCurrentLocale()]);
  // Without a (usable) callbackUrl, the account page in the reader's language; never this page itself, in either.
  const fallback = getPathname({ href: "/account", locale });
  const asked = safeCallbackPath(first(params.callbackUrl), fallback);
  const callbackPath = asked.split(/[?#]/)[0] === getPathname({ href: "/signin", locale }) ? fallback : asked;
  if ((await getViewer()).kind === "user") redirect(callbackPath);

  const { oidc } = getEnv();
  const ssoError = ssoErrorKey(first(params.error));
  const signedOutEverywhere = first(params.signedOut) === "everywhere";

  return (
    <section aria-labelledby="signin" className="mx-auto max-w-md">
      <h1 id="signin" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {signedOutEverywhere ? (
        <p role="status" className="mt-4 rounded-md border border-rule bg-white px-3 py-2">
          {t("signedOutEverywhere")}
        </p>
      ) : null}
      {ssoError ? (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-3 py-2 font-medium text-red-800">
          {t(ssoError)}
        </p>
      ) : null}
      <ClientMessages namespaces={["auth"]}>
        <div className="mt-6 rounded-lg border border-rule bg-white p-5">
          <SignInForm callbackPath={callbackPath} />
        </div>
        {oidc ? (
          <div className="mt-6">
            <p className="mb-2 text-center text-sm text-muted">{t("or")}</p>
            <SingleSignOnButton providerId={OIDC_PROVIDER_ID} name={oidc.name} callbackPath={callbackPath} />
          </div>
        ) : null}
      </ClientMessages>
      <p className="mt-6 text-sm text-muted">{t("noAccount")}</p>
    </section>
  );
}
