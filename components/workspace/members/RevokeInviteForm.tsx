"use client";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "../FormMessage";

interface Props {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  org: string;
  inviteId: string;
  /** What the button withdraws, for screen readers: "the editor invitation of 23 November". */
  description: string;
}

/** Withdraws an unused invitation, so that its link stops working. */
export function RevokeInviteForm({ action, org, inviteId, description }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="inviteId" value={inviteId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${description}`}
        className="rounded border-2 border-stone-900 px-3 py-1 text-sm font-semibold disabled:opacity-60"
      >
        Revoke
      </button>
      <FormMessage state={state} id={`revoke-${inviteId}`} />
    </form>
  );
}
