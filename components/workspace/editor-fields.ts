/**
 * The fields of every editing form, as data for EditorForm: names are the command inputs' paths (so that the
 * commands' field errors land beside them), labels and hints are the words editors see (messages/…/editor.json,
 * `fields`), initial values come from the record being edited. One place, so that creating and editing a record ask
 * the same questions the same way.
 */
import type { createTranslator } from "next-intl";
import type { Format } from "@/lib/i18n/format";
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
import type { Messages } from "@/messages/en";
import type { FieldOption, FieldSpec } from "./EditorForm";

/** The words of the forms in the reader's language: `useTranslations("editor.fields")` and `useFormat()`. */
export interface FieldText {
  readonly t: ReturnType<typeof createTranslator<Messages, "editor.fields">>;
  readonly format: Format;
}

function dateText(date: PreciseDate | null | undefined): string | undefined {
  return date ? formatDateText(date) : undefined;
}

/** The key of a new record (its address, fixed once created); none when editing an existing one. */
function keyField({ t }: FieldText, existing: object | undefined): FieldSpec[] {
  return existing ? [] : [{ kind: "text", name: "id", label: t("key"), hint: t("keyHint"), required: true }];
}

function partyOptions({ format }: FieldText): FieldOption[] {
  return COUNTRY_CODES.map((code) => ({ value: code, label: format.party(code) }));
}

/** The organisation's sources as choices: "BBC: Title (2025-10-23)". */
export function sourceOptions({ t }: FieldText, sources: readonly Source[]): FieldOption[] {
  return sources.map((source) => ({
    value: source.id,
    label: t("sourceOption", {
      outlet: source.outlet,
      title: source.title,
      date: formatDateText(source.published),
    }),
  }));
}

export function agreementFields(text: FieldText, agreement?: Agreement): FieldSpec[] {
  const { t } = text;
  const parties = partyOptions(text);
  return [
    { kind: "text", name: "title", label: t("title"), required: true, wide: true, initial: agreement?.title },
    { kind: "text", name: "summary", label: t("summary"), rows: 3, wide: true, initial: agreement?.summary },
    {
      kind: "select",
      name: "parties[0]",
      label: t("firstParty"),
      options: parties,
      initial: agreement?.parties[0] ?? "GB",
    },
    {
      kind: "select",
      name: "parties[1]",
      label: t("secondParty"),
      options: parties,
      initial: agreement?.parties[1] ?? "FR",
    },
    {
      kind: "text",
      name: "announced",
      label: t("announced"),
      hint: t("dateHint"),
      required: true,
      initial: dateText(agreement?.announced),
    },
    {
      kind: "number",
      name: "settings.staleAfterDays",
      label: t("staleAfterDays"),
      hint: t("staleAfterDaysHint"),
      initial: agreement?.settings.staleAfterDays ?? 45,
    },
    {
      kind: "number",
      name: "settings.warnBeforeDays",
      label: t("warnBeforeDays"),
      hint: t("warnBeforeDaysHint"),
      initial: agreement?.settings.warnBeforeDays ?? 14,
    },
  ];
}

/** The fields of a new agreement: its slug, then what an edit shows. */
export function newAgreementFields(text: FieldText): FieldSpec[] {
  return [
    { kind: "text", name: "slug", label: text.t("slug"), hint: text.t("slugHint"), required: true, wide: true },
    ...agreementFields(text),
  ];
}

export function commitmentFields(
  text: FieldText,
  parties: readonly [PartyCode, PartyCode],
  commitment?: Commitment,
): FieldSpec[] {
  const { t, format } = text;
  const responsible = [...parties, "joint"].map((value) => ({ value, label: format.responsible(value) }));
  return [
    ...keyField(text, commitment),
    { kind: "text", name: "title", label: t("title"), required: true, wide: true, initial: commitment?.title },
    {
      kind: "text",
      name: "description",
      label: t("description"),
      rows: 2,
      wide: true,
      initial: commitment?.description,
    },
    {
      kind: "select",
      name: "responsible",
      label: t("responsible"),
      options: responsible,
      initial: commitment?.responsible ?? "joint",
    },
    {
      kind: "text",
      name: "owner",
      label: t("owner"),
      hint: t("ownerHint"),
      required: true,
      initial: commitment?.owner,
    },
    {
      kind: "text",
      name: "tags",
      label: t("tags"),
      hint: t("tagsHint"),
      initial: commitment?.tags.join(", "),
    },
    {
      kind: "number",
      name: "weight",
      label: t("weight"),
      hint: t("weightHint"),
      initial: commitment?.weight ?? 1,
    },
  ];
}

export function milestoneFields(text: FieldText, milestone?: Milestone): FieldSpec[] {
  const { t } = text;
  return [
    ...keyField(text, milestone),
    { kind: "text", name: "title", label: t("title"), required: true, wide: true, initial: milestone?.title },
    { kind: "text", name: "owner", label: t("owner"), required: true, initial: milestone?.owner },
    {
      kind: "text",
      name: "deadline",
      label: milestone ? t("originalDeadline") : t("deadline"),
      hint: milestone ? t("originalDeadlineHint") : t("deadlineHint"),
      initial: dateText(milestone?.deadline),
    },
  ];
}

