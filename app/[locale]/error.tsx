"use client"; // Error boundaries must be Client Components.
import { useLocale, useTranslations } from "next-intl";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  const t = useTranslations("common.error");
  const locale = useLocale();
  const home = locale === "en" ? "/" : `/${locale}`;
  return (
    <section aria-labelledby="error" className="max-w-prose">
      <h1 id="error" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-3">{t("body")}</p>
      {digest ? <p className="mt-2 text-sm text-muted">{t("reference", { digest })}</p> : null}
      <p className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
        >
          {t("retry")}
        </button>
        {/* A plain link: after an error, a full page load is the safest way home. */}
        <a href={home} className="inline-flex min-h-11 items-center">
          {t("home")}
        </a>
      </p>
    </section>
  );
}
