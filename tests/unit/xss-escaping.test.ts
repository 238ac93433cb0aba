/**
 * The cross-site scripting corpus (tests/support/xss-corpus.ts: every text field of an agreement a payload) through
 * the two documents made of entered text outside the pages (issue 5, item 6): the Markdown briefing, where each text
 * is one line of literal Markdown (no HTML, no link, no emphasis), and the Atom feeds, where each text is XML-escaped
 * and, in the elements of `type="html"`, HTML-escaped too (a feed reader renders those as HTML). The pages are
 * e2e/xss.spec.ts's.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildBriefing } from "@/lib/domain/briefing";
import { escapeMarkdown, renderBriefingMarkdown } from "@/lib/domain/briefing-markdown";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { urlSchema } from "@/lib/domain/schemas/fields";
import { createWebhookEndpointSchema } from "@/lib/domain/schemas/webhooks";
import type { Dataset } from "@/lib/domain/types";
import { agreementChangesFeed, organisationChangesFeed } from "@/lib/feeds/changes-feed";
import { oneBatch } from "../support/batches";
import { XSS_ORG, XSS_ORGANISATION_NAME, XSS_PAYLOADS, XSS_SOURCE_URL, xssDocument } from "../support/xss-corpus";

function corpus(): Dataset {
  const parsed = parseInterchangeText(JSON.stringify(xssDocument()));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const LOCALES = ["en", "fr"] as const;

describe("the Markdown briefing of the corpus", () => {
  const dataset = corpus();
  const agreement = dataset.agreements[0]!;
  const milestones = agreement.commitments.flatMap((c) => c.milestones);
  const briefing = buildBriefing({ agreements: [{ agreement, sources: dataset.sources }], asOf: "2025-12-01" });

  it.each(LOCALES)("writes every entered text as literal Markdown (%s)", (locale) => {
    const markdown = renderBriefingMarkdown(briefing, XSS_ORGANISATION_NAME, locale);
    // Every text it shows, escaped: titles, owners, rationales, quotes, outlets and source titles.
    const shown = [
      XSS_ORGANISATION_NAME,
      agreement.title,
      ...agreement.commitments.map((c) => c.title),
      ...milestones.flatMap((m) => [m.title, m.owner]),
      ...milestones.flatMap((m) => m.statusUpdates.map((u) => u.rationale)),
      ...milestones.flatMap((m) => m.evidence.map((e) => e.quote)),
      ...dataset.sources.flatMap((s) => [s.outlet, s.title]),
    ];
    for (const text of shown) expect(markdown).toContain(escapeMarkdown(text));
    // No HTML a Markdown renderer would pass through: every `<` is escaped or opens an autolink to a source.
    expect(markdown.match(/(?<!\\)<(?!https?:\/\/[^\s<>]*>)/g)).toBeNull();
    // No link, image or emphasis made of entered text.
    expect(markdown).not.toMatch(/(?<!\\)\]\((?!\d)/);
    expect(markdown).not.toMatch(/(?<!\\)!\[/);
    expect(markdown).not.toMatch(/(?<!\\)\*\*bold/);
    // The source's address: an autolink that nothing in it can end early.
    expect(markdown).toContain(`<${XSS_SOURCE_URL.replace(/[\s<>]/g, encodeURIComponent)}>`);
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (n) => n === "entry" });
type Node = Record<string, unknown>;
const textOf = (node: unknown): string =>
  typeof node === "string" ? node : String((node as Node | undefined)?.["#text"] ?? "");

/** The tags our feed's HTML may have; entered text must bring none of its own. */
const OWN_TAGS = /<\/?(?:p|ul|li)>|<a href="https?:\/\/[^"<>]*">|<\/a>/g;

const decodeHtml = (html: string) =>
  html
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

describe("the Atom feeds of the corpus", () => {
  const dataset = corpus();
  const agreement = dataset.agreements[0]!;
  const organisation = { slug: XSS_ORG, name: XSS_ORGANISATION_NAME };
  const context = { origin: "https://accordwatch.example", until: "2026-01-31" };

  const feeds = LOCALES.flatMap((locale) => [
    [
      `agreement (${locale})`,
      async () => agreementChangesFeed({ organisation, agreement, sources: dataset.sources }, { ...context, locale }),
    ] as const,
    [
      `organisation (${locale})`,
      () =>
        organisationChangesFeed(
          { organisation, batches: oneBatch([agreement], dataset.sources) },
          { ...context, locale },
        ),
    ] as const,
  ]);

  it.each(feeds)(
    "is valid XML whose texts are the entered ones, HTML-escaped where HTML is read: %s",
    async (_, build) => {
      const xml = await build();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = (parser.parse(xml) as { feed: Node }).feed;
      // Plain-text elements: XML-escaped, the entered text as it is once parsed.
      expect([agreement.title, XSS_ORGANISATION_NAME].some((t) => textOf(feed.title).includes(t))).toBe(true);
      expect(textOf((feed.author as Node).name)).toBe(XSS_ORGANISATION_NAME);
      const entries = (feed.entry as Node[] | undefined) ?? [];
      expect(entries.length).toBeGreaterThan(0);
      let payloadsSeen = 0;
      for (const entry of entries) {
        for (const field of ["title", "summary", "content"] as const) {
          const element = entry[field] as Node;
          expect(element["@_type"], field).toBe("html");
          const html = textOf(element);
          // Only our own tags: a payload's `<` is `&lt;`, its quotes `&quot;`, and a `]]>` cannot end the CDATA.
          expect(html.replace(OWN_TAGS, "").match(/[<>]/g), `${field}: ${html.slice(0, 200)}`).toBeNull();
          const text = decodeHtml(html.replace(OWN_TAGS, ""));
          payloadsSeen += XSS_PAYLOADS.filter((p) => text.includes(p)).length;
        }
      }
      // The payloads are there, whole, once decoded: escaped, not dropped.
      expect(payloadsSeen).toBeGreaterThan(XSS_PAYLOADS.length);
    },
  );
});

describe("addresses", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
  ])("refuses %j as a source's or a webhook's address (http and https only)", (url) => {
    expect(urlSchema.safeParse(url).success).toBe(false);
    expect(createWebhookEndpointSchema.safeParse({ url }).success).toBe(false);
  });
});
