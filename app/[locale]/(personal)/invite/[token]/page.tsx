import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ClientMessages";
import { AcceptInviteForm } from "@/components/workspace/members/AcceptInviteForm";
import { SignUpWithInviteForm } from "@/components/workspace/members/SignUpWithInviteForm";
import { getViewer } from "@/lib/auth/session";
import { describeInvite } from "@/lib/data/members";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { getFormat } from "@/lib/i18n/server";
import { acceptInviteAction, signUpWithInviteAction } from "./actions";

// The link is a secret: keep it out of search engines and out of the Referer of links followed from here.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.invite");
  return {
    title: t("metaTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * Where an invitation link leads. A usable link offers to join: with one click when signed in, otherwise through a
 * new account. Any other link gets a page saying what happened to it and what to do, never an error page.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, viewer, t, format] = await Promise.all([
    describeInvite(token),
    getViewer(),
    getTranslations("members.invite"),
    getFormat(),
  ]);

  if (invite.state !== "valid") {
    return (
      <section aria-labelledby="invite-heading" className="mx-auto max-w-xl">
        <h1 id="invite-heading" className="text-3xl font-bold">
          {t(`heading.${invite.state}`)}
        </h1>
        {/* The words of lib/data's InviteError for this state, in the reader's language. */}
        <p className="mt-4">{t(`reason.${invite.state}`)}</p>
        {invite.state !== "unknown" ? (
          <p className="mt-2 text-muted">
            {t("wasFor", { organisation: invite.organisation.name, role: invite.role })}
          </p>
        ) : null}
        <p className="mt-4">{t.rich("alreadyMemberQuestion", { link: (chunks) => <Link href="/w">{chunks}</Link> })}</p>
      </section>
    );
  }

  const { organisation, role, expiresAt } = invite;
  const alreadyMember = viewer.kind === "user" && viewer.memberships.some((m) => m.organisation === organisation.slug);
  // Back here after signing in, in the reader's language.
  const selfPath = getPathname({ href: `/invite/${token}`, locale: format.locale });
  const expires = expiresAt.toISOString();

  return (
    <section aria-labelledby="invite-heading" className="mx-auto max-w-md">
      <h1 id="invite-heading" className="text-3xl font-bold">
        {t("join", { organisation: organisation.name, role })}
      </h1>
      <p className="mt-2 text-muted">
        {t("expires", { day: format.day(expires.slice(0, 10)), time: expires.slice(11, 16) })}
      </p>

      {viewer.kind === "user" ? (
        <div className="mt-6 grid gap-4 rounded-lg border border-rule bg-white p-5">
          {alreadyMember ? (
            <p>
              {t.rich("alreadyMember", {
                organisation: organisation.name,
                link: (chunks) => <Link href={`/w/${organisation.slug}`}>{chunks}</Link>,
              })}
            </p>
          ) : (
            <>
              <p>{t("signedInAs", { name: viewer.name, email: viewer.email })}</p>
              <ClientMessages namespaces={["members"]}>
                <AcceptInviteForm action={acceptInviteAction} token={token} organisationName={organisation.name} />
              </ClientMessages>
            </>
          )}
        </div>
      ) : (
        <>
          <h2 className="mt-6 text-xl font-semibold">{t("createAccount")}</h2>
          <div className="mt-3 rounded-lg border border-rule bg-white p-5">
            <ClientMessages namespaces={["members"]}>
              <SignUpWithInviteForm action={signUpWithInviteAction} token={token} />
            </ClientMessages>
          </div>
          <p className="mt-6 text-sm">
            {t.rich("haveAccount", {
              link: (chunks) => <Link href={`/signin?callbackUrl=${encodeURIComponent(selfPath)}`}>{chunks}</Link>,
            })}
          </p>
        </>
      )}
    </section>
  );
}
