/**
 * The list and filter reads use indexes (issue 5, "Scale"): on a moderate generated dataset (bench/scale/generator.ts:
 * 5 organisations, 50 agreements, 5,000 commitments, 25,000 milestones, 50,000 evidence links, 10,000 sources;
 * VACUUM ANALYZE'd), every statement of the reads behind the scorecard, commitment, milestone, changes and source
 * pages, the organisation's home, the find page's search and the workspace's agreement list and agreement page is
 * EXPLAINed with the parameters it was sent with, and none scans sequentially the tables the issue names
 * (milestones, commitments, evidence links, sources) nor the status updates.
 *
 * Printed, not asserted: the other tables of the tree. At this scale they are small or thin (1,000 indicators, 4,000
 * observations, 8,500 deadline changes and as many of their sources, 53,000 rows of status_update_sources of three
 * uuid/int columns), and for the few hundred rows an agreement has there the planner prefers one sequential scan to
 * hundreds of index probes (it does, for status_update_sources). At 1,000,000 milestones all of them
 * are read through their indexes: the full-scale benchmark (`npm run bench:scale`, bench/README.md "Scale") checks
 * every table.
 *
 * Not run here: the reads over every published agreement of the organisation. The find page reads them
 * AGREEMENTS_PER_BATCH at a time (lib/data/agreement-documents.ts documentBatches), and at this scale's 10 agreements
 * an organisation a batch is half of it and a tenth of every table, where sequential scans are the right plan; at the
 * full scale a batch is 0.5 % and the benchmark finds index scans only. The organisation feed
 * (listPublishedAgreements) reads the whole published tree at once, a fifth of every table here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db/client";
import { BIG_AGREEMENT, BIG_ORGANISATION, connect, FULL_SCALE, generateScale } from "../../bench/scale/generator";
import { explainReads, type ExplainedRead } from "../../bench/scale/plans";
import { createPostgresDatabase, type PostgresTestDatabase } from "../support/databases";
import { createMember } from "../support/demo";

const ASSERTED = new Set(["milestones", "commitments", "evidence_links", "sources", "status_updates"]);

describe("query plans on a generated dataset (PostgreSQL)", () => {
  let db: PostgresTestDatabase;
  let explained: ExplainedRead[];

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const client = await connect(db.url);
    try {
      await generateScale(client, {
        ...FULL_SCALE,
        organisations: 5,
        agreements: 50,
        commitments: 5_000,
        milestones: 25_000,
        evidenceLinks: 50_000,
        sourcesPerOrganisation: 2_000,
        bigCommitments: 10,
        bigMilestonesEach: 20,
      });
      const member = await createMember(db.prisma, BIG_ORGANISATION, "reviewer", "REVIEWER");
      const cited = await client.query<{ key: string }>(
        `SELECT s.key FROM evidence_links e JOIN sources s ON s.id = e.source_id
           JOIN milestones m ON m.id = e.milestone_id JOIN commitments c ON c.id = m.commitment_id
           JOIN agreements a ON a.id = c.agreement_id
          WHERE a.slug = $1 ORDER BY e.id LIMIT 1`,
        [BIG_AGREEMENT],
      );
      const restore = installDatabase(db.database);
      try {
        explained = await explainReads(client, {
          organisation: BIG_ORGANISATION,
          agreement: BIG_AGREEMENT,
          source: cited.rows[0]!.key,
          member,
          asOf: "2025-11-21",
          searches: ["gravelines", "interception patrol"],
          organisationWide: false,
        });
      } finally {
        restore();
      }
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("EXPLAINs every read", () => {
    expect(explained.length).toBeGreaterThanOrEqual(10);
    for (const read of explained) expect(read.statements.length, read.name).toBeGreaterThan(0);
  });

  it("scans none of milestones, commitments, evidence links, sources and status updates sequentially", () => {
    const found = explained.flatMap((read) =>
      read.statements.flatMap((s) =>
        s.seqScans
          .filter((scan) => ASSERTED.has(scan.relation))
          .map((scan) => `${read.name}: ${s.label}: Seq Scan on ${scan.relation}`),
      ),
    );
    for (const read of explained) {
      const scans = [
        ...new Set(read.statements.flatMap((s) => s.scans.map((x) => `${x.node} ${x.index ?? x.relation}`))),
      ];
      console.log(`${read.name}\n  ${scans.join("\n  ")}`);
    }
    expect(found).toEqual([]);
  });
});
