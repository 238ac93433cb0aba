import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section aria-labelledby="not-found" className="max-w-prose">
      <h1 id="not-found" className="text-3xl font-bold">
        Page not found
      </h1>
      <p className="mt-3">
        There is no published scorecard at this address. It may never have existed, or it may not be public.
      </p>
      <p className="mt-3">
        <Link href="/">See every published scorecard</Link>
      </p>
    </section>
  );
}
