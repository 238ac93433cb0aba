import { useTranslations } from "next-intl";
import type { CommentView } from "@/lib/data/comments";

/**
 * A date and time in UTC, e.g. "2026-11-23 17:05 UTC": the same for every reader, wherever they are, and in every
 * language (ISO 8601 reads the same in French).
 */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A record's comments, oldest first. Internal to the organisation, and says so. */
export function CommentThread({
  comments,
  headingId,
  headingLevel = 4,
}: {
  comments: readonly CommentView[];
  headingId: string;
  /** One below the record's own heading. */
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations("review.comments");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <section aria-labelledby={headingId} className="mt-3">
      <Heading id={headingId} className="text-sm font-semibold">
        {t.rich("title", { internal: (chunks) => <span className="font-normal text-muted">{chunks}</span> })}
      </Heading>
      {comments.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ol className="mt-1 grid gap-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded border border-rule bg-stone-50 p-2 text-sm">
              <p className="text-muted">
                {comment.authorName ?? t("formerMember")} ·{" "}
                <time dateTime={comment.createdAt.toISOString()}>{formatUtc(comment.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-line">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
