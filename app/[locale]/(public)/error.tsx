"use client"; // Error boundaries must be Client Components.
import { useParams } from "next/navigation";
import { isLocale } from "@/lib/domain/locale";
import { localisedPath } from "@/lib/i18n/paths";
import en from "@/messages/en/common.json";
import fr from "@/messages/fr/common.json";

// The words of this page come with it: an error page must not depend on more than it needs (no message runtime).
const TEXTS = { en: en.error, fr: fr.error } as const;

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  const asked = useParams().locale;
  const locale = isLocale(asked) ? asked : "en";
  const t = TEXTS[locale];
  const home = localisedPath("/", locale);
  return (
    <section aria-labelledby="error" className="max-w-prose">
      <h1 id="error" className="text-3xl font-bold">
        {t.title}
      </h1>
      <p className="mt-3">{t.body}</p>
      {digest ? <p className="mt-2 text-sm text-muted">{t.reference.replace("{digest}", digest)}</p> : null}
      <p className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
        >
          {t.retry}
        </button>
        {/* A plain link: after an error, a full page load is the safest way home. */}
        <a href={home} className="inline-flex min-h-11 items-center">
          {t.home}
        </a>
      </p>
    </section>
  );
}
