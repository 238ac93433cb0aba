export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-rule bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
        <p>
          Accordwatch computes health from dated sources by published rules; no health is typed in by hand. Every
          scorecard can be shown as it stood on any past date.
        </p>
      </div>
    </footer>
  );
}
