"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE } from "@/lib/actions/state";
import type { CreateWebhookState } from "@/app/[locale]/(personal)/w/[org]/webhooks/actions";
import { FieldErrors, FormMessage, submitted } from "../FormMessage";

interface Props {
  action: (previous: CreateWebhookState, form: FormData) => Promise<CreateWebhookState>;
  org: string;
}

/** Adds a webhook endpoint, and shows its secret once: the page never shows it again. */
export function CreateWebhookForm({ action, org }: Props) {
  const t = useTranslations("notifications.createWebhook");
  const [state, formAction, pending] = useActionState<CreateWebhookState, FormData>(action, IDLE);
  const id = useId();
  const created = state.status === "ok" ? state.created : undefined;
  const url = submitted(state, "url");
  return (
    <div className="grid gap-3">
      <form action={formAction} className="grid gap-3">
        <input type="hidden" name="org" value={org} />
        <div>
          <label htmlFor={`${id}-url`} className="block text-sm font-medium">
            {t("url")}
          </label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            required
            defaultValue={typeof url === "string" ? url : ""}
            aria-describedby={`${id}-url-error`}
            className="mt-1 w-full max-w-xl rounded border border-stone-400 bg-white px-2 py-1.5"
          />
          <FieldErrors state={state} field="url" id={`${id}-url-error`} />
        </div>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-drafts`}
            name="includeDrafts"
            type="checkbox"
            defaultChecked={submitted(state, "includeDrafts") === "on"}
          />
          <label htmlFor={`${id}-drafts`} className="text-sm">
            {t("includeDrafts")}
          </label>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="justify-self-start rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("pending") : t("button")}
        </button>
      </form>
      <FormMessage state={state} id={`${id}-message`} />
      {created ? (
        <div className="rounded-lg border border-emerald-700 bg-emerald-50 p-3">
          <label htmlFor={`${id}-secret`} className="block text-sm font-medium">
            {t("secret", { url: created.url })}
          </label>
          <input
            id={`${id}-secret`}
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby={`${id}-secret-hint`}
            className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5 font-mono text-sm"
          />
          <p id={`${id}-secret-hint`} className="mt-1 text-sm">
            {t("secretHint")}
          </p>
        </div>
      ) : null}
    </div>
  );
}
