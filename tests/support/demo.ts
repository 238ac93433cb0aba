/**
 * The demo dataset as integration tests load it, a draft copy beside it (so that a draft leaking into a public read
 * would show), the two engines every integration test runs on, and a member of an organisation to read as.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Role, Viewer } from "@/lib/auth/viewer";
import type { PrismaClient } from "@/lib/db/client";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Agreement, Dataset } from "@/lib/domain/types";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "./databases";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");

/** The slug and title of the draft copy. */
export const DRAFT = "draft-copy";

export const ENGINES: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

/** data/demo.accordwatch.json, parsed (a new copy on every call). */
export function demoDataset(): Dataset {
  const parsed = parseInterchangeText(demoText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

/**
 * The demo's agreement and a draft copy of it. With `laterRecord`, every milestone of the draft also has a status
 * update of its own (ABANDONED on 2025-12-05), so that its changes differ from the published agreement's.
 */
export function demoWithDraft(options: { laterRecord?: boolean } = {}): Dataset {
  const dataset = demoDataset();
  const [published] = dataset.agreements;
  if (published === undefined) throw new Error("the demo has no agreement");
  const draft: Agreement = {
    ...published,
    slug: DRAFT,
    title: "A draft copy",
    published: false,
    commitments: options.laterRecord
      ? published.commitments.map((c) => ({
          ...c,
          milestones: c.milestones.map((m) => ({
            ...m,
            statusUpdates: [
              ...m.statusUpdates,
              {
                on: { date: "2025-12-05", precision: "DAY" },
                status: "ABANDONED",
                rationale: "Draft only.",
                sources: [],
              },
            ],
          })),
        }))
      : published.commitments,
  };
  return { ...dataset, agreements: [published, draft] };
}

/** A new user made a member of `orgSlug` with `role`, and the viewer they are when signed in. */
export async function createMember(
  prisma: PrismaClient,
  orgSlug: string,
  name: string,
  role: Role,
): Promise<Viewer & { kind: "user" }> {
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: orgSlug } });
  const user = await prisma.user.create({ data: { email: `${name}-${randomUUID()}@example.org`, name } });
  await prisma.membership.create({ data: { organisationId: organisation.id, userId: user.id, role } });
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships: [
      { organisationId: organisation.id, organisation: orgSlug, organisationName: organisation.name, role },
    ],
  };
}
