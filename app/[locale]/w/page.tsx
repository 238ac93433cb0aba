import { redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getViewer } from "@/lib/auth/session";
import { listOrganisationsForViewer } from "@/lib/data/members";
import { roleLabel } from "@/components/labels";

export const metadata: Metadata = { title: "Workspace — Accordwatch" };

export default async function WorkspaceHome() {
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn("/w");
  const organisations = await listOrganisationsForViewer(viewer);
  return (
    <div>
      <h1 className="text-3xl font-bold">Workspace</h1>
      {organisations.length === 0 ? (
        <p className="mt-4">
          You are not a member of any organisation yet. Ask an admin of yours for an invitation link.
        </p>
      ) : (
        <>
          <p className="mt-2 text-muted">Choose an organisation.</p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {organisations.map((o) => (
              <li key={o.slug} className="rounded-lg border border-rule bg-white p-4">
                <Link href={`/w/${o.slug}`} className="text-lg font-semibold">
                  {o.name}
                </Link>
                <p className="text-sm text-muted">Your role: {roleLabel(o.role)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
