/**
 * The one policy deciding every (viewer, action, resource). lib/data asks it before every read and write, with the
 * organisation the record belongs to as the database returned it, never as the request claimed it.
 *
 * | action                        | anonymous | reviewer | editor | admin | system (CLI) |
 * |-------------------------------|-----------|----------|--------|-------|--------------|
 * | published:read                | yes       | yes      | yes    | yes   | yes          |
 * | organisation:read (drafts)    |           | own      | own    | own   | yes          |
 * | organisation:comment          |           | own      | own    | own   | yes          |
 * | organisation:write            |           |          | own    | own   | yes          |
 * | organisation:import / export  |           |          | own    | own   | yes          |
 * | organisation:manage-members   |           |          |        | own   | yes          |
 * | organisation:manage-webhooks  |           |          |        | own   | yes          |
 * | organisation:create           |           |          |        |       | yes          |
 * | organisation:evaluate (jobs)  |           |          |        |       | yes          |
 */
import { roleIn, type Role, type Viewer } from "./viewer";

export type Action =
  | "published:read"
  | "organisation:read"
  | "organisation:comment"
  | "organisation:write"
  | "organisation:import"
  | "organisation:export"
  | "organisation:manage-members"
  | "organisation:manage-webhooks"
  | "organisation:create"
  /** The scheduled work (lib/jobs): the daily evaluation, sending notifications' emails and webhook deliveries. */
  | "organisation:evaluate";

export interface Resource {
  /** The slug of the organisation the resource belongs to; undefined for one yet to be created, or for lists. */
  readonly organisation?: string;
}

/** The least role that may do each organisation action; null: no member role may. */
const LEAST_ROLE: Record<Exclude<Action, "published:read">, Role | null> = {
  "organisation:read": "REVIEWER",
  "organisation:comment": "REVIEWER",
  "organisation:write": "EDITOR",
  "organisation:import": "EDITOR",
  "organisation:export": "EDITOR",
  "organisation:manage-members": "ADMIN",
  "organisation:manage-webhooks": "ADMIN",
  "organisation:create": null,
  "organisation:evaluate": null,
};

const RANK: Record<Role, number> = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 };

export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

export function can(viewer: Viewer, action: Action, resource: Resource): boolean {
  if (action === "published:read") return true;
  if (viewer.kind === "system") return true;
  const least = LEAST_ROLE[action];
  const role = roleIn(viewer, resource.organisation);
  return least !== null && role !== null && RANK[role] >= RANK[least];
}

/** Throws ForbiddenError unless the policy allows the action. */
export function authorize(viewer: Viewer, action: Action, resource: Resource): void {
  if (!can(viewer, action, resource)) {
    throw new ForbiddenError(`Not allowed: ${action}${resource.organisation ? ` in ${resource.organisation}` : ""}`);
  }
}
