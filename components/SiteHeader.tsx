import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-ink no-underline hover:underline">
          Accordwatch
        </Link>
        <p className="text-sm text-muted">Are governments doing what they agreed?</p>
      </div>
    </header>
  );
}
