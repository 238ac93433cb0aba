"use client"; // Error boundaries must be Client Components.

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <section aria-labelledby="error" className="max-w-prose">
      <h1 id="error" className="text-3xl font-bold">
        Something went wrong
      </h1>
      <p className="mt-3">The page could not be shown. Please try again in a moment.</p>
      {digest ? <p className="mt-2 text-sm text-muted">Reference: {digest}</p> : null}
      <p className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 rounded-md bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700"
        >
          Try again
        </button>
        {/* A plain link: after an error, a full page load is the safest way home. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="inline-flex min-h-11 items-center">
          Go to the home page
        </a>
      </p>
    </section>
  );
}
