/**
 * The invite page and actions say lib/data's InviteError messages by the error's reason (messages/<locale>/members.json):
 * in English, word for word what InviteError says.
 */
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { InviteError, type InviteErrorReason } from "@/lib/data/members/invites";
import { en } from "@/messages/en";
import { fr } from "@/messages/fr";

const reasons = [
  "unknown",
  "expired",
  "used",
  "revoked",
  "already-member",
] as const satisfies readonly InviteErrorReason[];

describe("invite error messages", () => {
  it("are InviteError's own in English", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "members.invite.reason" });
    for (const reason of reasons) expect(t(reason)).toBe(new InviteError(reason).message);
  });

  it("exist in French for every reason", () => {
    const t = createTranslator({ locale: "fr", messages: fr, namespace: "members.invite.reason" });
    for (const reason of reasons) expect(t(reason)).not.toBe(new InviteError(reason).message);
  });
});
