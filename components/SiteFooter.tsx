import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations("common");
  return (
    <footer className="mt-12 border-t border-rule bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
