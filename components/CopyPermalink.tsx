"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The permalink in a read-only field, ready to select and copy. Without JavaScript (and in the server's HTML) it holds
 * the path, and the link beside it carries the whole address; once scripted, the absolute address and a button that
 * copies it. Its two words come from the server parent (AsOfForm) in the reader's language, so that no messages need
 * to be sent to the browser for it.
 */
export function CopyPermalink({
  id,
  path,
  labels,
}: {
  id: string;
  path: string;
  /** The button's label and what it says once copied ("Copy", "Copied."). */
  labels: { copy: string; copied: string };
}) {
  // The page's origin in the browser; null on the server, so the first render matches the server's HTML.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
  const [copied, setCopied] = useState<string | null>(null);
  const address = origin === null ? path : new URL(path, origin).toString();

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(address);
    } catch {
      // No clipboard (permissions, an insecure origin): the field stays there to copy by hand.
      setCopied(null);
    }
  }

  return (
    <>
      <input
        id={id}
        readOnly
        value={address}
        onFocus={(event) => event.currentTarget.select()}
        className="min-h-11 w-full max-w-xl min-w-0 flex-1 rounded-md border border-stone-500 bg-stone-50 px-2 py-1.5 font-mono text-sm text-ink"
      />
      {origin === null ? null : (
        <button
          type="button"
          onClick={copy}
          className="min-h-11 rounded-md border border-stone-800 px-3 py-1.5 font-semibold hover:bg-stone-100"
        >
          {labels.copy}
        </button>
      )}
      <span aria-live="polite" className="text-muted">
        {copied === address ? labels.copied : ""}
      </span>
    </>
  );
}
