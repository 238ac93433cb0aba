/** The readable form of a health document for the terminal. */
import { formatDay } from "@/lib/domain/dates";
import type { Dataset, HealthDocument } from "@/lib/domain/types";

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatHealthTable(dataset: Dataset, document: HealthDocument): string {
  const out: string[] = [`Health as of ${formatDay(document.asOf)}`];
  for (const agreementHealth of document.agreements) {
    const agreement = dataset.agreements.find((a) => a.slug === agreementHealth.slug);
    out.push("", `${agreement?.title ?? agreementHealth.slug} (${agreementHealth.slug})`);
    const parties = Object.entries(agreementHealth.parties).map(([party, c]) =>
      c === null ? `${party} — (responsible for nothing)` : `${party} ${c.percent}% (mean ${c.mean.toFixed(2)})`,
    );
    out.push(`Compliance: ${parties.join("; ")}`);
    const counts = Object.entries(agreementHealth.counts)
      .filter(([, n]) => n > 0)
      .map(([health, n]) => `${n} ${health}`);
    out.push(`Commitments: ${counts.length > 0 ? counts.join(", ") : "none"}`, "");
    const rows: string[][] = [["COMMITMENT", "MILESTONE", "HEALTH", "FLAGS"]];
    const reasons: string[] = [];
    for (const commitment of agreementHealth.commitments) {
      rows.push([commitment.id, "", `${commitment.health} (${commitment.progress}%)`, ""]);
      for (const milestone of commitment.milestones) {
        const flags = milestone.flags.map((f) => `${f.flag} since ${f.since}`).join(", ");
        rows.push(["", milestone.id, milestone.health, flags || "—"]);
        for (const flag of milestone.flags) reasons.push(`${commitment.id}/${milestone.id}: ${flag.reason}`);
      }
    }
    out.push(table(rows));
    if (reasons.length > 0) out.push("", "Reasons:", ...reasons.map((r) => `  ${r}`));
  }
  return `${out.join("\n")}\n`;
}
