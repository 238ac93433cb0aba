import { useTranslations } from "next-intl";
import type { AgreementSettings } from "@/lib/domain/types";

/** How the scorecard was computed, in the reader's terms, with this agreement's settings. */
export function MethodNote({ settings }: { settings: AgreementSettings }) {
  const t = useTranslations("scorecard.method");
  return (
    <div className="space-y-2 text-sm text-muted">
      <p>{t("computed")}</p>
      <p>
        {t.rich("rules", {
          staleDays: settings.staleAfterDays,
          warnDays: settings.warnBeforeDays,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
    </div>
  );
}
