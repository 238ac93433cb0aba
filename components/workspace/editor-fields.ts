/**
 * The fields of every editing form, as data for EditorForm: names are the command inputs' paths (so that the
 * commands' field errors land beside them), labels and hints are the words editors see, initial values come from
 * the record being edited. One place, so that creating and editing a record ask the same questions the same way.
 */
import { formatDateText } from "@/lib/domain/dates";
import { COUNTRY_CODES } from "@/lib/domain/countries";
import {
  SOURCE_KINDS,
  STANCES,
  STATUSES,
  type Agreement,
  type Commitment,
  type EvidenceLink,
  type Milestone,
  type PartyCode,
  type PreciseDate,
  type Source,
  type Status,
} from "@/lib/domain/types";
import { partyLabel, responsibleLabel, SOURCE_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from "../labels";
import type { FieldOption, FieldSpec } from "./EditorForm";

const DATE_HINT = "A day, month, quarter or year: 2025-11-21, 2025-11, 2025-Q4 or 2025.";
const KEY_HINT = "Lower-case letters, digits and hyphens; part of the record's address, it cannot change later.";

function dateText(date: PreciseDate | null | undefined): string | undefined {
  return date ? formatDateText(date) : undefined;
}

/** The key of a new record (its address, fixed once created); none when editing an existing one. */
function keyField(existing: object | undefined): FieldSpec[] {
  return existing ? [] : [{ kind: "text", name: "id", label: "Key", hint: KEY_HINT, required: true }];
}

const PARTY_OPTIONS: readonly FieldOption[] = COUNTRY_CODES.map((code) => ({ value: code, label: partyLabel(code) }));

/** The organisation's sources as choices: "BBC: Title (23 October 2025)". */
export function sourceOptions(sources: readonly Source[]): FieldOption[] {
  return sources.map((source) => ({
    value: source.id,
    label: `${source.outlet}: ${source.title} (${formatDateText(source.published)})`,
  }));
}

const SOURCES_EMPTY = "The organisation has no sources yet: add them under Sources first.";

export function agreementFields(agreement?: Agreement): FieldSpec[] {
  return [
    { kind: "text", name: "title", label: "Title", required: true, wide: true, initial: agreement?.title },
    { kind: "text", name: "summary", label: "Summary", rows: 3, wide: true, initial: agreement?.summary },
    {
      kind: "select",
      name: "parties[0]",
      label: "First party",
      options: PARTY_OPTIONS,
      initial: agreement?.parties[0] ?? "GB",
    },
    {
      kind: "select",
      name: "parties[1]",
      label: "Second party",
      options: PARTY_OPTIONS,
      initial: agreement?.parties[1] ?? "FR",
    },
    {
      kind: "text",
      name: "announced",
      label: "Announced",
      hint: DATE_HINT,
      required: true,
      initial: dateText(agreement?.announced),
    },
    {
      kind: "number",
      name: "settings.staleAfterDays",
      label: "Stale after (days without news)",
      hint: "From 1 to 3650. A milestone with no status update for this long is stalled.",
      initial: agreement?.settings.staleAfterDays ?? 45,
    },
    {
      kind: "number",
      name: "settings.warnBeforeDays",
      label: "Warn before a deadline (days)",
      hint: "From 0 to 365. A milestone this close to its deadline is due soon.",
      initial: agreement?.settings.warnBeforeDays ?? 14,
    },
  ];
}

/** The fields of a new agreement: its slug, then what an edit shows. */
export function newAgreementFields(): FieldSpec[] {
  return [
    {
      kind: "text",
      name: "slug",
      label: "Address (slug)",
      hint: `${KEY_HINT} Example: uk-france-small-boats.`,
      required: true,
      wide: true,
    },
    ...agreementFields(),
  ];
}

export function commitmentFields(parties: readonly [PartyCode, PartyCode], commitment?: Commitment): FieldSpec[] {
  const responsible = [...parties, "joint"].map((value) => ({ value, label: responsibleLabel(value) }));
  return [
    ...keyField(commitment),
    { kind: "text", name: "title", label: "Title", required: true, wide: true, initial: commitment?.title },
    {
      kind: "text",
      name: "description",
      label: "Description",
      rows: 2,
      wide: true,
      initial: commitment?.description,
    },
    {
      kind: "select",
      name: "responsible",
      label: "Responsible",
      options: responsible,
      initial: commitment?.responsible ?? "joint",
    },
    {
      kind: "text",
      name: "owner",
      label: "Owner",
      hint: "The minister, department or body answerable.",
      required: true,
      initial: commitment?.owner,
    },
    {
      kind: "text",
      name: "tags",
      label: "Tags",
      hint: "Separated by commas.",
      initial: commitment?.tags.join(", "),
    },
    {
      kind: "number",
      name: "weight",
      label: "Weight",
      hint: "How much it counts in its party's compliance (greater than 0; default 1).",
      initial: commitment?.weight ?? 1,
    },
  ];
}

export function milestoneFields(milestone?: Milestone): FieldSpec[] {
  return [
    ...keyField(milestone),
    { kind: "text", name: "title", label: "Title", required: true, wide: true, initial: milestone?.title },
    { kind: "text", name: "owner", label: "Owner", required: true, initial: milestone?.owner },
    {
      kind: "text",
      name: "deadline",
      label: milestone ? "Original deadline" : "Deadline",
      hint: milestone
        ? `${DATE_HINT} Empty: none was stated. A deadline that moved is a deadline change, not an edit.`
        : `${DATE_HINT} Empty: none was stated.`,
      initial: dateText(milestone?.deadline),
    },
  ];
}

export function statusUpdateFields(sources: readonly Source[], currentStatus: Status): FieldSpec[] {
  return [
    {
      kind: "select",
      name: "status",
      label: "Status",
      options: STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      initial: currentStatus,
    },
    { kind: "text", name: "on", label: "Date", hint: DATE_HINT, required: true },
    { kind: "text", name: "rationale", label: "Rationale", rows: 2, required: true, wide: true },
    {
      kind: "checkboxes",
      name: "sources",
      label: "Sources (at least one unless not started)",
      options: sourceOptions(sources),
      empty: SOURCES_EMPTY,
      wide: true,
    },
  ];
}

export function deadlineChangeFields(sources: readonly Source[]): FieldSpec[] {
  return [
    { kind: "text", name: "on", label: "Made known on", hint: DATE_HINT, required: true },
    { kind: "text", name: "to", label: "New deadline", hint: DATE_HINT, required: true },
    { kind: "text", name: "reason", label: "Reason", rows: 2, required: true, wide: true },
    {
      kind: "checkboxes",
      name: "sources",
      label: "Sources (at least one)",
      options: sourceOptions(sources),
      empty: SOURCES_EMPTY,
      wide: true,
    },
  ];
}

const STANCE_OPTIONS = STANCES.map((value) => ({ value, label: STANCE_LABELS[value] }));

/** Linking a source to a milestone (no `evidence`), or editing a link's stance and quote. */
export function evidenceFields(sources: readonly Source[], evidence?: EvidenceLink): FieldSpec[] {
  return [
    ...(evidence
      ? []
      : [{ kind: "select", name: "source", label: "Source", options: sourceOptions(sources), wide: true } as const]),
    {
      kind: "select",
      name: "stance",
      label: "Stance",
      options: STANCE_OPTIONS,
      initial: evidence?.stance ?? "SUPPORTS",
    },
    {
      kind: "text",
      name: "quote",
      label: "Quote",
      hint: "The source's own words, exactly as published.",
      rows: 3,
      required: true,
      wide: true,
      initial: evidence?.quote,
    },
  ];
}

export function removeEvidenceFields(): FieldSpec[] {
  return [
    {
      kind: "text",
      name: "reason",
      label: "Why remove it",
      hint: "Kept in the history with the link.",
      required: true,
    },
  ];
}

export function moveFields(position: number, count: number): FieldSpec[] {
  return [
    {
      kind: "select",
      name: "position",
      label: "Position",
      options: Array.from({ length: count }, (_, i) => ({ value: String(i), label: `${i + 1} of ${count}` })),
      initial: String(position),
    },
  ];
}

export function indicatorFields(): FieldSpec[] {
  return [
    ...keyField(undefined),
    { kind: "text", name: "title", label: "Title", required: true, wide: true },
    { kind: "text", name: "unit", label: "Unit", hint: "e.g. people, boats, € million.", required: true },
    { kind: "number", name: "target", label: "Target", hint: "Optional." },
  ];
}

export function observationFields(sources: readonly Source[]): FieldSpec[] {
  return [
    { kind: "text", name: "on", label: "Date", hint: DATE_HINT, required: true },
    { kind: "number", name: "value", label: "Value", required: true },
    { kind: "select", name: "source", label: "Source", options: sourceOptions(sources), wide: true },
    {
      kind: "text",
      name: "quote",
      label: "Quote",
      hint: "The source's own words giving the figure.",
      rows: 2,
      required: true,
      wide: true,
    },
  ];
}

export function sourceFields(source?: Source): FieldSpec[] {
  return [
    ...keyField(source),
    { kind: "text", name: "title", label: "Title", required: true, wide: true, initial: source?.title },
    {
      kind: "text",
      name: "outlet",
      label: "Outlet",
      hint: "e.g. BBC, The Times, GOV.UK.",
      required: true,
      initial: source?.outlet,
    },
    {
      kind: "text",
      name: "url",
      label: "Address (URL)",
      hint: "http:// or https:// only. Leave empty when not known.",
      wide: true,
      initial: source?.url,
    },
    {
      kind: "text",
      name: "published",
      label: "Published",
      hint: DATE_HINT,
      required: true,
      initial: dateText(source?.published),
    },
    {
      kind: "select",
      name: "kind",
      label: "Kind",
      options: SOURCE_KINDS.map((value) => ({ value, label: SOURCE_KIND_LABELS[value] })),
      initial: source?.kind ?? "MEDIA_REPORT",
    },
  ];
}
