/**
 * The pure parts of the scheduled work: the transitions the daily evaluation records are the changelog's health
 * entries (for every day of the demo's story), the notification email in each language, the webhook signature, and
 * the environment's settings.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agreementChangelog } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { notificationEmail } from "@/lib/domain/notification-email";
import { agreementHealthTransitions } from "@/lib/domain/transitions";
import { DEFAULT_EVALUATION_CRON, parseJobsEnv } from "@/lib/env";
import { signBody, verifySignature } from "@/lib/jobs/signature";

const parsed = parseInterchangeText(
  readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8"),
);
if (!parsed.ok) throw new Error("invalid demo");
const AGREEMENT = parsed.dataset.agreements[0]!;
const SOURCES = indexSources(parsed.dataset.sources);

describe("the transitions of an agreement", () => {
  const days = ["2025-07-01", "2025-08-16", "2025-10-22", "2025-10-23", "2025-11-30", "2025-12-01", "2026-06-30"];

  it.each(days)("are the changelog's health entries up to %s, oldest first", (until) => {
    const transitions = agreementHealthTransitions(AGREEMENT, SOURCES, { until });
    const changelog = agreementChangelog(AGREEMENT, SOURCES, { until }).filter(
      (e) => e.kind === "MILESTONE_HEALTH" || e.kind === "COMMITMENT_HEALTH",
    );
    expect(transitions.map((t) => t.changeId).sort()).toEqual(changelog.map((e) => e.id).sort());
    const ordered = transitions.map((t) => t.day);
    expect(ordered).toEqual([...ordered].sort());
    for (const t of transitions) {
      const entry = changelog.find((e) => e.id === t.changeId)!;
      expect([t.day, t.from, t.health, t.texts.en.title, t.texts.en.summary]).toEqual([
        entry.date,
        entry.from,
        entry.health,
        entry.title,
        entry.summary,
      ]);
    }
  });

  it("say in French what the French changelog says", () => {
    const french = agreementChangelog(AGREEMENT, SOURCES, { until: "2025-12-15", locale: "fr" });
    for (const t of agreementHealthTransitions(AGREEMENT, SOURCES, { until: "2025-12-15" })) {
      expect(t.texts.fr.title).toBe(french.find((e) => e.id === t.changeId)?.title);
    }
  });

  it("tell the demo's story: the doctrine stalls on 23 October 2025, the deployment is overdue from December", () => {
    const transitions = agreementHealthTransitions(AGREEMENT, SOURCES, { since: "2025-10-02", until: "2025-12-15" });
    const doctrine = transitions.filter((t) => t.milestone === "adopt-doctrine");
    expect(doctrine.map((t) => [t.day, t.from, t.health])).toEqual([
      ["2025-10-23", "AT_RISK", "STALLED"],
      ["2025-11-01", "STALLED", "PARTIAL"],
    ]);
    const deploy = transitions.filter((t) => t.milestone === "deploy-tactics").at(-1);
    expect(deploy?.day).toBe("2025-12-01");
    expect(deploy?.flags.map((f) => f.flag)).toEqual(["OVERDUE", "CONTRADICTED"]);
  });
});

describe("the notification email", () => {
  const transitions = agreementHealthTransitions(AGREEMENT, SOURCES, { since: "2025-10-23", until: "2025-10-23" });
  const input = {
    name: "Rita",
    organisationName: "Accordwatch demo",
    transitions: transitions.map((t) => ({ day: t.day, agreementTitle: AGREEMENT.title, texts: t.texts })),
    notificationsUrl: "https://a.test/w/demo/notifications",
    watchlistUrl: "https://a.test/w/demo/watchlist",
  };

  it("lists each transition with the changelog's words, in English", () => {
    const email = notificationEmail({ ...input, locale: "en" });
    expect(email.subject).toBe(`Accordwatch: ${transitions.length} changes in what you watch (Accordwatch demo)`);
    expect(email.text).toContain("Hello Rita,");
    expect(email.text).toContain("23 October 2025");
    for (const t of transitions) expect(email.text).toContain(t.texts.en.summary);
    expect(email.text).toContain("https://a.test/w/demo/notifications");
  });

  it("and in French", () => {
    const email = notificationEmail({ ...input, locale: "fr", transitions: input.transitions.slice(0, 1) });
    expect(email.subject).toBe("Accordwatch\u00a0: un changement dans ce que vous suivez (Accordwatch demo)");
    expect(email.text).toContain("Bonjour Rita,");
    expect(email.text).toContain("23 octobre 2025");
    expect(email.text).toContain(transitions[0]!.texts.fr.title);
  });
});

describe("the webhook signature", () => {
  it("is the HMAC-SHA256 of the body, in hex, checked in constant time", () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signBody("whsec_test", '{"a":1}')).toBe(
      "sha256=51426af50a41dd7ff2cd3f116594734766d4018d15d6fb07169aee5d2959adf5",
    );
    const signature = signBody("whsec_test", '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature("whsec_test", '{"a":1}', signature)).toBe(true);
    expect(verifySignature("whsec_test", '{"a":2}', signature)).toBe(false);
    expect(verifySignature("whsec_other", '{"a":1}', signature)).toBe(false);
    expect(verifySignature("whsec_test", '{"a":1}', undefined)).toBe(false);
    expect(verifySignature("whsec_test", '{"a":1}', "sha256=00")).toBe(false);
  });
});

describe("the scheduled work's environment", () => {
  it("defaults to in-process work, 03:00 UTC, no email, 8 attempts from 30 s", () => {
    expect(parseJobsEnv({})).toEqual({
      ok: true,
      settings: {
        inProcess: true,
        evaluationCron: DEFAULT_EVALUATION_CRON,
        smtp: null,
        webhookMaxAttempts: 8,
        webhookRetryDelaySeconds: 30,
        appUrl: undefined,
      },
    });
    expect(DEFAULT_EVALUATION_CRON).toBe("0 3 * * *");
  });

  it("reads every variable", () => {
    const parsed = parseJobsEnv({
      ACCORDWATCH_JOBS: "off",
      EVALUATION_CRON: "30 5 * * 1-5",
      SMTP_URL: "smtp://u:p@mail.test:587",
      SMTP_FROM: "Accordwatch <n@a.test>",
      WEBHOOK_MAX_ATTEMPTS: "3",
      WEBHOOK_RETRY_DELAY_SECONDS: "5",
    });
    expect(parsed.ok && parsed.settings).toMatchObject({
      inProcess: false,
      evaluationCron: "30 5 * * 1-5",
      smtp: { url: "smtp://u:p@mail.test:587", from: "Accordwatch <n@a.test>" },
      webhookMaxAttempts: 3,
      webhookRetryDelaySeconds: 5,
    });
  });

  it.each([
    [{ ACCORDWATCH_JOBS: "maybe" }, "ACCORDWATCH_JOBS"],
    [{ EVALUATION_CRON: "daily" }, "EVALUATION_CRON"],
    [{ SMTP_URL: "http://mail.test" }, "SMTP_URL"],
    [{ SMTP_URL: "smtp://mail.test" }, "SMTP_FROM"],
    [{ WEBHOOK_MAX_ATTEMPTS: "0" }, "WEBHOOK_MAX_ATTEMPTS"],
    [{ WEBHOOK_RETRY_DELAY_SECONDS: "1.5" }, "WEBHOOK_RETRY_DELAY_SECONDS"],
  ])("refuses %o, naming %s and never the value", (env, variable) => {
    const parsed = parseJobsEnv(env);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.join("\n")).toContain(variable);
    for (const value of Object.values(env)) expect(parsed.errors.join("\n")).not.toContain(`${value} `);
  });
});
