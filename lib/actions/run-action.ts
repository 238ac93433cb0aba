/**
 * The one way a server action runs (STYLE.md, "One choke point for access"): the viewer from the session, the
 * command (which parses its input with its zod schema and asks the policy in lib/data), then the outcome mapped to
 * a state the form can show. Expected failures pass their message through; anything else is logged and the user
 * gets a generic message, never a stack trace.
 */
import { getViewer } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/data/errors";
import { InviteError } from "@/lib/data/members";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { formValues, type ActionState } from "./state";

export { IDLE, type ActionState } from "./state";

export async function runAction(run: (viewer: Viewer) => Promise<string>, viewer?: Viewer): Promise<ActionState> {
  try {
    const message = await run(viewer ?? (await getViewer()));
    return { status: "ok", message };
  } catch (error) {
    return actionError(error);
  }
}

export function actionError(error: unknown): ActionState {
  if (error instanceof ValidationError) {
    return { status: "error", message: "Please correct the fields marked below.", fieldErrors: error.fieldErrors };
  }
  if (error instanceof ConflictError) {
    return { status: "error", message: error.message, fieldErrors: {}, current: error.current };
  }
  if (error instanceof NotFoundError || error instanceof InviteError) {
    return { status: "error", message: error.message, fieldErrors: {} };
  }
  if (error instanceof ForbiddenError) {
    return { status: "error", message: "Your role in this organisation does not allow this.", fieldErrors: {} };
  }
  if (error instanceof DatabaseUnavailableError) {
    return { status: "error", message: "The database is unavailable; please try again shortly.", fieldErrors: {} };
  }
  console.error(error);
  return { status: "error", message: "Something went wrong; nothing was saved.", fieldErrors: {} };
}

/** Like runAction, with the form's values kept in an error state. */
export async function runFormAction(form: FormData, run: (viewer: Viewer) => Promise<string>): Promise<ActionState> {
  const state = await runAction(run);
  return state.status === "error" ? { ...state, values: formValues(form) } : state;
}
