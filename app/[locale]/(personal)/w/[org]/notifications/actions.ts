"use server";
/**
 * Server actions of the notifications page: thin (read the form, run the lib/data operation through runFormAction,
 * revalidate the page). Validation and authorization (the member's own notifications) are lib/data's.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/run-action";
import type { ActionState } from "@/lib/actions/state";
import { LOCALE_NAMES, type Locale } from "@/lib/domain/locale";
import { markNotificationsRead, setEmailLanguage } from "@/lib/data/notifications";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function markNotificationsReadAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("notifications.actions");
  return runFormAction(form, async (viewer) => {
    const id = text(form, "notificationId");
    const count = await markNotificationsRead(viewer, org, id === "" ? { all: true } : { ids: [id] });
    revalidatePath(`/w/${org}/notifications`);
    revalidatePath(`/w/${org}`);
    return t("marked", { count });
  });
}

export async function setEmailLanguageAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const org = text(form, "org");
  const t = await getTranslations("notifications.actions");
  return runFormAction(form, async (viewer) => {
    // The schema refuses anything but en and fr, with a field message; the cast only satisfies the signature.
    const locale = text(form, "locale") as Locale;
    await setEmailLanguage(viewer, { locale });
    revalidatePath(`/w/${org}/notifications`);
    return t("languageSaved", { language: LOCALE_NAMES[locale] ?? locale });
  });
}
