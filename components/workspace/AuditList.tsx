import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { AuditEntity, RecordPlace } from "@/lib/data/audit-entities";
import type { AuditEventView, JsonValue } from "@/lib/data/history";
import { formatUtc } from "./CommentThread";

/** Where a record is in the organisation's workspace: the agreement page, at the record's own section. */
export function recordHref(org: string, place: RecordPlace): string {
  const base = `/w/${encodeURIComponent(org)}`;
  switch (place.kind) {
    case "organisation":
      return base;
    case "members":
      return `${base}/members`;
    case "agreement":
      return `${base}/${encodeURIComponent(place.agreement)}`;
    case "commitment":
      return `${base}/${encodeURIComponent(place.agreement)}#commitment-${place.commitment}`;
    case "milestone":
      return `${base}/${encodeURIComponent(place.agreement)}#milestone-${place.commitment}-${place.milestone}`;
  }
}

/**
 * The values that name an entity type in the "review" messages: the type as recorded (`watchlist-entry`) and as an
 * ICU select key (`watchlist_entry`: a key has no hyphen), by which a language may put the type in its own words.
 */
export function entityTypeValues(type: string): { type: string; key: string } {
  return { type, key: type.replace(/[^A-Za-z0-9_]/g, "_") };
}

/**
 * A record by its title, linked to where it is in the workspace; one deleted since by its type and id (all the log
 * still knows of it).
 */
export function EntityName({ org, entity }: { org: string; entity: AuditEntity }) {
  const t = useTranslations("review");
  const type = t("entityType", entityTypeValues(entity.type));
  if (entity.title === null) {
    return (
      <span>
        {t.rich("audit.deletedRecord", {
          type,
          id: entity.id,
          code: (chunks) => <code className="break-all">{chunks}</code>,
        })}
      </span>
    );
  }
  return (
    <span>
      {entity.place === null ? entity.title : <Link href={recordHref(org, entity.place)}>{entity.title}</Link>}{" "}
      <span className="text-muted">({type})</span>
    </span>
  );
}

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
 * Each event's record is named by its title and linked to the workspace; `historyHref` adds a link to the record's
 * own history.
 */
export function AuditList({
  org,
  events,
  historyHref,
}: {
  org: string;
  events: readonly AuditEventView[];
  historyHref?: (event: AuditEventView) => string;
}) {
  const t = useTranslations("review.audit");
  return (
    <ol className="mt-3 grid gap-3">
      {events.map((event) => {
        const changes = changedFields(event.before, event.after);
        return (
          <li key={event.id} className="rounded-lg border border-rule bg-white p-3 text-sm">
            <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[8rem_1fr]">
              <dt className="font-semibold">{t("when")}</dt>
              <dd>
                <time dateTime={event.createdAt.toISOString()}>{formatUtc(event.createdAt)}</time>
              </dd>
              <dt className="font-semibold">{t("who")}</dt>
              <dd className="break-all">{event.actor}</dd>
              <dt className="font-semibold">{t("action")}</dt>
              <dd>
                <code>{event.action}</code>
              </dd>
              <dt className="font-semibold">{t("record")}</dt>
              <dd className="break-words">
                <EntityName org={org} entity={event.entity} />
                {historyHref ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      href={historyHref(event)}
                      aria-label={
                        event.entity.title === null
                          ? t("historyOfDeleted", entityTypeValues(event.entity.type))
                          : t("historyOf", { title: event.entity.title })
                      }
                    >
                      {t("itsHistory")}
                    </Link>
                  </>
                ) : null}
              </dd>
              {event.reason ? (
                <>
                  <dt className="font-semibold">{t("reason")}</dt>
                  <dd>{event.reason}</dd>
                </>
              ) : null}
              <dt className="font-semibold">{t("changes")}</dt>
              <dd>
                {changes.length === 0 ? (
                  <span className="text-muted">{t("noFieldChanged")}</span>
                ) : (
                  <ul className="grid gap-1">
                    {changes.map((change) => (
                      <li key={change.field} className="break-words">
                        {t.rich("field", { field: change.field, code: (chunks) => <code>{chunks}</code> })}{" "}
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
