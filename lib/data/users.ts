/**
 * People and signing in: creating accounts, checking a password under the sign-in limits, and turning a session
 * token back into a Viewer.
 *
 * verifyCredentials, getSessionUser and getViewerForUser act before there is any viewer (they are how one comes to
 * exist), so they take none; they read one user's own row and nothing else. Every write runs in a transaction with
 * its audit event.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { authorize, ForbiddenError } from "@/lib/auth/policy";
import { hashPassword, newPasswordSchema, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { ANONYMOUS, ROLES, type Viewer, type ViewerMembership } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";
import { getOrganisationOrThrow } from "./organisations";
import { admitSignInAttempt, recordSignInSuccess } from "./rate-limit";

/** RFC 5321's limit on a whole address. */
const EMAIL_MAX_LENGTH = 320;

/** Emails are stored trimmed and lower-cased, so the unique index is case-insensitive in effect. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .transform(normaliseEmail)
  .pipe(
    z
      .email({ error: "Enter an email address like name@example.org." })
      .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`),
  );

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(200, "Use at most 200 characters.")
    // PostgreSQL text cannot hold U+0000.
    .refine((name) => !name.includes("\u0000"), "A name cannot contain the null character (U+0000)."),
  password: newPasswordSchema,
  /** Organisations (by slug) the new user joins at once, with a role: used by the demo accounts. */
  memberships: z.array(z.strictObject({ organisation: z.string(), role: z.enum(ROLES) })).optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** A user ready to insert: validated, password already hashed (hashing is kept out of the transaction). */
export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
}

export interface CreatedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

function duplicateEmail(): ValidationError {
  return ValidationError.field("email", "There is already an account for this email.");
}

/** Validates a new user's email, name and password and hashes the password. Throws ValidationError. */
export async function prepareNewUser(input: Pick<CreateUserInput, "email" | "name" | "password">): Promise<NewUser> {
  const parsed = parseInput(createUserSchema.omit({ memberships: true }), input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  return { email: parsed.data.email, name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) };
}

/**
 * Inserts a prepared user inside the caller's transaction, with its audit event: for flows that create the account
 * together with something else (accepting an invite: the user, the membership and the used invite at once). The
 * caller has authorized the act. Throws ValidationError when the email is taken.
 */
