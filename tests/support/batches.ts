/** What lib/data/public.ts readPublishedInBatches gives, from agreements in memory: batches of `size` (all in one by default). */
import type { Agreement, Source } from "@/lib/domain/types";

export async function* oneBatch(
  agreements: readonly Agreement[],
  sources: readonly Source[],
  size: number = Math.max(1, agreements.length),
): AsyncGenerator<{ agreements: readonly Agreement[]; sources: readonly Source[] }> {
  for (let start = 0; start < agreements.length; start += size) {
    yield { agreements: agreements.slice(start, start + size), sources };
  }
}
