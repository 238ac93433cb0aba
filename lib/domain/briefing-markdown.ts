/**
 * A briefing (./briefing.ts) as a Markdown document, for the download beside the print page. Deterministic: the same
 * briefing and title give the same bytes. Every entered text (titles, owners, rationales, quotes, outlets) is escaped,
 * so that a quote holding `*`, `[x](y)` or `<script>` reads as typed and cannot become a link, markup or a heading.
 */
import { ATTENTION_HEALTHS, type Briefing, type BriefingItem } from "./briefing";
import { countryName } from "./countries";
import { formatDay, formatPreciseDate } from "./dates";
import { vocabulary, type Vocabulary } from "./labels";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { HEALTHS } from "./types";

const NBSP = "\u00a0";

/** The words the Markdown briefing writes itself, in one language. */
interface BriefingTexts {
  readonly heading: (title: string) => string;
  readonly asOf: (day: string, total: number, counts: string) => string;
  readonly agreements: string;
  readonly draft: string;
  readonly agreement: string;
  readonly commitment: (title: string, responsible: string) => string;
  readonly bothParties: string;
  readonly owner: string;
  readonly deadline: string;
  readonly noDeadline: string;
  readonly reasons: string;
  readonly since: (flag: string, day: string, reason: string) => string;
  readonly latestUpdate: string;
  readonly notStarted: string;
  readonly evidence: string;
  readonly cites: (numbers: readonly number[]) => string;
  readonly needsAttention: string;
  readonly nothingNeedsAttention: string;
  readonly rest: string;
  readonly sources: string;
  readonly noSource: string;
  /** ": " before a value (" : " with a no-break space in French). */
  readonly colon: string;
  readonly quote: (text: string) => string;
}

const TEXTS: Readonly<Record<Locale, BriefingTexts>> = {
  en: {
    heading: (title) => `# Briefing: ${title}`,
    asOf: (day, total, counts) =>
      `As of ${day}. ${total} ${total === 1 ? "milestone" : "milestones"}${counts === "" ? "" : `: ${counts}`}.`,
    agreements: "Agreements:",
    draft: " (draft)",
    agreement: "Agreement",
    commitment: (title, responsible) => `Commitment: ${title} (responsible: ${responsible})`,
    bothParties: "both parties",
    owner: "Owner",
    deadline: "Deadline",
    noDeadline: "none stated",
    reasons: "**Reasons**",
    since: (flag, day, reason) => `- ${flag} since ${day}: ${reason}`,
    latestUpdate: "**Latest status update**",
    notStarted: "None: not started.",
    evidence: "**Evidence**",
    cites: (numbers) => ` (source${numbers.length === 1 ? "" : "s"} ${numbers.join(", ")})`,
    needsAttention: "## Needs attention",
    nothingNeedsAttention: "No milestone is broken, stalled or at risk on this day.",
    rest: "## The rest",
    sources: "## Sources",
    noSource: "No source is cited.",
    colon: ": ",
    quote: (text) => `“${text}”`,
  },
  fr: {
    heading: (title) => `# Note de synthèse${NBSP}: ${title}`,
    asOf: (day, total, counts) =>
      `À la date du ${day}. ${total} ${total <= 1 ? "jalon" : "jalons"}${counts === "" ? "" : `${NBSP}: ${counts}`}.`,
    agreements: `Accords${NBSP}:`,
    draft: " (brouillon)",
    agreement: "Accord",
    commitment: (title, responsible) => `Engagement${NBSP}: ${title} (responsable${NBSP}: ${responsible})`,
    bothParties: "les deux parties",
    owner: "Responsable",
    deadline: "Échéance",
    noDeadline: "aucune",
    reasons: "**Motifs**",
    since: (flag, day, reason) => `- ${flag} depuis le ${day}${NBSP}: ${reason}`,
    latestUpdate: "**Dernier point d’étape**",
    notStarted: `Aucun${NBSP}: pas commencé.`,
    evidence: "**Éléments de preuve**",
    cites: (numbers) => ` (source${numbers.length === 1 ? "" : "s"} ${numbers.join(", ")})`,
    needsAttention: "## Points d’attention",
    nothingNeedsAttention: "Aucun jalon n’est rompu, au point mort ou à risque à cette date.",
    rest: "## Les autres jalons",
    sources: "## Sources",
    noSource: "Aucune source n’est citée.",
    colon: `${NBSP}: `,
    quote: (text) => `«${NBSP}${text}${NBSP}»`,
  },
};

interface Writer {
  readonly locale: Locale;
  readonly t: BriefingTexts;
  readonly words: Vocabulary;
}

/** Characters that CommonMark (and GitHub's tables, strikethrough) can read as markup anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * Entered text as one line of literal Markdown: whitespace (newlines included, no-break spaces not) collapsed to single spaces, markup
 * characters backslash-escaped, and what would start a list, a quote or a setext heading at the start of a line
 * escaped too (the text may follow "- " or "> ", where "- x" would nest a list).
 */
