import { DEFAULT_LOCALE, type Locale } from "../locale";
import type { Agreement, AgreementSettings, PreciseDate, Source } from "../types";

/** Sources by id: how the engine finds an evidence link's source. */
export type SourceIndex = ReadonlyMap<string, Source>;

export function indexSources(sources: readonly Source[]): SourceIndex {
  const index = new Map<string, Source>();
  for (const s of sources) index.set(s.id, s);
  return index;
}

/** What a milestone's health depends on besides its own records. */
export interface AgreementContext {
  /** A milestone with no status update yet counts as NOT_STARTED from this date's first day. */
  readonly announced: PreciseDate;
  readonly settings: AgreementSettings;
  readonly sources: SourceIndex;
  /** The language reasons are written in (English in the health document; the reader's on pages). */
  readonly locale: Locale;
}

export function agreementContext(
  a: Agreement,
  sources: SourceIndex,
  locale: Locale = DEFAULT_LOCALE,
): AgreementContext {
  return { announced: a.announced, settings: a.settings, sources, locale };
}
