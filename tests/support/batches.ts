/** What lib/data/public.ts readPublishedInBatches gives, from agreements in memory: all of them in one batch. */
import type { Agreement, Source } from "@/lib/domain/types";

export async function* oneBatch(
  agreements: readonly Agreement[],
  sources: readonly Source[],
): AsyncGenerator<{ agreements: readonly Agreement[]; sources: readonly Source[] }> {
  yield { agreements, sources };
}
