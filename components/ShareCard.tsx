/**
 * The scorecard as a 1200×630 picture for link previews (Open Graph), drawn by next/og (satori): inline styles only,
 * flex layout, the font Next ships with it. It says what the page says first: each party's compliance and how many
 * commitments are in each health, as of a day.
 */
import { HEALTHS, type AgreementHealth, type Health } from "@/lib/domain/types";
import type { Format } from "@/lib/i18n/format";

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/** The health colours of components/labels.ts (Tailwind's 700s), as plain values for satori. */
const HEALTH_COLOURS: Readonly<Record<Health, string>> = {
  ON_TRACK: "#047857",
  AT_RISK: "#d97706",
  STALLED: "#c2410c",
  DONE: "#0369a1",
  PARTIAL: "#6d28d9",
  BROKEN: "#b91c1c",
};

export interface ShareCardTexts {
  readonly compliance: string;
  readonly noScore: string;
  readonly asOf: string;
}

export function ShareCard({
  title,
  organisation,
  parties,
  health,
  format,
  texts,
}: {
  title: string;
  organisation: string;
  parties: readonly string[];
  health: AgreementHealth;
  format: Format;
  texts: ShareCardTexts;
}) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#fafaf9",
        color: "#1c1917",
        padding: "56px 64px",
        fontSize: 28,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 26, color: "#57534e" }}>{`Accordwatch · ${organisation}`}</div>
        <div style={{ display: "flex", fontSize: title.length > 70 ? 46 : 56, marginTop: 12, lineHeight: 1.15 }}>
          {title}
        </div>
      </div>
      <div style={{ display: "flex", gap: 40 }}>
        {parties.map((code) => {
          const compliance = health.parties[code] ?? null;
          return (
            <div
              key={code}
              style={{
                display: "flex",
                flexDirection: "column",
                flex: 1,
                background: "#ffffff",
                border: "2px solid #d6d3d1",
                borderRadius: 16,
                padding: "24px 32px",
              }}
            >
              <div style={{ display: "flex", fontSize: 30 }}>{format.party(code)}</div>
              <div style={{ display: "flex", fontSize: 22, color: "#57534e" }}>{texts.compliance}</div>
              <div style={{ display: "flex", fontSize: 84, marginTop: 4 }}>
                {compliance === null ? texts.noScore : format.percent(compliance.percent)}
              </div>
              <div style={{ display: "flex", height: 14, background: "#e7e5e4", borderRadius: 7, marginTop: 8 }}>
                <div
                  style={{
                    display: "flex",
                    width: `${compliance === null ? 0 : Math.min(100, Math.max(0, compliance.percent))}%`,
                    background: "#1c1917",
                    borderRadius: 7,
                  }}
                />
              </div>
            </div>
          );
        })}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <div style={{ display: "flex", gap: 28 }}>
          {HEALTHS.filter((h) => health.counts[h] > 0).map((h) => (
            <div key={h} style={{ display: "flex", alignItems: "center", gap: 10 }}>
              <div
                style={{ display: "flex", width: 22, height: 22, borderRadius: 11, background: HEALTH_COLOURS[h] }}
              />
              <div style={{ display: "flex" }}>{`${format.number(health.counts[h])} ${format.labels.health[h]}`}</div>
            </div>
          ))}
        </div>
        <div style={{ display: "flex", color: "#57534e", fontSize: 24 }}>{texts.asOf}</div>
      </div>
    </div>
  );
}
