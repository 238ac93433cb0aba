/**
 * Run by e2e/xss.spec.ts (`node --import tsx`, with ACCORDWATCH_DATA set to the spec's own embedded database):
 * applies the migrations and writes the organisation `xss` through lib/data, every text in it a payload of
 * tests/support/xss-corpus.ts: the imported agreement (every field of agreements, commitments, milestones, evidence,
 * sources and indicators), the organisation's name, its members' names, a reviewer's comment, a webhook endpoint's
 * address, an open invitation, and the notifications of a watched milestone. Prints the accounts (passwords
 * included) and the invitation's path as one line of JSON.
 */
import { randomBytes } from "node:crypto";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { closeDb, prepareDatabase } from "@/lib/db/client";
import { addComment } from "@/lib/data/comments";
import { evaluateHealth } from "@/lib/data/health-evaluation";
import { importDataset } from "@/lib/data/import-dataset";
import { createInvite } from "@/lib/data/members";
import { createUser, getViewerForUser } from "@/lib/data/users";
import { watch } from "@/lib/data/watchlist";
import { createWebhookEndpoint } from "@/lib/data/webhooks";
import { formatIssues, parseInterchangeText } from "@/lib/domain/interchange";
import {
  XSS_AGREEMENT,
  XSS_COMMENT,
  XSS_COMMITMENT,
  XSS_MILESTONES,
  XSS_ORG,
  XSS_ORGANISATION_NAME,
  XSS_PEOPLE,
  XSS_WEBHOOK_URL,
  xssDocument,
} from "@/tests/support/xss-corpus";

const actor = "e2e:xss";
await prepareDatabase();
const parsed = parseInterchangeText(JSON.stringify(xssDocument()));
if (!parsed.ok) throw new Error(formatIssues(parsed.errors));
await importDataset(systemViewer(actor), XSS_ORG, parsed.dataset, { organisationName: XSS_ORGANISATION_NAME });

const accounts = [];
const viewers = new Map<string, Viewer>();
for (const person of XSS_PEOPLE) {
  const password = randomBytes(18).toString("base64url");
  const created = await createUser(systemViewer(actor), {
    email: person.email,
    name: person.name,
    password,
    memberships: [{ organisation: XSS_ORG, role: person.role }],
  });
  const viewer = await getViewerForUser(created.id, 0);
  if (viewer === null) throw new Error(`no viewer for ${person.email}`);
  viewers.set(person.role, viewer);
  accounts.push({ ...person, password });
}
const admin = viewers.get("ADMIN")!;
const reviewer = viewers.get("REVIEWER")!;

const milestone = { agreement: XSS_AGREEMENT, commitment: XSS_COMMITMENT, milestone: XSS_MILESTONES[0] };
await addComment(reviewer, XSS_ORG, { ...milestone, body: XSS_COMMENT });
await addComment(reviewer, XSS_ORG, { agreement: XSS_AGREEMENT, commitment: XSS_COMMITMENT, body: XSS_COMMENT });
await createWebhookEndpoint(admin, XSS_ORG, { url: XSS_WEBHOOK_URL, includeDrafts: false });
const invite = await createInvite(admin, XSS_ORG, { role: "REVIEWER" });

// The first evaluation is a baseline that notifies nobody; the reviewer watches the milestone, and the evaluation to
// today notifies them (and delivers to the webhook) of what happened since.
await evaluateHealth(systemViewer(actor), XSS_ORG, "2025-09-01");
await watch(reviewer, XSS_ORG, milestone);
await watch(reviewer, XSS_ORG, { agreement: XSS_AGREEMENT, commitment: XSS_COMMITMENT });
await evaluateHealth(systemViewer(actor), XSS_ORG, todayUtc());

await closeDb();
process.stdout.write(`${JSON.stringify({ accounts, invitePath: invite.path })}\n`);
