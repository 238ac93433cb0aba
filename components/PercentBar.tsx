/**
 * A bar filled to a percentage, hidden from assistive technology (it only repeats the figure beside it). Drawn in
 * SVG, whose rectangles take their width as an attribute: a `style` attribute is what the Content-Security-Policy
 * refuses (style-src 'self', no 'unsafe-inline': lib/http/content-security-policy.mjs).
 */
export function PercentBar({ percent, className }: { percent: number; className: string }) {
  const filled = Math.min(100, Math.max(0, percent));
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 100 1"
      preserveAspectRatio="none"
      className={`block w-full overflow-hidden rounded-full ${className}`}
    >
      <rect width="100" height="1" className="fill-stone-200" />
      <rect width={filled} height="1" className="fill-stone-700" />
    </svg>
  );
}
