import Link from "next/link";
import { getViewer } from "@/lib/auth/session";

/** A server component: plain links, so public pages work without JavaScript. */
export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-ink no-underline hover:underline">
          Accordwatch
        </Link>
        <p className="text-sm text-muted">Are governments doing what they agreed?</p>
        <nav aria-label="Account" className="text-sm">
          {viewer.kind === "user" ? (
            <Link href="/account" data-testid="header-account">
              {viewer.name}
            </Link>
          ) : (
            <Link href="/signin">Sign in</Link>
          )}
        </nav>
      </div>
    </header>
  );
}
