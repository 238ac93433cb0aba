"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "./FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  agreement: string;
  expectedVersion: number;
  published: boolean;
}

/** Publishes a draft or takes a published agreement back to draft. */
export function PublishForm({ action, org, agreement, expectedVersion, published }: Props) {
  const t = useTranslations("editor.publish");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="agreement" value={agreement} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <input type="hidden" name="published" value={published ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-stone-900 px-3 py-1.5 font-semibold disabled:opacity-60"
      >
        {published ? t("unpublish") : t("publish")}
      </button>
      <FormMessage state={state} id={`publish-${agreement}`} />
    </form>
  );
}
