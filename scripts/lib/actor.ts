import { userInfo } from "node:os";

/** How the command line appears in the audit log: `cli:<login>`. */
export function cliActor(): string {
  let login = "unknown";
  try {
    login = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return `cli:${login}`;
}
