/** Types of csp-cache-handler.mjs, for its tests. */
export function withScriptPolicy<T>(value: T, options: { readonly fresh: boolean }): T;
declare const CspCacheHandler: new (...args: never[]) => object;
export default CspCacheHandler;
