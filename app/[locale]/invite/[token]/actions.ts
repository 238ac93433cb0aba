"use server";
/**
 * Server actions of the invite page: accepting as the signed-in user, or signing up through the link. Holding the
 * link is what allows either; lib/data checks the invite's state inside the transaction that uses it.
 */
import { redirectHere } from "@/lib/i18n/server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { ForbiddenError } from "@/lib/auth/policy";
import { acceptInvite, signUpWithInvite } from "@/lib/data/members";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function acceptInviteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let joined: string | undefined;
  const state = await runFormAction(form, async (viewer) => {
    if (viewer.kind !== "user") throw new ForbiddenError("Sign in to accept the invitation.");
    const accepted = await acceptInvite(viewer.userId, text(form, "token"));
    joined = accepted.organisation.slug;
    revalidatePath("/w");
    return `You joined ${accepted.organisation.name}.`;
  });
  // Outside runFormAction: redirect() works by throwing, which the builder would take for a failure.
  if (state.status === "ok" && joined !== undefined) return redirectHere(`/w/${joined}`);
  return state;
}

export type SignUpState = ActionState & {
  /** After the account is made: where to sign in to land in the organisation. */
  readonly organisation?: { readonly slug: string; readonly name: string };
};

export async function signUpWithInviteAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  let organisation: SignUpState["organisation"];
  const state = await runFormAction(form, async () => {
    const signedUp = await signUpWithInvite(text(form, "token"), {
      name: text(form, "name"),
      email: text(form, "email"),
      password: text(form, "password"),
    });
    organisation = signedUp.organisation;
    return `Your account is ready and you are a member of ${signedUp.organisation.name}. Sign in to continue.`;
  });
  if (state.status === "error") {
    // What was typed comes back, except the password: it is not to travel back to the page.
    const { password: _password, ...values } = state.values ?? {};
    return { ...state, values };
  }
  return organisation ? { ...state, organisation } : state;
}
