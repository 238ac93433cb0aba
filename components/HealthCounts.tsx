import { HEALTHS, type Health } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { HEALTH_CLASSES, HEALTH_SYMBOLS } from "./labels";

/** How many commitments are in each health, all six in display order (zeros included, so the scale is visible). */
export function HealthCounts({ counts }: { counts: Readonly<Record<Health, number>> }) {
  const f = useFormat();
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {HEALTHS.map((health) => (
        <div
          key={health}
          data-health-count={health}
          className={`flex flex-col-reverse rounded-lg border px-3 py-2 ${HEALTH_CLASSES[health]}`}
        >
          <dt className="flex items-center gap-1.5 text-sm font-semibold">
            <span aria-hidden="true">{HEALTH_SYMBOLS[health]}</span>
            {f.labels.health[health]}
          </dt>
          <dd className="text-2xl font-bold tabular-nums">{counts[health] ?? 0}</dd>
        </div>
      ))}
    </dl>
  );
}