export async function insertUser(tx: Prisma.TransactionClient, viewer: Viewer, user: NewUser): Promise<CreatedUser> {
  // Checked first because a unique violation inside a PostgreSQL transaction aborts it; the catch below still covers
  // two sign-ups racing for the same email.
  if ((await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })) !== null) {
    throw duplicateEmail();
  }
  let created: CreatedUser;
  try {
    created = await tx.user.create({
      data: { email: user.email, name: user.name, passwordHash: user.passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
  await recordAudit(tx, viewer, {
    organisationId: null,
    action: "user.create",
    entityType: "user",
    entityId: created.id,
    // Never the hash: the audit log is read by people.
    after: { email: created.email, name: created.name },
  });
  return created;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Creates an account with a password, and optionally its memberships. Outside an invite, creating an account is,
 * like creating an organisation, for the command line only (the policy's system-only action); a membership also
 * needs the right to manage that organisation's members.
 */
export async function createUser(viewer: Viewer, input: CreateUserInput): Promise<CreatedUser> {
  authorize(viewer, "organisation:create", {});
  const parsed = parseInput(createUserSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const memberships = parsed.data.memberships ?? [];
  for (const m of memberships) authorize(viewer, "organisation:manage-members", { organisation: m.organisation });
  const { email, name, password } = parsed.data;
  const user = await prepareNewUser({ email, name, password });

  const prisma = await getDb();
  return prisma.$transaction(async (tx) => {
    const created = await insertUser(tx, viewer, user);
    for (const m of memberships) {
      const organisation = await getOrganisationOrThrow(tx, m.organisation);
      const membership = await tx.membership.create({
        data: { organisationId: organisation.id, userId: created.id, role: m.role },
        select: { id: true },
      });
      await recordAudit(tx, viewer, {
        organisationId: organisation.id,
        action: "membership.create",
        entityType: "membership",
        entityId: membership.id,
        after: { userId: created.id, email: created.email, role: m.role },
      });
    }
    return created;
  });
}

export type CredentialsResult =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: "invalid" }
  | { readonly ok: false; readonly reason: "limited"; readonly retryAfterSeconds: number };

/**
 * Checks an email and password under the sign-in limits (lib/data/rate-limit.ts). When the account or the address
 * is over its limit the password is not even checked. An unknown email (or an account without a password) costs the
 * same argon2 verification as a known one, and counts against the same limits, so neither the answer nor its timing
 * tells which emails have accounts.
 *
 * What the audit log keeps (lib/data/audit-entities.ts never shows these: they belong to no organisation): a
 * sign-in, and a wrong password given for an existing account, with the client's address, never the password.
 * Not recorded: attempts on unknown emails (the log would keep, for ever, whatever strangers type, passwords typed
 * into the email field included) and attempts refused by the limits (they would let anyone grow the append-only log
 * without bound; the failure that locks an account says so instead).
 */
export async function verifyCredentials(email: string, password: string, address: string): Promise<CredentialsResult> {
  // The key of the account's counter: longer input is no valid email anyway, and must not bloat the table.
  const account = normaliseEmail(email).slice(0, EMAIL_MAX_LENGTH);
  const prisma = await getDb();
  const admission = await admitSignInAttempt(prisma, account, address);
  if (!admission.ok) return { ok: false, reason: "limited", retryAfterSeconds: admission.retryAfterSeconds };

  const user = await prisma.user.findUnique({
    where: { email: account },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid =
    user?.passwordHash != null ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (user === null) {
    // The same round trips as recording a refusal below, so that the time taken does not tell which emails exist.
    await prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`);
    return { ok: false, reason: "invalid" };
  }
  if (!valid) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, ANONYMOUS, {
        organisationId: null,
        action: "user.sign-in.refuse",
        entityType: "user",
        entityId: user.id,
        after: { method: "password", address },
        reason:
          (user.passwordHash === null ? "the account has no password" : "wrong password") +
          (admission.accountAttemptsLeft === 0 ? "; sign-in to the account is now locked for a while" : ""),
      }),
    );
    return { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(prisma, account, address);
  await recordSignIn({ userId: user.id, email: user.email, name: user.name }, "password", address);
  return { ok: true, userId: user.id };
}

/**
 * Records a successful sign-in in the audit log, as the user, outside any organisation: by password (with the
 * client's address; verifyCredentials calls this) or by single sign-on (lib/auth/options.ts, when the session is
 * issued; NextAuth gives its callbacks no request, hence no address).
 */
export async function recordSignIn(
  user: { readonly userId: string; readonly email: string; readonly name: string },
  method: "password" | "oidc",
  address: string | null = null,
): Promise<void> {
  const prisma = await getDb();
  const actor: Viewer = { kind: "user", userId: user.userId, email: user.email, name: user.name, memberships: [] };
  await prisma.$transaction((tx) =>
    recordAudit(tx, actor, {
      organisationId: null,
      action: "user.sign-in",
      entityType: "user",
      entityId: user.userId,
      after: address === null ? { method } : { method, address },
    }),
  );
}

/** What a session token records of its user. */
export interface SessionUser {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly sessionVersion: number;
}

/** The user a new session is for, by id (after a password) or by email (after single sign-on); null if none. */
export async function getSessionUser(by: { userId: string } | { email: string }): Promise<SessionUser | null> {
  let where: Prisma.UserWhereUniqueInput;
  if ("userId" in by) {
    if (!z.uuid().safeParse(by.userId).success) return null;
    where = { id: by.userId };
  } else {
    where = { email: normaliseEmail(by.email) };
  }
  const prisma = await getDb();
  const user = await prisma.user.findUnique({
    where,
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  return user && { userId: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * The Viewer of a session token: the user with the memberships the database holds now (a role changed or revoked
 * takes effect on the next request). Null when the user no longer exists or the token was issued under another
 * sessionVersion (they signed out everywhere since).
 */
export async function getViewerForUser(userId: string, sessionVersion: number): Promise<Viewer | null> {
  // Ids are UUIDs: anything else would be an SQL error on the uuid column, not "no such user".
  if (!z.uuid().safeParse(userId).success) return null;
  const prisma = await getDb();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      memberships: {
        select: { role: true, organisation: { select: { id: true, slug: true, name: true } } },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });
  if (user === null || user.sessionVersion !== sessionVersion) return null;
  const memberships: ViewerMembership[] = user.memberships.map((m) => ({
    organisationId: m.organisation.id,
    organisation: m.organisation.slug,
    organisationName: m.organisation.name,
    role: m.role,
  }));
  return { kind: "user", userId: user.id, email: user.email, name: user.name, memberships };
}

/**
 * Ends every session of the viewer, on every device: bumps sessionVersion, so tokens issued before no longer give a
 * Viewer (getViewerForUser). Returns the new version.
 */
export async function signOutEverywhere(viewer: Viewer): Promise<number> {
  if (viewer.kind !== "user") throw new ForbiddenError("Only a signed-in user can sign out everywhere.");
  const prisma = await getDb();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: viewer.userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, viewer, {
      organisationId: null,
      action: "user.sign-out-everywhere",
      entityType: "user",
      entityId: viewer.userId,
      before: { sessionVersion: user.sessionVersion - 1 },
      after: { sessionVersion: user.sessionVersion },
    });
    return user.sessionVersion;
  });
}