export function escapeMarkdown(text: string): string {
  // No-break spaces are kept: French typography puts them before ":" and inside « ».
  const line = text
    .replace(/[^\S\u00a0\u202f]+/g, " ")
    .trim()
    .replace(INLINE_SPECIAL, "\\$&");
  return line.replace(/^([-=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** An address for an autolink `<…>`: what could end it or break the line is percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

function responsible(w: Writer, code: string): string {
  return code === "joint" ? w.t.bothParties : escapeMarkdown(countryName(code, w.locale));
}

function cites(w: Writer, numbers: readonly number[]): string {
  return numbers.length === 0 ? "" : w.t.cites(numbers);
}

function itemLines(w: Writer, item: BriefingItem, n: number): string[] {
  const { t, words, locale } = w;
  const out: string[] = [];
  out.push(`### ${n}. ${escapeMarkdown(item.milestone.title)}${t.colon}${words.health[item.health]}`, "");
  const facts = [
    `${t.agreement}${t.colon}${escapeMarkdown(item.agreement.title)}${item.agreement.published ? "" : t.draft}`,
    t.commitment(escapeMarkdown(item.commitment.title), responsible(w, item.commitment.responsible)),
    `${t.owner}${t.colon}${escapeMarkdown(item.milestone.owner)}`,
    `${t.deadline}${t.colon}${item.deadline === null ? t.noDeadline : formatPreciseDate(item.deadline, locale)}`,
  ];
  out.push(...facts.map((fact) => `- ${fact}`), "");
  if (item.flags.length > 0) {
    out.push(t.reasons, "");
    for (const flag of item.flags) {
      out.push(t.since(words.flag[flag.flag], formatDay(flag.since, locale), escapeMarkdown(flag.reason)));
    }
    out.push("");
  }
  const update = item.latestUpdate;
  out.push(t.latestUpdate, "");
  out.push(
    update === null
      ? t.notStarted
      : `${words.status[update.status]}, ${formatPreciseDate(update.on, locale)}${t.colon}${escapeMarkdown(update.rationale)}${cites(w, update.sources)}`,
    "",
  );
  if (item.evidence.length > 0) {
    out.push(t.evidence, "");
    for (const quote of item.evidence) {
      out.push(
        `> ${escapeMarkdown(quote.quote)}`,
        ">",
        `> ${words.stance[quote.stance]}${cites(w, [quote.source])}`,
        "",
      );
    }
  }
  return out;
}

/**
 * The briefing as Markdown, under the heading "Briefing: {title}" ("Note de synthèse : …" in French); ends with one
 * newline.
 */
export function renderBriefingMarkdown(briefing: Briefing, title: string, locale: Locale = DEFAULT_LOCALE): string {
  const w: Writer = { locale, t: TEXTS[locale], words: vocabulary(locale) };
  const { t, words } = w;
  const out: string[] = [t.heading(escapeMarkdown(title)), ""];
  const counts = HEALTHS.filter((h) => briefing.counts[h] > 0)
    .map((h) => `${briefing.counts[h]} ${words.health[h].toLowerCase()}`)
    .join(", ");
  out.push(t.asOf(formatDay(briefing.asOf, locale), briefing.items.length, counts), "");
  if (briefing.agreements.length > 0) {
    out.push(t.agreements, "");
    for (const a of briefing.agreements) {
      out.push(`- ${escapeMarkdown(a.title)}${a.published ? "" : t.draft}`);
    }
    out.push("");
  }

  const attention = briefing.items.filter((item) => ATTENTION_HEALTHS.has(item.health));
  const rest = briefing.items.filter((item) => !ATTENTION_HEALTHS.has(item.health));
  let n = 0;
  out.push(t.needsAttention, "");
  if (attention.length === 0) out.push(t.nothingNeedsAttention, "");
  for (const item of attention) out.push(...itemLines(w, item, ++n));
  if (rest.length > 0) {
    out.push(t.rest, "");
    for (const item of rest) out.push(...itemLines(w, item, ++n));
  }

  out.push(t.sources, "");
  if (briefing.sources.length === 0) out.push(t.noSource, "");
  for (const { number, source } of briefing.sources) {
    const url = source.url === undefined ? "" : ` <${markdownUrl(source.url)}>`;
    out.push(
      `${number}. ${escapeMarkdown(source.outlet)}, ${t.quote(escapeMarkdown(source.title))}, ${formatPreciseDate(source.published, locale)} (${words.sourceKind[source.kind].toLowerCase()}).${url}`,
    );
  }
  if (briefing.sources.length > 0) out.push("");
  return `${out.join("\n").trimEnd()}\n`;
}
