import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The workspace's forms are client components: they get the workspace's messages (and the common ones). */
export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["common", "workspace", "editor", "importExport", "members", "review", "briefing", "notifications"]}
    >
      {children}
    </ClientMessages>
  );
}
