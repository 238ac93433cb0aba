import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listAgreements } from "@/lib/data/workspace";
import { formatPreciseDate } from "@/lib/domain/dates";
import { partyLabel } from "@/components/labels";

export const metadata: Metadata = { title: "Agreements — Accordwatch workspace" };

export default async function WorkspaceOrganisationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") redirect(`/signin?callbackUrl=${encodeURIComponent(`/w/${org}`)}`);
  const listed = await listAgreements(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div>
      <p className="text-sm">
        <Link href="/w">Workspace</Link> · <Link href={`/w/${org}/members`}>Members</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold">{listed.organisation.name}</h1>
      <nav aria-label="Review" className="mt-3">
        <ul className="flex flex-wrap gap-4 text-sm">
          <li>
            <Link href={`/w/${org}/history`}>History</Link>
          </li>
          <li>
            <Link href={`/w/${org}/changes`}>Changes since…</Link>
          </li>
          <li>
            <Link href={`/w/${org}/watchlist`}>Watchlist</Link>
          </li>
          <li>
            <Link href={`/w/${org}/data`}>Import and export</Link>
          </li>
        </ul>
      </nav>
      <h2 className="mt-6 text-xl font-semibold">Agreements, drafts included</h2>
      {listed.agreements.length === 0 ? (
        <p className="mt-2">
          No agreements yet. <Link href={`/w/${org}/data`}>Import an accordwatch/v1 document</Link> to start.
        </p>
      ) : (
        <ul className="mt-3 grid gap-3">
          {listed.agreements.map((a) => (
            <li key={a.slug} className="rounded-lg border border-rule bg-white p-4">
              <Link href={`/w/${org}/${a.slug}`} className="text-lg font-semibold">
                {a.title}
              </Link>{" "}
              <span className="ml-1 rounded border border-stone-400 px-1.5 text-xs font-semibold">
                {a.published ? "Published" : "Draft"}
              </span>
              <p className="text-sm text-muted">
                {a.parties.map(partyLabel).join(" and ")} · announced {formatPreciseDate(a.announced)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
