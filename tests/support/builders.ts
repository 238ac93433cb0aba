/** Small builders shared by the health tests. */
import { parseDateText } from "@/lib/domain/dates";
import type { PreciseDate, Source } from "@/lib/domain/types";

/** A date in the interchange form: "2025-11-21", "2025-11", "2025-Q4", "2025". */
export function d(text: string): PreciseDate {
  const parsed = parseDateText(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
}

/** A media report by `outlet` published on `published` (interchange form). */
export function source(id: string, published: string, outlet = "BBC"): Source {
  return { id, outlet, title: `[${id}]`, published: d(published), kind: "MEDIA_REPORT" };
}
