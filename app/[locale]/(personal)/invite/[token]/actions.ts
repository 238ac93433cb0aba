"use server";
/**
 * Server actions of the invite page: accepting as the signed-in user, or signing up through the link. Holding the
 * link is what allows either; lib/data checks the invite's state inside the transaction that uses it.
 */
import { redirectHere } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { ForbiddenError } from "@/lib/auth/policy";
import { acceptInvite, InviteError, signUpWithInvite } from "@/lib/data/members";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Runs an invite command; an InviteError goes on to runFormAction, which shows its message, in the reader's language
 * (`say`, by the error's reason): lib/data writes it in English.
 */
async function saying<T>(say: (reason: InviteError["reason"]) => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InviteError) error.message = say(error.reason);
    throw error;
  }
}

async function inviteReasons(): Promise<(reason: InviteError["reason"]) => string> {
  const t = await getTranslations("members.invite.reason");
  return (reason) => t(reason);
}

export async function acceptInviteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const [t, say] = await Promise.all([getTranslations("members.actions"), inviteReasons()]);
  let joined: string | undefined;
  const state = await runFormAction(form, async (viewer) => {
    if (viewer.kind !== "user") throw new ForbiddenError("Sign in to accept the invitation.");
    const userId = viewer.userId;
    const accepted = await saying(say, () => acceptInvite(userId, text(form, "token")));
    joined = accepted.organisation.slug;
    revalidatePath("/w");
    return t("joined", { organisation: accepted.organisation.name });
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
  const [t, say] = await Promise.all([getTranslations("members.actions"), inviteReasons()]);
  let organisation: SignUpState["organisation"];
  const state = await runFormAction(form, async () => {
    const signedUp = await saying(say, () =>
      signUpWithInvite(text(form, "token"), {
        name: text(form, "name"),
        email: text(form, "email"),
        password: text(form, "password"),
      }),
    );
    organisation = signedUp.organisation;
    return t("signedUp", { organisation: signedUp.organisation.name });
  });
  if (state.status === "error") {
    // What was typed comes back, except the password: it is not to travel back to the page.
    const { password: _password, ...values } = state.values ?? {};
    return { ...state, values };
  }
  return organisation ? { ...state, organisation } : state;
}