export function statusUpdateFields(text: FieldText, sources: readonly Source[], currentStatus: Status): FieldSpec[] {
  const { t, format } = text;
  return [
    {
      kind: "select",
      name: "status",
      label: t("status"),
      options: STATUSES.map((value) => ({ value, label: format.labels.status[value] })),
      initial: currentStatus,
    },
    { kind: "text", name: "on", label: t("date"), hint: t("dateHint"), required: true },
    { kind: "text", name: "rationale", label: t("rationale"), rows: 2, required: true, wide: true },
    {
      kind: "checkboxes",
      name: "sources",
      label: t("statusSources"),
      options: sourceOptions(text, sources),
      empty: t("sourcesEmpty"),
      wide: true,
    },
  ];
}

export function deadlineChangeFields(text: FieldText, sources: readonly Source[]): FieldSpec[] {
  const { t } = text;
  return [
    { kind: "text", name: "on", label: t("madeKnownOn"), hint: t("dateHint"), required: true },
    { kind: "text", name: "to", label: t("newDeadline"), hint: t("dateHint"), required: true },
    { kind: "text", name: "reason", label: t("reason"), rows: 2, required: true, wide: true },
    {
      kind: "checkboxes",
      name: "sources",
      label: t("deadlineSources"),
      options: sourceOptions(text, sources),
      empty: t("sourcesEmpty"),
      wide: true,
    },
  ];
}

/** Linking a source to a milestone (no `evidence`), or editing a link's stance and quote. */
export function evidenceFields(text: FieldText, sources: readonly Source[], evidence?: EvidenceLink): FieldSpec[] {
  const { t, format } = text;
  return [
    ...(evidence
      ? []
      : [
          {
            kind: "select",
            name: "source",
            label: t("source"),
            options: sourceOptions(text, sources),
            wide: true,
          } as const,
        ]),
    {
      kind: "select",
      name: "stance",
      label: t("stance"),
      options: STANCES.map((value) => ({ value, label: format.labels.stance[value] })),
      initial: evidence?.stance ?? "SUPPORTS",
    },
    {
      kind: "text",
      name: "quote",
      label: t("quote"),
      hint: t("quoteHint"),
      rows: 3,
      required: true,
      wide: true,
      initial: evidence?.quote,
    },
  ];
}

export function removeEvidenceFields({ t }: FieldText): FieldSpec[] {
  return [{ kind: "text", name: "reason", label: t("removeReason"), hint: t("removeReasonHint"), required: true }];
}

export function moveFields({ t }: FieldText, position: number, count: number): FieldSpec[] {
  return [
    {
      kind: "select",
      name: "position",
      label: t("position"),
      options: Array.from({ length: count }, (_, i) => ({
        value: String(i),
        label: t("positionOption", { position: i + 1, count }),
      })),
      initial: String(position),
    },
  ];
}

export function indicatorFields(text: FieldText): FieldSpec[] {
  const { t } = text;
  return [
    ...keyField(text, undefined),
    { kind: "text", name: "title", label: t("title"), required: true, wide: true },
    { kind: "text", name: "unit", label: t("unit"), hint: t("unitHint"), required: true },
    { kind: "number", name: "target", label: t("target"), hint: t("targetHint") },
  ];
}

export function observationFields(text: FieldText, sources: readonly Source[]): FieldSpec[] {
  const { t } = text;
  return [
    { kind: "text", name: "on", label: t("date"), hint: t("dateHint"), required: true },
    { kind: "number", name: "value", label: t("value"), required: true },
    { kind: "select", name: "source", label: t("source"), options: sourceOptions(text, sources), wide: true },
    {
      kind: "text",
      name: "quote",
      label: t("quote"),
      hint: t("observationQuoteHint"),
      rows: 2,
      required: true,
      wide: true,
    },
  ];
}

export function sourceFields(text: FieldText, source?: Source): FieldSpec[] {
  const { t, format } = text;
  return [
    ...keyField(text, source),
    { kind: "text", name: "title", label: t("title"), required: true, wide: true, initial: source?.title },
    {
      kind: "text",
      name: "outlet",
      label: t("outlet"),
      hint: t("outletHint"),
      required: true,
      initial: source?.outlet,
    },
    {
      kind: "text",
      name: "url",
      label: t("url"),
      hint: t("urlHint"),
      wide: true,
      initial: source?.url,
    },
    {
      kind: "text",
      name: "published",
      label: t("published"),
      hint: t("dateHint"),
      required: true,
      initial: dateText(source?.published),
    },
    {
      kind: "select",
      name: "kind",
      label: t("kind"),
      options: SOURCE_KINDS.map((value) => ({ value, label: format.labels.sourceKind[value] })),
      initial: source?.kind ?? "MEDIA_REPORT",
    },
  ];
}
