/**
 * What NextAuth's answer to a refused sign-in means, so that the form can say it in the reader's language. The
 * server (lib/auth/options.ts) throws English sentences, which NextAuth hands back as `error`; they are recognised
 * here by their wording (tests/unit/sign-in-refusal.test.ts keeps the two in step). Pure: the form is a client
 * component and cannot import lib/auth/options.ts, which reaches the database.
 */
export type SignInRefusal =
  | { readonly kind: "wrongCredentials" }
  | { readonly kind: "tooManyAttempts"; readonly minutes: number }
  | { readonly kind: "unavailable" }
  /** A message the form does not know: shown as it came. */
  | { readonly kind: "other"; readonly message: string };

const WRONG_CREDENTIALS = "Wrong email or password.";
const UNAVAILABLE = "Signing in is not possible right now. Please try again in a moment.";
const TOO_MANY_ATTEMPTS = /^Too many attempts\. Try again in (\d+) minutes?\.$/;

export function signInRefusal(error: string | null | undefined): SignInRefusal {
  // No message, or NextAuth's own code for a refusal without one.
  if (!error || error === "CredentialsSignin" || error === UNAVAILABLE) return { kind: "unavailable" };
  if (error === WRONG_CREDENTIALS) return { kind: "wrongCredentials" };
  const limited = TOO_MANY_ATTEMPTS.exec(error);
  if (limited) return { kind: "tooManyAttempts", minutes: Number(limited[1]) };
  return { kind: "other", message: error };
}
