import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/messages/en";

/**
 * Gives the client components inside it the messages of the namespaces named, and only those: every message sent
 * to the browser is weight on the page, so public pages carry the few their scripts need.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: ReactNode;
}) {
  const all = await getMessages();
  const picked: Partial<Messages> = {};
  for (const ns of namespaces) Object.assign(picked, { [ns]: all[ns] });
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
