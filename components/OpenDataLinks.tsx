import { useTranslations } from "next-intl";
import { API_PATHS, apiPath } from "@/lib/domain/api/paths";
import { useFormat } from "@/lib/i18n/format";

interface OpenDataLinksProps {
  orgSlug: string;
  agreementSlug: string;
  /** The day shown: the files hold the same day's health as the page. */
  asOf: string;
}

/** The scorecard's data in the open-data API's formats, as of the day shown. */
export function OpenDataLinks({ orgSlug, agreementSlug, asOf }: OpenDataLinksProps) {
  const t = useTranslations("scorecard.openData");
  const f = useFormat();
  const params = { org: orgSlug, agreement: agreementSlug };
  // Plain anchors, not next/link: these are files, not pages.
  const links = [
    { href: apiPath(API_PATHS.milestones, params, { asOf }), label: t("milestones") },
    { href: apiPath(API_PATHS.health, params, { asOf }), label: t("health") },
    { href: apiPath(API_PATHS.export, { org: orgSlug }), label: t("export") },
    { href: API_PATHS.openapi, label: t("openapi") },
  ];
  return (
    <div className="text-sm">
      <p className="text-muted">{t("intro", { date: f.day(asOf) })}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
