/**
 * A fixed corpus of cross-site scripting payloads (issue 5, item 6) and an accordwatch/v1 document that carries them
 * in every text field an editor can fill: agreement, commitment, milestone, deadline change, status update,
 * evidence, source, indicator and observation. Used by e2e/xss.spec.ts (through e2e/support/xss-database.ts, with
 * the people, comments, webhooks and notifications it adds) and tests/unit/xss-escaping.test.ts (the Markdown
 * briefing and the Atom feeds).
 *
 * Every payload that runs script calls alert(), so that a browser that ran it opens a dialog the tests listen for.
 */

export const XSS_PAYLOADS: readonly string[] = [
  `<script>alert("xss-script")</script>`,
  `"><img src=x onerror=alert("xss-img")>`,
  `<svg onload=alert("xss-svg")>`,
  `javascript:alert("xss-js-url")`,
  `'><iframe src="javascript:alert('xss-iframe')"></iframe>`,
  `<a href="javascript:alert('xss-a')">click me</a>`,
  `<details open ontoggle=alert("xss-details")>`,
  `</textarea></title><script>alert("xss-close")</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-mxss")>`,
  `<style>body{display:none}</style>`,
  `]]><script>alert("xss-cdata")</script><![CDATA[`,
  `&lt;script&gt;alert("xss-entity")&lt;/script&gt; &amp; &#x3C;b&#x3E;`,
  `{{7*7}} \${7*7} <%= 7*7 %> #{7*7} {{constructor.constructor('alert(1)')()}}`,
  `[click](javascript:alert("xss-md")) ![x](x onerror=alert(1)) **bold** <b>bold</b>`,
  // Unicode tricks: a right-to-left override, zero-width characters, a homoglyph and combining marks.
  `\u202Egnp.exe\u202C \u200Bzero\u200Dwidth\uFEFF \u0430dmin e\u0301\u0301\u0301`,
];

/** Payloads of at most `max` characters (tags and units are short). */
function fitting(max: number): string[] {
  return XSS_PAYLOADS.filter((p) => p.length <= max);
}

/**
 * Texts for the fields of one kind: field `index` gets the payloads from `index` on, as many as fit in `max`
 * characters after its label, so that each payload lands in several fields and each field holds several payloads.
 * The label (`[agreement.title]`) says which field a text is, on a page or in a failure.
 */
export function fieldText(label: string, max: number, index = 0): string {
  const head = `[${label}]`;
  const pool = max >= 10_000 ? XSS_PAYLOADS : fitting(max - head.length - 1);
  let text = head;
  for (let i = 0; i < pool.length; i++) {
    const payload = pool[(index + i) % pool.length]!;
    if (text.length + 1 + payload.length > max) continue;
    text += ` ${payload}`;
    if (max < 10_000 && i >= 3) break;
  }
  return text;
}

export const XSS_ORG = "xss";
export const XSS_AGREEMENT = "xss-corpus";
export const XSS_COMMITMENT = "corpus-commitment";
export const XSS_MILESTONES = ["corpus-milestone", "corpus-second"] as const;
export const XSS_SOURCES = ["corpus-source", "corpus-plain"] as const;
/** A source address: http(s) only is accepted, so the payload sits in its path (no spaces: it is a URL). */
export const XSS_SOURCE_URL = `https://example.org/'"><svg/onload=alert("xss-href")>?q=<script>alert(1)</script>`;

const TITLE = 300;
const NAME = 300;
const SHORT = 50;
const LONG = 10_000;

/** The accordwatch/v1 document: one published agreement with every text field a payload. */
export function xssDocument() {
  return {
    format: "accordwatch/v1",
    sources: [
      {
        id: XSS_SOURCES[0],
        url: XSS_SOURCE_URL,
        outlet: fieldText("source.outlet", NAME, 1),
        title: fieldText("source.title", TITLE, 2),
        published: "2025-10-01",
        kind: "MEDIA_REPORT",
      },
      {
        id: XSS_SOURCES[1],
        outlet: fieldText("source2.outlet", NAME, 5),
        title: fieldText("source2.title", TITLE, 9),
        published: "2025-09",
        kind: "OFFICIAL_DOCUMENT",
      },
    ],
    agreements: [
      {
        slug: XSS_AGREEMENT,
        title: fieldText("agreement.title", TITLE, 0),
        summary: fieldText("agreement.summary", LONG),
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: true,
        commitments: [
          {
            id: XSS_COMMITMENT,
            title: fieldText("commitment.title", TITLE, 3),
            description: fieldText("commitment.description", LONG),
            responsible: "FR",
            owner: fieldText("commitment.owner", NAME, 6),
            tags: fitting(SHORT).slice(0, 4),
            weight: 1,
            milestones: [
              {
                id: XSS_MILESTONES[0],
                title: fieldText("milestone.title", TITLE, 4),
                owner: fieldText("milestone.owner", NAME, 7),
                deadline: "2025-11",
                deadlineChanges: [
                  {
                    on: "2025-10-15",
                    to: "2025-12",
                    reason: fieldText("deadlineChange.reason", LONG),
                    sources: [XSS_SOURCES[0]],
                  },
                ],
                statusUpdates: [
                  {
                    on: "2025-09-10",
                    status: "IN_PROGRESS",
                    rationale: fieldText("statusUpdate.rationale", LONG),
                    sources: [XSS_SOURCES[1]],
                  },
                ],
                evidence: [
                  { source: XSS_SOURCES[0], stance: "INDICATES_DELAY", quote: fieldText("evidence.quote", LONG) },
                ],
              },
              {
                id: XSS_MILESTONES[1],
                title: fieldText("milestone2.title", TITLE, 10),
                owner: fieldText("milestone2.owner", NAME, 12),
                deadline: "2025-08",
                deadlineChanges: [],
                statusUpdates: [
                  {
                    on: "2025-08-20",
                    status: "PARTIAL",
                    rationale: fieldText("statusUpdate2.rationale", TITLE, 8),
                    sources: [XSS_SOURCES[0]],
                  },
                ],
                evidence: [
                  { source: XSS_SOURCES[1], stance: "SUPPORTS", quote: fieldText("evidence2.quote", TITLE, 11) },
                ],
              },
            ],
            indicators: [
              {
                id: "corpus-indicator",
                title: fieldText("indicator.title", TITLE, 13),
                unit: fitting(SHORT)[1] ?? "people",
                target: 100,
                observations: [
                  { on: "2025-10-01", value: 42, source: XSS_SOURCES[0], quote: fieldText("observation.quote", LONG) },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The people of the organisation, whose names are payloads too (names: at most 200 characters). */
export const XSS_PEOPLE = [
  { role: "ADMIN", email: "admin@xss.accordwatch.test", name: fieldText("admin.name", 200, 1) },
  { role: "EDITOR", email: "editor@xss.accordwatch.test", name: fieldText("editor.name", 200, 2) },
  { role: "REVIEWER", email: "reviewer@xss.accordwatch.test", name: fieldText("reviewer.name", 200, 3) },
] as const;

export const XSS_ORGANISATION_NAME = fieldText("organisation.name", 200, 5);
export const XSS_COMMENT = fieldText("comment.body", 5_000);
export const XSS_WEBHOOK_URL = `https://hooks.example.org/"><img/src=x/onerror=alert("xss-webhook")>`;
