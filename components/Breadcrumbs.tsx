import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string;
}

/** Where the page sits: Accordwatch › organisation › agreement. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const t = useTranslations("scorecard");
  return (
    <nav aria-label={t("breadcrumbs")} className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex items-center gap-2">
            {index > 0 ? (
              <span aria-hidden="true" className="text-muted">
                /
              </span>
            ) : null}
            {item.href ? (
              <Link href={item.href}>{item.label}</Link>
            ) : (
              <span aria-current="page" className="text-muted">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
