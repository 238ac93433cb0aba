/**
 * The one way a server action runs (STYLE.md, "One choke point for access"): the viewer from the session, the
 * command (which parses its input with its zod schema and asks the policy in lib/data), then the outcome mapped to
 * a state the form can show. Expected failures pass their message through; anything else is logged and the user
 * gets a generic message, never a stack trace. The builder's own messages are in the language of the page that
 * sent the form (messages/…/workspace.json, `errors`).
 */
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/data/errors";
import { InviteError } from "@/lib/data/members";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { localiseFieldErrors, localiseMessage } from "@/lib/domain/messages-fr";
import { formatFor, type Format } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/server";
import { runWithRequestContext } from "@/lib/log/context";
import { logger } from "@/lib/log/logger";
import { incomingRequestId } from "@/lib/log/next";
import { en, type Messages } from "@/messages/en";
import { formValues, type ActionState } from "./state";

export { IDLE, type ActionState } from "./state";

/** The words of actionError: a translator of `workspace.errors` and the formats of the same language. */
export interface ActionErrorText {
  readonly t: ReturnType<typeof createTranslator<Messages, "workspace.errors">>;
  readonly format: Format;
}

const ENGLISH: ActionErrorText = {
  t: createTranslator({ locale: "en", messages: en, namespace: "workspace.errors" }),
  format: formatFor("en"),
};

/** actionError's words in the language of the current request (English outside one). */
export async function actionErrorText(): Promise<ActionErrorText> {
  try {
    const [t, format] = await Promise.all([getTranslations("workspace.errors"), getFormat()]);
    return { t, format };
  } catch {
    return ENGLISH;
  }
}

export async function runAction(run: (viewer: Viewer) => Promise<string>, viewer?: Viewer): Promise<ActionState> {
  const act = async (): Promise<ActionState> => {
    try {
      const message = await run(viewer ?? (await getViewer()));
      return { status: "ok", message };
    } catch (error) {
      return actionError(error, await actionErrorText());
    }
  };
  // Whatever the action logs names the request (the id proxy.ts gave the POST).
  const requestId = await incomingRequestId();
  return requestId === undefined ? act() : runWithRequestContext({ requestId }, act);
}

/**
 * A record changed under the form (a compare-and-set found another version: such a conflict carries the record's
 * current values): who changed it and when, in the reader's language. Other conflicts say their own message.
 */
function conflictMessage(error: ConflictError, { t, format }: ActionErrorText): string {
  if (error.current === undefined) return localiseMessage(error.message, format.locale);
  if (error.changedBy === undefined || error.changedAt === undefined) return t("changed");
  const iso = error.changedAt.toISOString();
  return t("changedBy", { actor: error.changedBy, day: format.day(iso.slice(0, 10)), time: iso.slice(11, 16) });
}

/**
 * The form's state for a failure. The messages of lib/data's errors and of the schemas are written in English (a
 * contract for the API, the command line and the import): they are said in the form's language here.
 */
export function actionError(error: unknown, text: ActionErrorText = ENGLISH): ActionState {
  const { t } = text;
  const { locale } = text.format;
  if (error instanceof ValidationError) {
    return { status: "error", message: t("invalid"), fieldErrors: localiseFieldErrors(error.fieldErrors, locale) };
  }
  if (error instanceof ConflictError) {
    return { status: "error", message: conflictMessage(error, text), fieldErrors: {}, current: error.current };
  }
  if (error instanceof NotFoundError || error instanceof InviteError) {
    return { status: "error", message: localiseMessage(error.message, locale), fieldErrors: {} };
  }
  if (error instanceof ForbiddenError) {
    return { status: "error", message: t("forbidden"), fieldErrors: {} };
  }
  // Whether the database was known to be down (getDb refuses at once) or was lost during this action.
  if (isDatabaseUnavailable(error)) {
    return { status: "error", message: t("databaseUnavailable"), fieldErrors: {} };
  }
  logger.error({ err: error }, "server action failed");
  return { status: "error", message: t("unexpected"), fieldErrors: {} };
}

/** Like runAction, with the form's values kept in an error state. */
export async function runFormAction(form: FormData, run: (viewer: Viewer) => Promise<string>): Promise<ActionState> {
  const state = await runAction(run);
  return state.status === "error" ? { ...state, values: formValues(form) } : state;
}
