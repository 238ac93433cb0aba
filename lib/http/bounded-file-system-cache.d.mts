/** Types of bounded-file-system-cache.mjs (plain JavaScript: the ISR cache handler loads it untranspiled), for its tests. */
export function daySegmentOfKey(key: string): string | null;
export function keepsOnDisk(
  key: string,
  value: { readonly kind: string; readonly status?: number } | null,
  today: string,
): boolean;
export declare const BoundedFileSystemCache: new (...args: never[]) => object;
