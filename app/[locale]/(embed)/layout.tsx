import type { ReactNode } from "react";

/** The embeddable widget: its content alone, no site header or footer, for a frame on another site. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return <main className="p-2">{children}</main>;
}
