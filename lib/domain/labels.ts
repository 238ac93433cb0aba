/**
 * The words for computed and recorded states, shared by the pages (components/labels.ts re-exports them) and by the
 * texts the domain writes itself (the changelog's titles and summaries, which the feeds carry), so that a page and
 * a feed entry say the same thing. One vocabulary per interface language.
 */
import { DEFAULT_LOCALE, type Locale } from "./locale";
import type { Flag, Health, SourceKind, Stance, Status } from "./types";

export interface Vocabulary {
  readonly health: Readonly<Record<Health, string>>;
  readonly flag: Readonly<Record<Flag, string>>;
  readonly status: Readonly<Record<Status, string>>;
  readonly stance: Readonly<Record<Stance, string>>;
  readonly sourceKind: Readonly<Record<SourceKind, string>>;
}

const EN: Vocabulary = {
  health: {
    ON_TRACK: "On track",
    AT_RISK: "At risk",
    STALLED: "Stalled",
    DONE: "Done",
    PARTIAL: "Partial",
    BROKEN: "Broken",
  },
  flag: {
    OVERDUE: "Overdue",
    CONTRADICTED: "Contradicted",
    SLIPPED: "Slipped",
    DORMANT: "Dormant",
    DUE_SOON: "Due soon",
  },
  status: {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETE: "Complete",
    PARTIAL: "Partial",
    ABANDONED: "Abandoned",
  },
  stance: {
    SUPPORTS: "Supports",
    INDICATES_DELAY: "Indicates delay",
    CONTRADICTS: "Contradicts",
    NEUTRAL: "Neutral",
  },
  sourceKind: {
    OFFICIAL_DOCUMENT: "Official document",
    STATEMENT: "Statement",
    MEDIA_REPORT: "Media report",
    LEAK: "Leak",
    DATA: "Data",
    PARLIAMENTARY_RECORD: "Parliamentary record",
  },
};

const FR: Vocabulary = {
  health: {
    ON_TRACK: "En bonne voie",
    AT_RISK: "À risque",
    STALLED: "Au point mort",
    DONE: "Réalisé",
    PARTIAL: "Partiel",
    BROKEN: "Rompu",
  },
  flag: {
    OVERDUE: "En retard",
    CONTRADICTED: "Contredit",
    SLIPPED: "Repoussé",
    DORMANT: "Sans suivi",
    DUE_SOON: "Échéance proche",
  },
  status: {
    NOT_STARTED: "Pas commencé",
    IN_PROGRESS: "En cours",
    COMPLETE: "Achevé",
    PARTIAL: "Partiel",
    ABANDONED: "Abandonné",
  },
  stance: {
    SUPPORTS: "Confirme",
    INDICATES_DELAY: "Signale un retard",
    CONTRADICTS: "Contredit",
    NEUTRAL: "Neutre",
  },
  sourceKind: {
    OFFICIAL_DOCUMENT: "Document officiel",
    STATEMENT: "Déclaration",
    MEDIA_REPORT: "Article de presse",
    LEAK: "Fuite",
    DATA: "Données",
    PARLIAMENTARY_RECORD: "Compte rendu parlementaire",
  },
};

const VOCABULARIES: Readonly<Record<Locale, Vocabulary>> = { en: EN, fr: FR };

/** The words of a language for health, flags, statuses, stances and kinds of source. */
export function vocabulary(locale: Locale = DEFAULT_LOCALE): Vocabulary {
  return VOCABULARIES[locale];
}

export const HEALTH_LABELS = EN.health;
export const FLAG_LABELS = EN.flag;
export const STATUS_LABELS = EN.status;
export const STANCE_LABELS = EN.stance;
export const SOURCE_KIND_LABELS = EN.sourceKind;
