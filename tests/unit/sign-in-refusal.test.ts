/**
 * The sign-in form recognises the server's refusals by their wording (components/auth/sign-in-refusal.ts) to say
 * them in the reader's language; these tests keep it in step with the messages lib/auth/options.ts throws, and the
 * English messages with them.
 */
import { describe, expect, it } from "vitest";
import { signInRefusal } from "@/components/auth/sign-in-refusal";
import { tooManyAttemptsMessage, UNAVAILABLE_MESSAGE, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/options";
import { createTranslator } from "next-intl";
import { en } from "@/messages/en";

const t = createTranslator({ locale: "en", messages: en, namespace: "auth.form" });

describe("signInRefusal", () => {
  it("knows every message lib/auth/options.ts throws", () => {
    expect(signInRefusal(WRONG_CREDENTIALS_MESSAGE)).toEqual({ kind: "wrongCredentials" });
    expect(signInRefusal(UNAVAILABLE_MESSAGE)).toEqual({ kind: "unavailable" });
    for (const [seconds, minutes] of [
      [1, 1],
      [60, 1],
      [61, 2],
      [900, 15],
    ] as const) {
      expect(signInRefusal(tooManyAttemptsMessage(seconds))).toEqual({ kind: "tooManyAttempts", minutes });
    }
  });

  it("takes NextAuth's bare refusal and no message at all for 'unavailable'", () => {
    expect(signInRefusal("CredentialsSignin")).toEqual({ kind: "unavailable" });
    expect(signInRefusal(undefined)).toEqual({ kind: "unavailable" });
    expect(signInRefusal("")).toEqual({ kind: "unavailable" });
  });

  it("passes any other message through", () => {
    expect(signInRefusal("Something else.")).toEqual({ kind: "other", message: "Something else." });
  });

  it("says in English exactly what the server says", () => {
    expect(t("wrongCredentials")).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(t("unavailable")).toBe(UNAVAILABLE_MESSAGE);
    for (const seconds of [30, 60, 120, 900]) {
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      expect(t("tooManyAttempts", { minutes })).toBe(tooManyAttemptsMessage(seconds));
    }
  });
});
