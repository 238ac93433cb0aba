/**
 * Inputs of the webhooks page and of the notifications page. Shared by the forms, the actions and lib/data, which
 * parses again so that no caller can skip the schema.
 */
import { z } from "zod";

export const WEBHOOK_URL_MAX_CHARS = 2_000;

export const createWebhookEndpointSchema = z.strictObject({
  url: z
    .string({ error: "Give the address to send to, starting with https:// or http://." })
    .trim()
    .max(WEBHOOK_URL_MAX_CHARS, { error: "An address is at most 2000 characters." })
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: "Give the address to send to, starting with https:// or http://.",
      }),
    )
    // A password in the address would be shown on the page and kept in the clear: the secret is what authenticates.
    .refine((url) => new URL(url).username === "" && new URL(url).password === "", {
      error: "Leave the user name and password out of the address: deliveries are signed with the secret.",
    }),
  /** Also the transitions of draft agreements, which only members may otherwise see. */
  includeDrafts: z.boolean().default(false),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

export const webhookEndpointIdSchema = z.strictObject({
  endpointId: z.uuid({ error: "Choose a webhook of the organisation." }),
});

export const markNotificationsReadSchema = z.union([
  z.strictObject({
    ids: z
      .array(z.uuid({ error: "Choose a notification." }))
      .min(1, { error: "Choose a notification." })
      .max(500),
  }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;

export const emailLanguageSchema = z.strictObject({
  locale: z.enum(["en", "fr"], { error: "Choose English or French." }),
});
