import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";

export const metadata: Metadata = { title: "Scorecard not found" };

export default function ScorecardNotFound() {
  return (
    <section aria-labelledby="not-found" className="max-w-prose">
      <h1 id="not-found" className="text-3xl font-bold">
        Scorecard not found
      </h1>
      <p className="mt-3">
        No published agreement has this address. Check the link, or find the scorecard in the list of published
        agreements.
      </p>
      <p className="mt-3">
        <Link href="/">See every published scorecard</Link>
      </p>
    </section>
  );
}
