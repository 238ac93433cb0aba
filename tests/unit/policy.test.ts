/**
 * The policy as a table: every action for every kind of viewer, on their own organisation and on another one.
 */
import { describe, expect, it } from "vitest";
import { can, type Action } from "@/lib/auth/policy";
import { ANONYMOUS, systemViewer, type Role, type Viewer } from "@/lib/auth/viewer";

function member(role: Role): Viewer {
  return {
    kind: "user",
    userId: `u-${role}`,
    email: `${role.toLowerCase()}@example.org`,
    name: role,
    memberships: [{ organisationId: "org-1", organisation: "own", organisationName: "Own", role }],
  };
}

const viewers: Record<string, Viewer> = {
  anonymous: ANONYMOUS,
  reviewer: member("REVIEWER"),
  editor: member("EDITOR"),
  admin: member("ADMIN"),
  "signed in, no membership": { kind: "user", userId: "u-x", email: "x@example.org", name: "X", memberships: [] },
  system: systemViewer("cli:test"),
};

// Who may do each action in the organisation "own"; in "other" only the system may (and anyone reads published).
const allowedInOwn: Record<Action, string[]> = {
  "published:read": Object.keys(viewers),
  "organisation:read": ["reviewer", "editor", "admin", "system"],
  "organisation:comment": ["reviewer", "editor", "admin", "system"],
  "organisation:write": ["editor", "admin", "system"],
  "organisation:import": ["editor", "admin", "system"],
  "organisation:export": ["editor", "admin", "system"],
  "organisation:manage-members": ["admin", "system"],
  "organisation:manage-webhooks": ["admin", "system"],
  "organisation:create": ["system"],
  "organisation:evaluate": ["system"],
};

const cases = Object.entries(allowedInOwn).flatMap(([action, allowed]) =>
  Object.keys(viewers).flatMap((name) => [
    { action: action as Action, name, organisation: "own", expected: allowed.includes(name) },
    {
      action: action as Action,
      name,
      organisation: "other",
      expected: action === "published:read" || name === "system",
    },
  ]),
);

describe("the policy", () => {
  it.each(cases)("$name may $action in $organisation: $expected", ({ action, name, organisation, expected }) => {
    expect(can(viewers[name] as Viewer, action, { organisation })).toBe(expected);
  });

  it("lets no member create organisations or act without an organisation", () => {
    expect(can(member("ADMIN"), "organisation:create", {})).toBe(false);
    expect(can(member("ADMIN"), "organisation:read", {})).toBe(false);
  });
});
