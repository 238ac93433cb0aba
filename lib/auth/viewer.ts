/**
 * Who is acting. Every lib/data function takes one and asks the policy (policy.ts) before touching data.
 */
export const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;
export type Role = (typeof ROLES)[number];

export interface ViewerMembership {
  readonly organisationId: string;
  /** The organisation's slug. */
  readonly organisation: string;
  readonly organisationName: string;
  readonly role: Role;
}

export type Viewer =
  | { readonly kind: "anonymous" }
  /** The command line on this machine: full access to the organisation it names, recorded as `actor` in audit. */
  | { readonly kind: "system"; readonly actor: string }
  /** A signed-in person, with the memberships the database held when the request began. */
  | {
      readonly kind: "user";
      readonly userId: string;
      readonly email: string;
      readonly name: string;
      readonly memberships: readonly ViewerMembership[];
    };

export const ANONYMOUS: Viewer = { kind: "anonymous" };

export function systemViewer(actor: string): Viewer {
  return { kind: "system", actor };
}

/** The viewer's role in an organisation (by slug), or null when not a member. */
export function roleIn(viewer: Viewer, organisation: string | undefined): Role | null {
  if (viewer.kind !== "user" || organisation === undefined) return null;
  return viewer.memberships.find((m) => m.organisation === organisation)?.role ?? null;
}
