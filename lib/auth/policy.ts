/**
 * The one policy deciding every (viewer, action, resource). lib/data asks it before every read and write.
 * Roles (DESIGN.md) join with sign-in; until then there are two viewers: the public, which reads published
 * agreements only, and the command line on this machine, which acts on the organisation it names.
 */
import type { Viewer } from "./viewer";

export type Action =
  | "published:read" // published agreements and the sources they cite
  | "organisation:read" // everything in an organisation, drafts included
  | "organisation:import"
  | "organisation:export"
  | "organisation:create";

export interface Resource {
  /** The organisation the resource belongs to (its slug); undefined for an organisation yet to be created. */
  readonly organisation?: string;
}

export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

export function can(viewer: Viewer, action: Action, _resource: Resource): boolean {
  switch (viewer.kind) {
    case "anonymous":
      return action === "published:read";
    case "system":
      return true;
  }
}

/** Throws ForbiddenError unless the policy allows the action. */
export function authorize(viewer: Viewer, action: Action, resource: Resource): void {
  if (!can(viewer, action, resource)) {
    throw new ForbiddenError(`Not allowed: ${action}${resource.organisation ? ` in ${resource.organisation}` : ""}`);
  }
}
