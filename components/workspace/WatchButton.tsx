"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "./FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  agreement: string;
  commitment: string;
  milestone?: string;
  /** Whether the viewer watches the record now. */
  watching: boolean;
  /** The record's title, so that the button names what it watches. */
  label: string;
}

/** Adds the record to the viewer's watchlist, or takes it off. */
export function WatchButton(props: Props) {
  const t = useTranslations("review.watch");
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={props.org} />
      <input type="hidden" name="agreement" value={props.agreement} />
      <input type="hidden" name="commitment" value={props.commitment} />
      <input type="hidden" name="milestone" value={props.milestone ?? ""} />
      <input type="hidden" name="watching" value={props.watching ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(props.watching ? "unwatchLabel" : "watchLabel", { title: props.label })}
        className="rounded border border-stone-500 px-2 py-1 text-sm font-semibold disabled:opacity-60"
      >
        {props.watching ? t("unwatch") : t("watch")}
      </button>
      <FormMessage state={state} id={`${id}-message`} />
    </form>
  );
}
