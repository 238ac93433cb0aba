"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { useRouter } from "@/lib/i18n/client-navigation";

/**
 * Ends this browser's session (NextAuth clears the cookie) and goes to the home page, in the reader's language.
 * Needs the "auth" messages.
 */
export function SignOutButton() {
  const t = useTranslations("auth.signOut");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // No redirect by NextAuth: it would send the browser to NEXTAUTH_URL's host, which may not be the one in
        // the address bar (127.0.0.1 against localhost); a relative navigation stays on the site as the user sees it.
        // refresh(): the header, rendered on the server, must drop the name.
        void signOut({ redirect: false })
          .then(() => {
            router.replace("/");
            router.refresh();
          })
          .catch(() => setPending(false));
      }}
      className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
    >
      {pending ? t("pending") : t("button")}
    </button>
  );
}
