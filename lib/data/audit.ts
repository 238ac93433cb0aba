/**
 * The audit log: every write records one event in the same transaction. Append-only: this module only inserts.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";

export interface AuditInput {
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string;
}

export function actorOf(viewer: Viewer): string {
  switch (viewer.kind) {
    case "anonymous":
      return "anonymous";
    case "system":
      return viewer.actor;
    case "user":
      return viewer.email;
  }
}

export async function recordAudit(tx: Prisma.TransactionClient, viewer: Viewer, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organisationId: event.organisationId,
      actor: actorOf(viewer),
      actorUserId: viewer.kind === "user" ? viewer.userId : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      ...(event.before === undefined ? {} : { before: event.before }),
      ...(event.after === undefined ? {} : { after: event.after }),
      ...(event.reason === undefined ? {} : { reason: event.reason }),
    },
  });
}
