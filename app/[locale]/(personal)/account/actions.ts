"use server";

import { redirectHere } from "@/lib/i18n/server";
import { cookies } from "next/headers";
import { sessionCookieName } from "@/lib/auth/options";
import { getViewer } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/data/users";

/** Ends every session of the signed-in user (lib/data/users.ts), this browser's included. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") return redirectHere("/signin");
  await signOutEverywhere(viewer);
  // This browser's token is stale now and would be refused anyway; removing it keeps the browser tidy. A large
  // token is split into chunks named <name>.0, <name>.1…
  const jar = await cookies();
  const name = sessionCookieName();
  for (const cookie of jar.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) jar.delete(cookie.name);
  }
  return redirectHere("/signin?signedOut=everywhere");
}
