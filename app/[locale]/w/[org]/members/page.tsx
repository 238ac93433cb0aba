import { redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { roleLabel } from "@/components/labels";
import { ChangeRoleForm } from "@/components/workspace/members/ChangeRoleForm";
import { CreateInviteForm } from "@/components/workspace/members/CreateInviteForm";
import { RemoveMemberForm } from "@/components/workspace/members/RemoveMemberForm";
import { RevokeInviteForm } from "@/components/workspace/members/RevokeInviteForm";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listInvites, listMembers } from "@/lib/data/members";
import { changeRoleAction, createInviteAction, removeMemberAction, revokeInviteAction } from "./actions";

export const metadata: Metadata = { title: "Members — Accordwatch workspace" };

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Who is in the organisation, for every member; for admins, invitations and the forms that change membership. */
export default async function WorkspaceMembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/members`);
  const members = await listMembers(viewer, org).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const isAdmin = can(viewer, "organisation:manage-members", { organisation: org });
  const pending = isAdmin ? (await listInvites(viewer, org)).filter((i) => i.state === "valid") : [];
  const organisationName =
    (viewer.kind === "user" ? viewer.memberships.find((m) => m.organisation === org)?.organisationName : null) ?? org;

  return (
    <div className="grid gap-8">
      <div>
        <nav aria-label="Breadcrumbs" className="text-sm">
          <Link href="/w">Workspace</Link> / <Link href={`/w/${org}`}>{organisationName}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">Members of {organisationName}</h1>
      </div>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-xl font-semibold">
          Members
        </h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-rule bg-stone-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Email
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Member since
                </th>
                {isAdmin ? (
                  <th scope="col" className="px-3 py-2">
                    Manage
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId} className="border-b border-rule align-top last:border-b-0">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {member.name}
                  </th>
                  <td className="px-3 py-2">{member.email}</td>
                  <td className="px-3 py-2">{roleLabel(member.role)}</td>
                  <td className="px-3 py-2">{dayFormat.format(member.since)}</td>
                  {isAdmin ? (
                    <td className="px-3 py-2">
                      <div className="grid gap-2">
                        <ChangeRoleForm
                          action={changeRoleAction}
                          org={org}
                          userId={member.userId}
                          name={member.name}
                          role={member.role}
                        />
                        <RemoveMemberForm
                          action={removeMemberAction}
                          org={org}
                          organisationName={organisationName}
                          userId={member.userId}
                          name={member.name}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {isAdmin ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="text-xl font-semibold">
            Invite someone
          </h2>
          <p className="mt-1 text-sm text-muted">
            A link works once, carries the role you choose and expires after 7 days.
          </p>
          <div className="mt-3 rounded-lg border border-rule bg-white p-4">
            <CreateInviteForm action={createInviteAction} org={org} />
          </div>
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="text-xl font-semibold">
            Pending invitations
          </h2>
          {pending.length === 0 ? (
            <p className="mt-2 text-sm">No invitation is waiting to be used.</p>
          ) : (
            <ul className="mt-3 grid gap-3">
              {pending.map((invite) => {
                const description = `the ${roleLabel(invite.role).toLowerCase()} invitation created ${dayFormat.format(invite.createdAt)}`;
                return (
                  <li
                    key={invite.id}
                    className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-rule bg-white p-3"
                  >
                    <p className="text-sm">
                      <span className="font-semibold">{roleLabel(invite.role)}</span> · created{" "}
                      {dayFormat.format(invite.createdAt)}
                      {invite.createdBy ? ` by ${invite.createdBy}` : ""} · expires {dayFormat.format(invite.expiresAt)}
                    </p>
                    <RevokeInviteForm
                      action={revokeInviteAction}
                      org={org}
                      inviteId={invite.id}
                      description={description}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
