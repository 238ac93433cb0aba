import { formatDay } from "@/lib/domain/dates";
import { API_PATHS, apiPath } from "@/lib/domain/api/paths";

interface OpenDataLinksProps {
  orgSlug: string;
  agreementSlug: string;
  /** The day shown: the files hold the same day's health as the page. */
  asOf: string;
}

/** The scorecard's data in the open-data API's formats, as of the day shown. */
export function OpenDataLinks({ orgSlug, agreementSlug, asOf }: OpenDataLinksProps) {
  const params = { org: orgSlug, agreement: agreementSlug };
  // Plain anchors, not next/link: these are files, not pages.
  const links = [
    { href: apiPath(API_PATHS.milestones, params, { asOf }), label: "Milestones with their health (CSV)" },
    { href: apiPath(API_PATHS.health, params, { asOf }), label: "Health document (JSON)" },
    { href: apiPath(API_PATHS.export, { org: orgSlug }), label: "All published data (accordwatch/v1 JSON)" },
    { href: API_PATHS.openapi, label: "API description (OpenAPI)" },
  ];
  return (
    <div className="text-sm">
      <p className="text-muted">As of {formatDay(asOf)}, free to reuse:</p>
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
