/**
 * A briefing (./briefing.ts) as a Markdown document, for the download beside the print page. Deterministic: the same
 * briefing and title give the same bytes. Every entered text (titles, owners, rationales, quotes, outlets) is escaped,
 * so that a quote holding `*`, `[x](y)` or `<script>` reads as typed and cannot become a link, markup or a heading.
 */
import { ATTENTION_HEALTHS, type Briefing, type BriefingItem } from "./briefing";
import { countryName } from "./countries";
import { formatDay, formatPreciseDate } from "./dates";
import { FLAG_LABELS, HEALTH_LABELS, SOURCE_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from "./labels";
import { HEALTHS } from "./types";

/** Characters that CommonMark (and GitHub's tables, strikethrough) can read as markup anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * Entered text as one line of literal Markdown: whitespace (newlines included) collapsed to single spaces, markup
 * characters backslash-escaped, and what would start a list, a quote or a setext heading at the start of a line
 * escaped too (the text may follow "- " or "> ", where "- x" would nest a list).
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().replace(INLINE_SPECIAL, "\\$&");
  return line.replace(/^([-=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** An address for an autolink `<…>`: what could end it or break the line is percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

function responsible(code: string): string {
  return code === "joint" ? "both parties" : escapeMarkdown(countryName(code));
}

function cites(numbers: readonly number[]): string {
  if (numbers.length === 0) return "";
  return ` (source${numbers.length === 1 ? "" : "s"} ${numbers.join(", ")})`;
}

function itemLines(item: BriefingItem, n: number): string[] {
  const out: string[] = [];
  out.push(`### ${n}. ${escapeMarkdown(item.milestone.title)}: ${HEALTH_LABELS[item.health]}`, "");
  const facts = [
    `Agreement: ${escapeMarkdown(item.agreement.title)}${item.agreement.published ? "" : " (draft)"}`,
    `Commitment: ${escapeMarkdown(item.commitment.title)} (responsible: ${responsible(item.commitment.responsible)})`,
    `Owner: ${escapeMarkdown(item.milestone.owner)}`,
    `Deadline: ${item.deadline === null ? "none stated" : formatPreciseDate(item.deadline)}`,
  ];
  out.push(...facts.map((fact) => `- ${fact}`), "");
  if (item.flags.length > 0) {
    out.push("**Reasons**", "");
    for (const flag of item.flags) {
      out.push(`- ${FLAG_LABELS[flag.flag]} since ${formatDay(flag.since)}: ${escapeMarkdown(flag.reason)}`);
    }
    out.push("");
  }
  const update = item.latestUpdate;
  out.push("**Latest status update**", "");
  out.push(
    update === null
      ? "None: not started."
      : `${STATUS_LABELS[update.status]}, ${formatPreciseDate(update.on)}: ${escapeMarkdown(update.rationale)}${cites(update.sources)}`,
    "",
  );
  if (item.evidence.length > 0) {
    out.push("**Evidence**", "");
    for (const quote of item.evidence) {
      out.push(`> ${escapeMarkdown(quote.quote)}`, ">", `> ${STANCE_LABELS[quote.stance]}${cites([quote.source])}`, "");
    }
  }
  return out;
}

/** The briefing as Markdown, under the heading "Briefing: {title}"; ends with one newline. */
export function renderBriefingMarkdown(briefing: Briefing, title: string): string {
  const out: string[] = [`# Briefing: ${escapeMarkdown(title)}`, ""];
  const counts = HEALTHS.filter((h) => briefing.counts[h] > 0)
    .map((h) => `${briefing.counts[h]} ${HEALTH_LABELS[h].toLowerCase()}`)
    .join(", ");
  const total = briefing.items.length;
  out.push(
    `As of ${formatDay(briefing.asOf)}. ${total} ${total === 1 ? "milestone" : "milestones"}${counts === "" ? "" : `: ${counts}`}.`,
    "",
  );
  if (briefing.agreements.length > 0) {
    out.push("Agreements:", "");
    for (const a of briefing.agreements) {
      out.push(`- ${escapeMarkdown(a.title)}${a.published ? "" : " (draft)"}`);
    }
    out.push("");
  }

  const attention = briefing.items.filter((item) => ATTENTION_HEALTHS.has(item.health));
  const rest = briefing.items.filter((item) => !ATTENTION_HEALTHS.has(item.health));
  let n = 0;
  out.push("## Needs attention", "");
  if (attention.length === 0) out.push("No milestone is broken, stalled or at risk on this day.", "");
  for (const item of attention) out.push(...itemLines(item, ++n));
  if (rest.length > 0) {
    out.push("## The rest", "");
    for (const item of rest) out.push(...itemLines(item, ++n));
  }

  out.push("## Sources", "");
  if (briefing.sources.length === 0) out.push("No source is cited.", "");
  for (const { number, source } of briefing.sources) {
    const url = source.url === undefined ? "" : ` <${markdownUrl(source.url)}>`;
    out.push(
      `${number}. ${escapeMarkdown(source.outlet)}, “${escapeMarkdown(source.title)}”, ${formatPreciseDate(source.published)} (${SOURCE_KIND_LABELS[source.kind].toLowerCase()}).${url}`,
    );
  }
  if (briefing.sources.length > 0) out.push("");
  return `${out.join("\n").trimEnd()}\n`;
}
