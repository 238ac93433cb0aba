import "./globals.css";

/**
 * An address outside every page (the proxy sends all others to app/[locale]): a whole document of its own, in
 * English, since there is no page whose language it could take.
 */
export default function RootNotFound() {
  return (
    <html lang="en-GB">
      <body className="bg-paper font-sans text-ink">
        <main className="mx-auto max-w-prose px-4 py-8">
          <h1 className="text-3xl font-bold">Page not found</h1>
          <p className="mt-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Accordwatch</a>
          </p>
        </main>
      </body>
    </html>
  );
}
