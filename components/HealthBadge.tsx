import type { Health } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { HEALTH_CLASSES, HEALTH_SYMBOLS } from "./labels";

/**
 * A health shown three ways: colour, a distinct symbol and its label, so that it never depends on colour alone.
 * The label sits in its own element carrying `data-health`, the stable hook for tests and scripts.
 */
export function HealthBadge({ health, size = "md" }: { health: Health; size?: "sm" | "md" }) {
  const f = useFormat();
  const sizing = size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-1 text-sm";
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full border font-semibold whitespace-nowrap ${sizing} ${HEALTH_CLASSES[health]}`}
    >
      <span aria-hidden="true">{HEALTH_SYMBOLS[health]}</span>
      <span data-health={health}>{f.labels.health[health]}</span>
    </span>
  );
}
