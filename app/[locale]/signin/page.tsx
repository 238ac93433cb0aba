import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { SingleSignOnButton } from "@/components/auth/SingleSignOnButton";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { getViewer, safeCallbackPath } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** NextAuth sends single sign-on failures back here as ?error=<code>. */
function ssoErrorMessage(code: string | undefined): string | null {
  if (code === undefined) return null;
  if (code === "AccessDenied") {
    return "There is no Accordwatch account for that email. Ask an admin of your organisation to invite you.";
  }
  return "Single sign-on did not complete. Please try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if ((await getViewer()).kind === "user") redirect(callbackPath);

  const { oidc } = getEnv();
  const ssoError = ssoErrorMessage(first(params.error));
  const signedOutEverywhere = first(params.signedOut) === "everywhere";

  return (
    <section aria-labelledby="signin" className="mx-auto max-w-md">
      <h1 id="signin" className="text-3xl font-bold">
        Sign in
      </h1>
      <p className="mt-2 text-muted">For members of an organisation: editors, reviewers and admins.</p>
      {signedOutEverywhere ? (
        <p role="status" className="mt-4 rounded-md border border-rule bg-white px-3 py-2">
          You are signed out on every device.
        </p>
      ) : null}
      {ssoError ? (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-3 py-2 font-medium text-red-800">
          {ssoError}
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-rule bg-white p-5">
        <SignInForm callbackPath={callbackPath} />
      </div>
      {oidc ? (
        <div className="mt-6">
          <p className="mb-2 text-center text-sm text-muted">or</p>
          <SingleSignOnButton providerId={OIDC_PROVIDER_ID} name={oidc.name} callbackPath={callbackPath} />
        </div>
      ) : null}
      <p className="mt-6 text-sm text-muted">
        No account? Accounts come by invitation from an admin of your organisation. Reading the published scorecards
        needs none.
      </p>
    </section>
  );
}
