/**
 * The public addresses: pages, the anchors in them, and the feeds. One module, so that the scorecard, the changes
 * page, the Atom feeds and the tests link to the same places.
 */
import { recordKey } from "@/lib/domain/schemas/comments";
import type { Agreement } from "@/lib/domain/types";

function withAsOf(path: string, asOf: string | undefined): string {
  return asOf === undefined ? path : `${path}?${new URLSearchParams({ asOf }).toString()}`;
}

/** The scorecard, as of a day when given, at an anchor (an element id) when given. */
export function scorecardPath(
  org: string,
  agreement: string,
  options: { asOf?: string; anchor?: string } = {},
): string {
  const path = withAsOf(`/${org}/${agreement}`, options.asOf);
  return options.anchor === undefined ? path : `${path}#${options.anchor}`;
}

export function changesPath(org: string, agreement: string, asOf?: string): string {
  return withAsOf(`/${org}/${agreement}/changes`, asOf);
}

export function organisationFeedPath(org: string): string {
  return `/${org}/feed.xml`;
}

export function agreementFeedPath(org: string, agreement: string): string {
  return `/${org}/${agreement}/feed.xml`;
}

export function commitmentAnchor(commitment: string): string {
  return `commitment-${commitment}`;
}

/**
 * Element ids of the agreement's milestones on its scorecard, keyed by recordKey(commitment, milestone):
 * `milestone-<id>`, unless two commitments of the agreement share a milestone id, in which case both are qualified
 * by their commitment (`milestone-<commitment>-<id>`) so that ids stay unique on the page.
 */
export function milestoneAnchors(agreement: Agreement): Map<string, string> {
  const seen = new Map<string, number>();
  for (const c of agreement.commitments) for (const m of c.milestones) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
  const ids = new Map<string, string>();
  for (const c of agreement.commitments) {
    for (const m of c.milestones) {
      const shared = (seen.get(m.id) ?? 0) > 1;
      ids.set(recordKey(c.id, m.id), shared ? `milestone-${c.id}-${m.id}` : `milestone-${m.id}`);
    }
  }
  return ids;
}
