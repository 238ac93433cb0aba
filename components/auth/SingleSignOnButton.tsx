"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";

/**
 * Starts the OpenID Connect flow (lib/auth/options.ts); NextAuth brings the person back to `callbackPath`. Needs the
 * "auth" messages.
 */
export function SingleSignOnButton({
  providerId,
  name,
  callbackPath,
}: {
  providerId: string;
  name: string;
  callbackPath: string;
}) {
  const t = useTranslations("auth");
  return (
    <button
      type="button"
      onClick={() => void signIn(providerId, { callbackUrl: callbackPath })}
      className="min-h-11 w-full rounded-md border border-stone-900 bg-white px-4 py-2 font-semibold text-ink hover:bg-stone-100"
    >
      {t("singleSignOn", { name })}
    </button>
  );
}
