/**
 * Who is acting. Every lib/data function takes one and asks the policy before touching data.
 * Sign-in (next-auth) arrives with the workspace; until then the public and the command line are the only viewers.
 */
export type Viewer =
  | { readonly kind: "anonymous" }
  /** The command line on this machine: full access to the organisation it names, recorded as `actor` in audit. */
  | { readonly kind: "system"; readonly actor: string };

export const ANONYMOUS: Viewer = { kind: "anonymous" };

export function systemViewer(actor: string): Viewer {
  return { kind: "system", actor };
}
