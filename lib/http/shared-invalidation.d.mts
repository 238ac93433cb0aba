/** Types of shared-invalidation.mjs (plain JavaScript: the ISR cache handler loads it untranspiled). */
export const CHANNEL: "accordwatch_revalidate";

export interface SharedInvalidation {
  /** Sends `tags` to the other instances; resolves when sent, or when it could not be (logged). */
  announce(tags: readonly string[], durations?: unknown): Promise<void>;
}

export function currentSharedInvalidation(): SharedInvalidation | null;

export function startSharedInvalidation(
  handlers: {
    expire(tags: readonly string[], durations?: unknown): unknown;
    expireAll(): unknown;
  },
  env?: NodeJS.ProcessEnv,
): SharedInvalidation | null;
