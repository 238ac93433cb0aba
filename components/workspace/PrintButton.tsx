"use client";

/**
 * Opens the browser's print dialog. An island on a page that works without it: without JavaScript the browser's own
 * Print command prints the same thing, so the button is only there once it can work.
 */
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** `label` defaults to the "briefing" messages' "Print", which the workspace delivers. */
export function PrintButton({ label }: { label?: string }) {
  const t = useTranslations("briefing");
  // False on the server and in the first render, true once hydrated: no button that does nothing.
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md border-2 border-stone-900 px-4 py-2 font-semibold print:hidden"
    >
      {label ?? t("print")}
    </button>
  );
}
