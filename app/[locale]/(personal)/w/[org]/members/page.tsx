import { getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { ChangeRoleForm } from "@/components/workspace/members/ChangeRoleForm";
import { CreateInviteForm } from "@/components/workspace/members/CreateInviteForm";
import { RemoveMemberForm } from "@/components/workspace/members/RemoveMemberForm";
import { RevokeInviteForm } from "@/components/workspace/members/RevokeInviteForm";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listInvites, listMembers } from "@/lib/data/members";
import { changeRoleAction, createInviteAction, removeMemberAction, revokeInviteAction } from "./actions";
import { RecordTable } from "@/components/workspace/RecordTable";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.page");
  return { title: t("metaTitle") };
}

/** The UTC day of an instant. */
const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

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
  const [t, tm, format] = await Promise.all([getTranslations("members.page"), getTranslations("members"), getFormat()]);

  return (
    <div className="grid gap-8">
      <div>
        <nav aria-label={tm("breadcrumbs")} className="text-sm">
          <Link href="/w">{tm("workspace")}</Link> / <Link href={`/w/${org}`}>{organisationName}</Link>
        </nav>
        <h1 className="mt-1 text-3xl font-bold">{t("title", { organisation: organisationName })}</h1>
      </div>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-xl font-semibold">
          {t("members")}
        </h2>
        <RecordTable columns={[t("name"), t("email"), t("role"), t("since"), ...(isAdmin ? [t("manage")] : [])]}>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row" className="font-semibold">
                {member.name}
              </th>
              <td>{member.email}</td>
              <td>{format.role(member.role)}</td>
              <td>{format.day(dayOf(member.since))}</td>
              {isAdmin ? (
                <td>
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
        </RecordTable>
      </section>

      {isAdmin ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="text-xl font-semibold">
            {t("invite")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("inviteHint")}</p>
          <div className="mt-3 rounded-lg border border-rule bg-white p-4">
            <CreateInviteForm action={createInviteAction} org={org} />
          </div>
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="text-xl font-semibold">
            {t("pending")}
          </h2>
          {pending.length === 0 ? (
            <p className="mt-2 text-sm">{t("noPending")}</p>
          ) : (
            <ul className="mt-3 grid gap-3">
              {pending.map((invite) => {
                const created = format.day(dayOf(invite.createdAt));
                const description = t("pendingDescription", { role: invite.role, created });
                return (
                  <li
                    key={invite.id}
                    className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-rule bg-white p-3"
                  >
                    <p className="text-sm">
                      {t.rich("pendingInvite", {
                        role: format.role(invite.role),
                        created,
                        hasCreator: invite.createdBy ? "yes" : "no",
                        createdBy: invite.createdBy ?? "",
                        expires: format.day(dayOf(invite.expiresAt)),
                        strong: (chunks) => <span className="font-semibold">{chunks}</span>,
                      })}
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
