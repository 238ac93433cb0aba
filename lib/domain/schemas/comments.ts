/**
 * Inputs of the reviewers' tools: comments on commitments and milestones, and the watchlist. Both point at a record
 * the same way: the agreement's slug, the commitment's key and, for a milestone, its key within the commitment.
 */
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/interchange/schema";

export const COMMENT_MAX_CHARS = 5_000;

/** A commitment, or a milestone of it when `milestone` is given. */
export const recordTargetSchema = z.strictObject({
  agreement: z.string().regex(SLUG_PATTERN, { error: "Choose an agreement." }),
  commitment: z.string().regex(SLUG_PATTERN, { error: "Choose a commitment." }),
  milestone: z
    .string()
    .regex(SLUG_PATTERN, { error: "Choose a milestone, or none for the whole commitment." })
    .optional(),
});
export type RecordTarget = z.infer<typeof recordTargetSchema>;

export const addCommentSchema = recordTargetSchema.extend({
  body: z
    .string({ error: "Write a comment." })
    .trim()
    .min(1, { error: "Write a comment." })
    .max(COMMENT_MAX_CHARS, { error: `A comment is at most ${COMMENT_MAX_CHARS.toLocaleString("en-GB")} characters.` })
    // PostgreSQL text cannot hold U+0000: the database would refuse it with an error the user cannot act on.
    .refine((body) => !body.includes("\u0000"), {
      error: "A comment cannot contain the null character (U+0000); remove it and try again.",
    }),
});
export type AddCommentInput = z.infer<typeof addCommentSchema>;

/**
 * How comments and versions are keyed on the page: `commitment` for a commitment, `commitment/milestone` for a
 * milestone (keys never hold a slash: SLUG_PATTERN).
 */
export function recordKey(commitment: string, milestone?: string | null): string {
  return milestone ? `${commitment}/${milestone}` : commitment;
}
