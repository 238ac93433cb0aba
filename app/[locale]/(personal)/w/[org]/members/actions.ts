"use server";
/**
 * Server actions of the members page: thin (read the form, run the lib/data command through runFormAction,
 * revalidate the page). Validation and authorization (admins only) are the commands'.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import type { Role } from "@/lib/auth/viewer";
import { changeRole, createInvite, removeMember, revokeInvite, type CreatedInvite } from "@/lib/data/members";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The schema refuses anything that is not a role, with a field message; the cast only satisfies the signature. */
function role(form: FormData, name: string): Role {
  return text(form, name) as Role;
}

/** The site's origin as the browser reached it (behind a proxy: its x-forwarded-proto), for the full invite URL. */
async function requestOrigin(): Promise<string> {
  const all = await headers();
  const host = all.get("host") ?? "localhost";
  const proto = all.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export interface CreatedInviteLink {
  /** The full link, shown once: only its hash is stored. */
  readonly url: string;
  readonly role: Role;
  readonly expiresAt: string;
}

export type CreateInviteState = ActionState & { readonly invite?: CreatedInviteLink };

export async function createInviteAction(_previous: CreateInviteState, form: FormData): Promise<CreateInviteState> {
  const org = text(form, "org");
  const t = await getTranslations("members.actions");
  let created: CreatedInvite | undefined;
  const state = await runFormAction(form, async (viewer) => {
    created = await createInvite(viewer, org, { role: role(form, "role") });
    revalidatePath(`/w/${org}/members`);
    return t("inviteCreated");
  });
  if (state.status !== "ok" || created === undefined) return state;
  return {
    ...state,
    invite: {
      url: `${await requestOrigin()}${created.path}`,
      role: created.role,
      expiresAt: created.expiresAt.toISOString(),
    },
  };
}

export async function revokeInviteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("members.actions");
  return runFormAction(form, async (viewer) => {
    await revokeInvite(viewer, org, text(form, "inviteId"));
    revalidatePath(`/w/${org}/members`);
    return t("inviteRevoked");
  });
}

export async function changeRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("members.actions");
  return runFormAction(form, async (viewer) => {
    const member = await changeRole(
      viewer,
      org,
      text(form, "userId"),
      role(form, "role"),
      text(form, "expectedRole") === "" ? undefined : role(form, "expectedRole"),
    );
    revalidatePath(`/w/${org}/members`);
    return t("roleChanged", { name: member.name, role: member.role });
  });
}

export async function removeMemberAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("members.actions");
  return runFormAction(form, async (viewer) => {
    await removeMember(viewer, org, text(form, "userId"));
    revalidatePath(`/w/${org}/members`);
    revalidatePath(`/w/${org}`);
    return t("memberRemoved");
  });
}
