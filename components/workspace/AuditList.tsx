import Link from "next/link";
import type { AuditEventView, JsonValue } from "@/lib/data/history";
import { formatUtc } from "./CommentThread";

interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function show(value: JsonValue | undefined): string | null {
  if (value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

function isObject(value: JsonValue | null): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The fields whose values differ between before and after; a whole value when either side is not an object. */
export function changedFields(before: JsonValue | null, after: JsonValue | null): FieldChange[] {
  if (!isObject(before) && !isObject(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [{ field: "value", before: show(before ?? undefined), after: show(after ?? undefined) }];
  }
  const from = isObject(before) ? before : {};
  const to = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: show(from[field]), after: show(to[field]) }));
}

/**
 * Audit events as a description list per event: readable on a phone, where a wide table would scroll sideways.
 * `entityHref` links an event's entity to its own history.
 */
export function AuditList({
  events,
  entityHref,
}: {
  events: readonly AuditEventView[];
  entityHref?: (event: AuditEventView) => string;
}) {
  return (
    <ol className="mt-3 grid gap-3">
      {events.map((event) => {
        const changes = changedFields(event.before, event.after);
        return (
          <li key={event.id} className="rounded-lg border border-rule bg-white p-3 text-sm">
            <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[8rem_1fr]">
              <dt className="font-semibold">When</dt>
              <dd>
                <time dateTime={event.createdAt.toISOString()}>{formatUtc(event.createdAt)}</time>
              </dd>
              <dt className="font-semibold">Who</dt>
              <dd className="break-all">{event.actor}</dd>
              <dt className="font-semibold">Action</dt>
              <dd>
                <code>{event.action}</code>
              </dd>
              <dt className="font-semibold">Entity</dt>
              <dd className="break-all">
                {entityHref ? (
                  <Link href={entityHref(event)}>
                    {event.entity.type} {event.entity.id}
                  </Link>
                ) : (
                  `${event.entity.type} ${event.entity.id}`
                )}
              </dd>
              {event.reason ? (
                <>
                  <dt className="font-semibold">Reason</dt>
                  <dd>{event.reason}</dd>
                </>
              ) : null}
              <dt className="font-semibold">Changes</dt>
              <dd>
                {changes.length === 0 ? (
                  <span className="text-muted">No field changed.</span>
                ) : (
                  <ul className="grid gap-1">
                    {changes.map((change) => (
                      <li key={change.field} className="break-words">
                        <code>{change.field}</code>:{" "}
                        {change.before === null ? null : <del className="text-red-800">{change.before}</del>}
                        {change.before !== null && change.after !== null ? " → " : null}
                        {change.after === null ? null : (
                          <ins className="text-green-800 no-underline">{change.after}</ins>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
