/**
 * An organisation's webhook endpoints, managed by its admins on /w/{org}/webhooks: an address and a secret (shown
 * once, when the endpoint is made) that signs every delivery (lib/jobs/webhook.ts). The deliveries themselves are
 * made by the daily evaluation and sent by the scheduled work (lib/data/deliveries.ts).
 */
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { parseInput } from "@/lib/domain/schemas/parse";
import {
  createWebhookEndpointSchema,
  webhookEndpointIdSchema,
  type CreateWebhookEndpointInput,
} from "@/lib/domain/schemas/webhooks";
import type { Locale } from "@/lib/domain/locale";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { getWorkspaceOrganisationOrThrow } from "./workspace";

export const RECENT_DELIVERIES = 50;

export interface WebhookEndpointView {
  readonly id: string;
  readonly url: string;
  readonly includeDrafts: boolean;
  readonly createdAt: Date;
  /** The admin who made it; null when made otherwise, or their account is gone. */
  readonly createdBy: string | null;
  readonly counts: { readonly PENDING: number; readonly DELIVERED: number; readonly FAILED: number };
}

export interface WebhookDeliveryView {
  readonly id: string;
  readonly endpointUrl: string;
  readonly state: "PENDING" | "DELIVERED" | "FAILED";
  readonly attempts: number;
  readonly lastAttemptAt: Date | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
  /** The transition's title in each language. */
  readonly titles: Readonly<Record<Locale, string>>;
}

export interface CreatedWebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly includeDrafts: boolean;
  /** Shown once: the page cannot show it again (it is kept to sign, never displayed). */
  readonly secret: string;
}

/** A new secret: 32 random bytes, prefixed so that it is recognisable in a configuration file (and by redact.ts). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The organisation's webhook endpoints, oldest first, with their deliveries counted by state. Admins only. */
export async function listWebhookEndpoints(viewer: Viewer, orgSlug: string): Promise<WebhookEndpointView[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:manage-webhooks");
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { organisationId: organisation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, url: true, includeDrafts: true, createdAt: true, createdBy: { select: { email: true } } },
    }),
    db.webhookDelivery.groupBy({
      by: ["endpointId", "state"],
      where: { organisationId: organisation.id },
      _count: { _all: true },
    }),
  ]);
  return endpoints.map((endpoint) => {
    const of = (state: "PENDING" | "DELIVERED" | "FAILED") =>
      counts.find((c) => c.endpointId === endpoint.id && c.state === state)?._count._all ?? 0;
    return {
      id: endpoint.id,
      url: endpoint.url,
      includeDrafts: endpoint.includeDrafts,
      createdAt: endpoint.createdAt,
      createdBy: endpoint.createdBy?.email ?? null,
      counts: { PENDING: of("PENDING"), DELIVERED: of("DELIVERED"), FAILED: of("FAILED") },
    };
  });
}

/** The organisation's latest deliveries (at most RECENT_DELIVERIES), newest first. Admins only. */
export async function listWebhookDeliveries(viewer: Viewer, orgSlug: string): Promise<WebhookDeliveryView[]> {
  const db = await getDb();
  const organisation = await getWorkspaceOrganisationOrThrow(db, viewer, orgSlug, "organisation:manage-webhooks");
  const rows = await db.webhookDelivery.findMany({
    where: { organisationId: organisation.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_DELIVERIES,
    select: {
      id: true,
      state: true,
      attempts: true,
      lastAttemptAt: true,
      lastStatus: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
      endpoint: { select: { url: true } },
      transition: { select: { texts: true } },
    },
  });
  return rows.map((row) => {
    const texts = row.transition.texts as Record<Locale, { title: string }>;
    return {
      id: row.id,
      endpointUrl: row.endpoint.url,
      state: row.state,
      attempts: row.attempts,
      lastAttemptAt: row.lastAttemptAt,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      deliveredAt: row.deliveredAt,
      createdAt: row.createdAt,
      titles: { en: texts.en.title, fr: texts.fr.title },
    };
  });
}

/**
 * A new endpoint: every later transition (of published agreements, and of drafts when `includeDrafts`) is POSTed to
 * `url`, signed with the secret returned here, once. Admins only.
 */
export async function createWebhookEndpoint(
  viewer: Viewer,
  orgSlug: string,
  input: CreateWebhookEndpointInput,
): Promise<CreatedWebhookEndpoint> {
  const parsed = parseInput(createWebhookEndpointSchema, input);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { url, includeDrafts } = parsed.data;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-webhooks");
    const secret = newSecret();
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        organisationId: organisation.id,
        url,
        secret,
        includeDrafts,
        createdById: viewer.kind === "user" ? viewer.userId : null,
      },
      select: { id: true },
    });
    // Never the secret: the audit log is read by every member.
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "webhook.create",
      entityType: "webhook-endpoint",
      entityId: endpoint.id,
      after: { url, includeDrafts },
    });
    return { id: endpoint.id, url, includeDrafts, secret };
  });
}

/** Removes an endpoint; its pending deliveries are not sent. Admins only. */
export async function deleteWebhookEndpoint(viewer: Viewer, orgSlug: string, endpointId: string): Promise<void> {
  const parsed = parseInput(webhookEndpointIdSchema, { endpointId });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organisation = await getWorkspaceOrganisationOrThrow(tx, viewer, orgSlug, "organisation:manage-webhooks");
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: parsed.data.endpointId, organisationId: organisation.id },
      select: { id: true, url: true, includeDrafts: true },
    });
    if (endpoint === null) throw new NotFoundError("There is no such webhook in this organisation.");
    await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id, organisationId: organisation.id } });
    await recordAudit(tx, viewer, {
      organisationId: organisation.id,
      action: "webhook.delete",
      entityType: "webhook-endpoint",
      entityId: endpoint.id,
      before: { url: endpoint.url, includeDrafts: endpoint.includeDrafts },
    });
  });
}
