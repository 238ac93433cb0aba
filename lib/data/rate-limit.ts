/**
 * Sign-in attempt limits (issue 3, "Security"), per account and per client address, counted by rate-limiter-flexible
 * in the database (the RateLimiterFlexible model, table rate_limits): limits survive restarts and are shared by every
 * app instance on the same database, unlike a counter in memory.
 *
 * Every attempt is counted BEFORE the password is checked, as an atomic increment in the database, so that parallel
 * guesses cannot slip past the limit between a check and a count; a successful sign-in then gives its points back
 * (the account's counter is reset, the address's one point returned). In effect only failures count.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/db/client";

/** Failed attempts allowed per account (by email, whether or not it exists) in the window. */
export const ACCOUNT_LIMIT = { points: 5, durationSeconds: 15 * 60 } as const;
/** Failed attempts allowed per client address, whatever the accounts tried, in the window. */
export const ADDRESS_LIMIT = { points: 20, durationSeconds: 15 * 60 } as const;

interface Limiters {
  readonly account: RateLimiterPrisma;
  readonly address: RateLimiterPrisma;
}

/** One pair per client: tests install several databases in one process; the app has one. */
const limitersByClient = new WeakMap<PrismaClient, Limiters>();

function limitersFor(prisma: PrismaClient): Limiters {
  let limiters = limitersByClient.get(prisma);
  if (!limiters) {
    const common = {
      storeClient: prisma,
      // The Prisma client's accessor of the RateLimiterFlexible model (prisma.rateLimiterFlexible).
      tableName: "rateLimiterFlexible",
    };
    limiters = {
      account: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-account",
        points: ACCOUNT_LIMIT.points,
        duration: ACCOUNT_LIMIT.durationSeconds,
      }),
      address: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-address",
        points: ADDRESS_LIMIT.points,
        duration: ADDRESS_LIMIT.durationSeconds,
      }),
    };
    limitersByClient.set(prisma, limiters);
  }
  return limiters;
}

export type Admission =
  /** `accountAttemptsLeft`: how many more failures the account takes in this window (0: this one, if it fails, locks it). */
  | { readonly ok: true; readonly accountAttemptsLeft: number }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * Counts one attempt for `address`, then for `account`; refuses when either has no points left, with the seconds
 * until its window ends. A refused address does not touch the account's counter (someone else's guesses must not
 * lock a person out more than necessary); attempts on a locked account still count against the address.
 */
export async function admitSignInAttempt(prisma: PrismaClient, account: string, address: string): Promise<Admission> {
  const { account: perAccount, address: perAddress } = limitersFor(prisma);
  const byAddress = await consume(perAddress, address);
  if (!byAddress.ok) return byAddress;
  const byAccount = await consume(perAccount, account);
  return byAccount.ok ? { ok: true, accountAttemptsLeft: byAccount.pointsLeft } : byAccount;
}

/** After a correct password: the account starts afresh, and this attempt's point goes back to the address. */
export async function recordSignInSuccess(prisma: PrismaClient, account: string, address: string): Promise<void> {
  const { account: perAccount, address: perAddress } = limitersFor(prisma);
  await perAccount.delete(account);
  // Not a reset: one valid account must not let an address wipe out the failures it made on other accounts.
  await perAddress.reward(address, 1);
}

async function consume(
  limiter: RateLimiterPrisma,
  key: string,
): Promise<
  { readonly ok: true; readonly pointsLeft: number } | { readonly ok: false; readonly retryAfterSeconds: number }
> {
  try {
    const consumed = await limiter.consume(key);
    return { ok: true, pointsLeft: consumed.remainingPoints };
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the points are spent, with an Error when the store
    // failed; only the first is a refusal.
    if (rejection instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
