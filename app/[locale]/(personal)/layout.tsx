import type { ReactNode } from "react";
import { SiteFrame } from "@/components/SiteFrame";

/** The signed-in pages (workspace, account, sign-in, invitations): rendered per request, the header names the reader. */
export default function PersonalLayout({ children }: { children: ReactNode }) {
  return <SiteFrame personal>{children}</SiteFrame>;
}
