import type { CommentView } from "@/lib/data/comments";

/** A date and time in UTC, e.g. "2026-11-23 17:05 UTC": the same for every reader, wherever they are. */
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
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <section aria-labelledby={headingId} className="mt-3">
      <Heading id={headingId} className="text-sm font-semibold">
        Comments <span className="font-normal text-muted">(Internal: never shown publicly)</span>
      </Heading>
      {comments.length === 0 ? (
        <p className="text-sm text-muted">No comments yet.</p>
      ) : (
        <ol className="mt-1 grid gap-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded border border-rule bg-stone-50 p-2 text-sm">
              <p className="text-muted">
                {comment.authorName ?? "A former member"} ·{" "}
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
