/**
 * Passwords: argon2id hashes through @node-rs/argon2 (prebuilt binaries, no compiler needed at install), and the
 * rule a new password must meet, shared by every form that sets one (demo accounts, invite acceptance).
 */
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only stops someone making the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 200;

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/**
 * An argon2id hash in PHC format (`$argon2id$v=19$m=19456,t=2,p=1$…`): argon2id is the package's default algorithm,
 * and its default costs are OWASP's recommended minimum. The salt is random per hash.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False (never a throw) for a wrong password or a hash this package cannot read. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification against a hash nobody knows the password of: used when there is no hash
 * to check (unknown email, account without a password), so that the response time does not tell which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}
