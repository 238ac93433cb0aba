import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { roleLabel } from "@/components/labels";
import { AcceptInviteForm } from "@/components/workspace/members/AcceptInviteForm";
import { SignUpWithInviteForm } from "@/components/workspace/members/SignUpWithInviteForm";
import { getViewer } from "@/lib/auth/session";
import { describeInvite, InviteError } from "@/lib/data/members";
import { acceptInviteAction, signUpWithInviteAction } from "./actions";

// The link is a secret: keep it out of search engines and out of the Referer of links followed from here.
export const metadata: Metadata = {
  title: "Invitation",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const HEADINGS = {
  unknown: "This invitation link does not work",
  expired: "This invitation has expired",
  used: "This invitation has been used already",
  revoked: "This invitation has been withdrawn",
} as const;

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/**
 * Where an invitation link leads. A usable link offers to join: with one click when signed in, otherwise through a
 * new account. Any other link gets a page saying what happened to it and what to do, never an error page.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, viewer] = await Promise.all([describeInvite(token), getViewer()]);

  if (invite.state !== "valid") {
    return (
      <section aria-labelledby="invite-heading" className="mx-auto max-w-xl">
        <h1 id="invite-heading" className="text-3xl font-bold">
          {HEADINGS[invite.state]}
        </h1>
        <p className="mt-4">{new InviteError(invite.state).message}</p>
        {invite.state !== "unknown" ? (
          <p className="mt-2 text-muted">
            It was an invitation to {invite.organisation.name} as {roleLabel(invite.role).toLowerCase()}.
          </p>
        ) : null}
        <p className="mt-4">
          Already a member? <Link href="/w">Go to your workspace</Link>.
        </p>
      </section>
    );
  }

  const { organisation, role, expiresAt } = invite;
  const alreadyMember = viewer.kind === "user" && viewer.memberships.some((m) => m.organisation === organisation.slug);
  const selfPath = `/invite/${token}`;

  return (
    <section aria-labelledby="invite-heading" className="mx-auto max-w-md">
      <h1 id="invite-heading" className="text-3xl font-bold">
        Join {organisation.name} as {roleLabel(role).toLowerCase()}
      </h1>
      <p className="mt-2 text-muted">This link works once and expires on {dayFormat.format(expiresAt)} UTC.</p>

      {viewer.kind === "user" ? (
        <div className="mt-6 grid gap-4 rounded-lg border border-rule bg-white p-5">
          {alreadyMember ? (
            <p>
              You are a member of {organisation.name} already; the link stays unused.{" "}
              <Link href={`/w/${organisation.slug}`}>Open its workspace</Link>.
            </p>
          ) : (
            <>
              <p>
                You are signed in as {viewer.name} ({viewer.email}).
              </p>
              <AcceptInviteForm action={acceptInviteAction} token={token} organisationName={organisation.name} />
            </>
          )}
        </div>
      ) : (
        <>
          <h2 className="mt-6 text-xl font-semibold">Create your account</h2>
          <div className="mt-3 rounded-lg border border-rule bg-white p-5">
            <SignUpWithInviteForm action={signUpWithInviteAction} token={token} />
          </div>
          <p className="mt-6 text-sm">
            Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(selfPath)}`}>Sign in</Link>,
            then accept here.
          </p>
        </>
      )}
    </section>
  );
}
