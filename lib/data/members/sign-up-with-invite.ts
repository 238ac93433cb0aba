import { getDb } from "@/lib/db/client";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { insertUser, prepareNewUser, type CreateUserInput, type CreatedUser } from "../users";
import { claimInvite, type AcceptedInvite } from "./accept-invite";
import { InviteError, isWellFormedInviteToken } from "./invites";

export interface SignedUpWithInvite extends AcceptedInvite {
  user: CreatedUser;
}

/**
 * Creates an account through an invite link and makes it a member with the invite's role, in one transaction: a
 * refused link (used, revoked, expired meanwhile) leaves no account behind, and a taken email leaves the link unused.
 * Holding the link is what allows it, so there is no viewer; the account's audit event names the actor "anonymous".
 * Throws ValidationError (field errors) or InviteError.
 */
export async function signUpWithInvite(
  token: string,
  input: Pick<CreateUserInput, "email" | "name" | "password">,
  now: Date = new Date(),
): Promise<SignedUpWithInvite> {
  if (!isWellFormedInviteToken(token)) throw new InviteError("unknown");
  // Hashing (slow on purpose) stays outside the transaction.
  const prepared = await prepareNewUser(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const user = await insertUser(tx, ANONYMOUS, prepared);
    const accepted = await claimInvite(tx, user, token, now);
    return { ...accepted, user };
  });
}
