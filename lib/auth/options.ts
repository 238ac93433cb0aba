/**
 * NextAuth (v4) configuration: email and password, and OpenID Connect single sign-on when the OIDC_* variables are
 * set (README.md, "Signing in"). Sessions are JWTs in an httpOnly cookie; the token records the user's id and the
 * sessionVersion it was issued under, and lib/auth/session.ts turns it back into a Viewer on every request, so that
 * "sign out everywhere", a removed user or a changed role take effect at once.
 */
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv, type OidcSettings } from "@/lib/env";
import { getSessionUser, recordSignIn, verifyCredentials } from "@/lib/data/users";
import { logger } from "@/lib/log/logger";

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    sessionVersion?: number;
  }
}

export const OIDC_PROVIDER_ID = "oidc";

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";
export const UNAVAILABLE_MESSAGE = "Signing in is not possible right now. Please try again in a moment.";

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** How long a session lasts without a visit; each visit extends it. */
const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

type Headers = Readonly<Record<string, unknown>>;

/**
 * The client's address, for the per-address sign-in limit: the first hop of X-Forwarded-For (set by the proxy in
 * front, and by `next start` itself from the socket when there is none), else X-Real-IP, else "unknown".
 */
export function clientAddress(headers: Headers | undefined): string {
  const header = (name: string): string | undefined => {
    const value = headers?.[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = header("x-real-ip")?.trim();
  return real ? real.slice(0, 100) : "unknown";
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

function oidcProvider(settings: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.preferred_username ?? profile.email ?? null,
      };
    },
  };
}

function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  const credentials = CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    // The messages thrown here reach the sign-in page (NextAuth passes an error's message as `error`), so every
    // thrown message is one of ours, never an internal error's.
    async authorize(input, request) {
      const email = typeof input?.email === "string" ? input.email : "";
      const password = typeof input?.password === "string" ? input.password : "";
      if (email.trim() === "" || password === "") throw new Error(WRONG_CREDENTIALS_MESSAGE);
      let result;
      try {
        result = await verifyCredentials(email, password, clientAddress(request?.headers));
      } catch (error) {
        logger.error({ err: error }, "sign-in failed");
        throw new Error(UNAVAILABLE_MESSAGE);
      }
      if (!result.ok) {
        throw new Error(
          result.reason === "limited" ? tooManyAttemptsMessage(result.retryAfterSeconds) : WRONG_CREDENTIALS_MESSAGE,
        );
      }
      return { id: result.userId };
    },
  });

  return {
    secret: env.nextAuthSecret,
    providers: env.oidc ? [credentials, oidcProvider(env.oidc)] : [credentials],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Errors of single sign-on (e.g. AccessDenied) come back to our page as ?error=…, not to NextAuth's own.
    pages: { signIn: "/signin", error: "/signin" },
    // Stated rather than left to NextAuth's default (which looks at NEXTAUTH_URL alone): see lib/env.ts.
    useSecureCookies: env.secureCookies,
    // NextAuth's own messages (it would use console) go to the JSON log, redacted like every line.
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, `next-auth: ${code}`),
      warn: (code) => logger.warn({ code }, `next-auth: ${code}`),
      debug: (code, metadata) => logger.debug({ code, metadata }, `next-auth: ${code}`),
    },
    cookies: {
      sessionToken: {
        name: `${env.secureCookies ? "__Secure-" : ""}next-auth.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.secureCookies },
      },
    },
    callbacks: {
      /**
       * Single sign-on lets in only people who already have an account with that email (created by an invite or
       * by an admin): an identity provider is trusted to say who someone is, not to add members. No self sign-up.
       */
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const oidc = profile as OidcProfile | undefined;
        if (!oidc?.email || oidc.email_verified === false) return false;
        return (await getSessionUser({ email: oidc.email })) !== null;
      },
      async jwt({ token, user, account }) {
        // Only at sign-in: `user` and `account` are absent when an existing token is read.
        if (user && account) {
          const found = await getSessionUser(
            account.provider === OIDC_PROVIDER_ID ? { email: user.email ?? "" } : { userId: user.id },
          );
          if (!found) throw new Error("The account no longer exists.");
          // A password sign-in was recorded by verifyCredentials, with the client's address.
          if (account.provider === OIDC_PROVIDER_ID) await recordSignIn(found, "oidc");
          return {
            sub: found.userId,
            userId: found.userId,
            sessionVersion: found.sessionVersion,
            email: found.email,
            name: found.name,
          };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.userId, sessionVersion: token.sessionVersion };
      },
    },
  };
}

let cached: AuthOptions | undefined;

/** Built on first use, not at import: `next build` loads the route without the production secret. */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

/** The session cookie's name, for clearing it after "sign out everywhere". */
export function sessionCookieName(): string {
  return getAuthOptions().cookies?.sessionToken?.name ?? "next-auth.session-token";
}
