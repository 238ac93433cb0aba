/**
 * The authorization matrix (issue 3, "Tests"), kept as data: for every operation of the data layer, which principals
 * may run it on their own organisation's records and on another organisation's, and how a valid input is built; for
 * every server action and route handler, the data-layer operation(s) it delegates to.
 *
 * tests/integration/authorization.test.ts enumerates the operations (the exported functions of the modules in
 * SURFACE_MODULES) and the entry points (exported functions of every "use server" file under app/ and the HTTP
 * methods of every app/**\/route.ts) from the code: one missing here fails it, and so does an entry here for
 * something that no longer exists.
 *
 * Scopes: "own" runs the operation in the organisation `own` on its records, where `reviewer`, `editor` and `admin`
 * are members; "other" runs it in the organisation `other` on its records, where only `otherEditor` is a member (an
 * editor). `removed` was a member of `own` whose membership has been deleted. `system` is the command line.
 *
 * A denial must be, unless `deny` says otherwise: NotFoundError for a principal who is not a member of the
 * organisation (existence is not revealed: a 404), ForbiddenError for a member whose role is too low and for the
 * system viewer, and ForbiddenError for operations that name no organisation ("global").
 */
import { randomUUID } from "node:crypto";
import { parseInterchangeText } from "@/lib/domain/interchange";

export const PRINCIPALS = ["anonymous", "reviewer", "editor", "admin", "otherEditor", "removed", "system"] as const;
export type Principal = (typeof PRINCIPALS)[number];

export type Scope = "own" | "other";
export type Denial = "ForbiddenError" | "NotFoundError";

/** The organisation each member principal belongs to. */
export const MEMBER_OF: Partial<Record<Principal, Scope>> = {
  reviewer: "own",
  editor: "own",
  admin: "own",
  otherEditor: "other",
};

/** What the test gives an input builder: the keys of the scope's records, and fresh records where a call uses one up. */
export interface MatrixContext {
  /** "cross": acting in `own` while naming the records of `other` (helpers make their records in `other`). */
  readonly scope: Scope | "global" | "cross";
  /** The organisation's slug. */
  readonly org: string;
  readonly agreement: string;
  /** A commitment of `agreement` with the milestones `milestone` and `secondMilestone`. */
  readonly commitment: string;
  readonly milestone: string;
  readonly secondMilestone: string;
  /** The commitment holding `indicator`. */
  readonly indicatorCommitment: string;
  readonly indicator: string;
  /** A source of the organisation. */
  readonly source: string;
  /** A new name on every call. */
  unique(prefix: string): string;
  /** The current version of the record named above. */
  version(record: "agreement" | "commitment" | "milestone" | "source"): Promise<number>;
  /** A new evidence link on `secondMilestone` (made by the command line). */
  evidence(): Promise<{ id: string; version: number }>;
  /** A new member (reviewer) of the organisation: their user id. */
  member(): Promise<string>;
  /** A new unused invite of the organisation: its id. */
  invite(): Promise<string>;
  /** An accordwatch/v1 document with one agreement of a new slug. */
  importText(): string;
  /** A new webhook endpoint of the organisation: its id. */
  webhook(): Promise<string>;
}

export interface Deny {
  readonly nonMember?: Denial;
  readonly member?: Denial;
  readonly system?: Denial;
}

interface Common {
  /** Why the expectations are what they are, when not obvious; known deviations from the issue are said here. */
  readonly note?: string;
  readonly deny?: Deny;
  /** The arguments after the viewer. */
  readonly args: (ctx: MatrixContext) => Promise<unknown[]> | unknown[];
}

/** Runs in an organisation: once in `own` and once in `other`. */
export interface OrganisationOperation extends Common {
  readonly scope: "organisation";
  readonly allow: { readonly own: readonly Principal[]; readonly other: readonly Principal[] };
}

/** Names no organisation (the viewer's own account, the public list): run once. */
export interface GlobalOperation extends Common {
  readonly scope: "global";
  readonly allow: readonly Principal[];
}

export type Operation = (OrganisationOperation | GlobalOperation) & { readonly label?: string };

/** A function of a surface module that is no viewer-taking operation, with the reason. */
export interface Exempt {
  readonly exempt: string;
}

export type MatrixEntry = Operation | readonly Operation[] | Exempt;

// ---- Who may ----

const ALL: readonly Principal[] = PRINCIPALS;
const USERS: readonly Principal[] = ["reviewer", "editor", "admin", "otherEditor", "removed"];
const PUBLIC = { own: ALL, other: ALL } as const;
const READERS = { own: ["reviewer", "editor", "admin", "system"], other: ["otherEditor", "system"] } as const;
const WRITERS = { own: ["editor", "admin", "system"], other: ["otherEditor", "system"] } as const;
const ADMINS = { own: ["admin", "system"], other: ["system"] } as const;
/** The scheduled work (lib/jobs), as the system viewer: no member. */
const JOBS = { own: ["system"], other: ["system"] } as const;
/** Personal to a signed-in member: the command line has no watchlist. */
const MEMBERS = { own: ["reviewer", "editor", "admin"], other: ["otherEditor"] } as const;

const org = (
  allow: OrganisationOperation["allow"],
  args: Common["args"],
  more: Partial<Common> & { readonly label?: string } = {},
): Operation => ({
  scope: "organisation",
  allow,
  args,
  ...more,
});

const target = (ctx: MatrixContext) => ({
  agreement: ctx.agreement,
  commitment: ctx.commitment,
  milestone: ctx.milestone,
});

// ---- The data layer ----

/** The modules whose exported functions are the data layer's surface, by the name used in entries ("module.fn"). */
export const SURFACE_MODULES = [
  "commands",
  "members",
  "comments",
  "watchlist",
  "history",
  "workspace",
  "briefing",
  "load-dataset",
  "health-document",
  "import-dataset",
  "users",
  "public",
  "notifications",
  "webhooks",
  "health-evaluation",
  "deliveries",
] as const;
export type SurfaceModule = (typeof SURFACE_MODULES)[number];

/**
 * Every other file under lib/data, with why its exports are not enumerated. A new file must be added here or to
 * SURFACE_MODULES (the test lists lib/data).
 */
export const INTERNAL_DATA_FILES: Record<string, string> = {
  "lib/data/agreement-documents.ts":
    "reads agreements as domain objects for the enumerated reads, which check the viewer first",
  "lib/data/agreement-tree.ts": "reads agreement trees for the enumerated reads, which check the viewer first",
  "lib/data/audit.ts": "writes audit events inside callers' transactions; takes no request",
  "lib/data/audit-entities.ts": "names audit events' records for history.ts's reads, which check the viewer first",
  "lib/data/errors.ts": "error classes",
  "lib/data/mappers.ts": "row ↔ domain mapping",
  "lib/data/organisations.ts": "lookup helper used by load-dataset and users, which are enumerated",
  "lib/data/reader.ts": "chooses the database of a read from the viewer the enumerated reads were given",
  "lib/data/public-answers.ts":
    "keeps the anonymous viewer's reads of the enumerated public reads for a second, after they checked the viewer",
  "lib/data/rate-limit.ts": "sign-in limits, before any viewer exists (covered by users.verifyCredentials' tests)",
  "lib/data/commands/*": "each command file is re-exported by lib/data/commands/index.ts (enumerated)",
  "lib/data/members/*": "each member operation is re-exported by lib/data/members/index.ts (enumerated)",
};

export const OPERATIONS: Record<string, MatrixEntry> = {
  // -- commands (lib/data/commands): editors and admins of the organisation --
  "commands.createAgreement": org(WRITERS, (ctx) => [
    ctx.org,
    {
      slug: ctx.unique("agreement"),
      title: "A new agreement",
      summary: "What was agreed.",
      parties: ["GB", "FR"],
      announced: "2025-12",
    },
  ]),
  "commands.updateAgreement": org(WRITERS, async (ctx) => [
    ctx.org,
    {
      agreement: ctx.agreement,
      expectedVersion: await ctx.version("agreement"),
      title: "Retitled",
      summary: "Summary",
      parties: ["GB", "FR"],
      announced: "2025-07",
      settings: { staleAfterDays: 30, warnBeforeDays: 7 },
    },
  ]),
  "commands.setAgreementPublished": org(WRITERS, async (ctx) => [
    ctx.org,
    { agreement: ctx.agreement, expectedVersion: await ctx.version("agreement"), published: true },
  ]),
  "commands.createCommitment": org(WRITERS, (ctx) => [
    ctx.org,
    { agreement: ctx.agreement, id: ctx.unique("commitment"), title: "Something", responsible: "GB", owner: "HO" },
  ]),
  "commands.updateCommitment": org(WRITERS, async (ctx) => [
    ctx.org,
    {
      agreement: ctx.agreement,
      commitment: ctx.commitment,
      expectedVersion: await ctx.version("commitment"),
      title: "Retitled",
      description: "",
      responsible: "FR",
      owner: "Gendarmerie",
      tags: [],
      weight: 2,
    },
  ]),
  "commands.createMilestone": org(WRITERS, (ctx) => [
    ctx.org,
    {
      agreement: ctx.agreement,
      commitment: ctx.commitment,
      id: ctx.unique("milestone"),
      title: "Something",
      owner: "Gendarmerie",
    },
  ]),
  "commands.updateMilestone": org(WRITERS, async (ctx) => [
    ctx.org,
    { ...target(ctx), expectedVersion: await ctx.version("milestone"), title: "Retitled", owner: "G", deadline: null },
  ]),
  "commands.moveMilestone": org(WRITERS, async (ctx) => [
    ctx.org,
    { ...target(ctx), expectedVersion: await ctx.version("milestone"), position: 1 },
  ]),
  "commands.recordStatusUpdate": org(WRITERS, (ctx) => [
    ctx.org,
    {
      ...target(ctx),
      milestone: ctx.secondMilestone,
      on: "2025-12-01",
      status: "IN_PROGRESS",
      rationale: "Started.",
      sources: [ctx.source],
    },
  ]),
  "commands.recordDeadlineChange": org(WRITERS, (ctx) => [
    ctx.org,
    {
      ...target(ctx),
      milestone: ctx.secondMilestone,
      on: "2025-12",
      to: "2026-Q1",
      reason: "Postponed.",
      sources: [ctx.source],
    },
  ]),
  "commands.createSource": org(WRITERS, (ctx) => [
    ctx.org,
    { id: ctx.unique("source"), outlet: "BBC", title: "[A report]", published: "2025-12-02", kind: "MEDIA_REPORT" },
  ]),
  "commands.updateSource": org(WRITERS, async (ctx) => [
    ctx.org,
    {
      source: ctx.source,
      expectedVersion: await ctx.version("source"),
      outlet: "The Times",
      title: "[Retitled]",
      published: "2025-11",
      kind: "MEDIA_REPORT",
    },
  ]),
  "commands.linkEvidence": org(WRITERS, (ctx) => [
    ctx.org,
    { ...target(ctx), milestone: ctx.secondMilestone, source: ctx.source, stance: "SUPPORTS", quote: "A quote." },
  ]),
  "commands.updateEvidence": org(WRITERS, async (ctx) => {
    const evidence = await ctx.evidence();
    return [
      ctx.org,
      {
        ...target(ctx),
        milestone: ctx.secondMilestone,
        evidence: evidence.id,
        expectedVersion: evidence.version,
        stance: "NEUTRAL",
        quote: "Q.",
      },
    ];
  }),
  "commands.removeEvidence": org(WRITERS, async (ctx) => {
    const evidence = await ctx.evidence();
    return [
      ctx.org,
      {
        ...target(ctx),
        milestone: ctx.secondMilestone,
        evidence: evidence.id,
        expectedVersion: evidence.version,
        reason: "Linked in error.",
      },
    ];
  }),
  "commands.createIndicator": org(WRITERS, (ctx) => [
    ctx.org,
    {
      agreement: ctx.agreement,
      commitment: ctx.indicatorCommitment,
      id: ctx.unique("indicator"),
      title: "Crossings",
      unit: "people",
    },
  ]),
  "commands.recordObservation": org(WRITERS, (ctx) => [
    ctx.org,
    {
      agreement: ctx.agreement,
      commitment: ctx.indicatorCommitment,
      indicator: ctx.indicator,
      on: "2025-12",
      value: 200,
      source: ctx.source,
      quote: "200 people.",
    },
  ]),

  // -- members (lib/data/members): admins manage; any member lists --
  "members.listMembers": org(READERS, (ctx) => [ctx.org]),
  "members.listInvites": org(ADMINS, (ctx) => [ctx.org]),
  "members.createInvite": org(ADMINS, (ctx) => [ctx.org, { role: "REVIEWER" }]),
  "members.revokeInvite": org(ADMINS, async (ctx) => [ctx.org, await ctx.invite()]),
  "members.changeRole": org(ADMINS, async (ctx) => [ctx.org, await ctx.member(), "EDITOR", "REVIEWER"]),
  "members.removeMember": org(ADMINS, async (ctx) => [ctx.org, await ctx.member()]),
  "members.listOrganisationsForViewer": {
    scope: "global",
    allow: ALL,
    note: "each viewer's own memberships; anonymous gets an empty list",
    args: () => [],
  },
  "members.acceptInvite": { exempt: "takes no viewer: the link is the capability (tests/integration/members.test.ts)" },
  "members.claimInvite": { exempt: "acceptInvite's work inside a caller's transaction; takes no viewer" },
  "members.signUpWithInvite": { exempt: "takes no viewer: creates the account through the link (members.test.ts)" },
  "members.describeInvite": { exempt: "takes no viewer: what the invite page shows to whoever holds the link" },

  // -- comments, watchlist, history, workspace reads: members of the organisation --
  "comments.addComment": org(READERS, (ctx) => [ctx.org, { ...target(ctx), body: "A comment." }]),
  "comments.listComments": org(READERS, (ctx) => [ctx.org, ctx.agreement]),
  "comments.resolveRecordTarget": { exempt: "helper taking a transaction and an organisation id already authorized" },
  "watchlist.watch": org(MEMBERS, (ctx) => [ctx.org, target(ctx)], {
    deny: { system: "ForbiddenError" },
    note: "only a signed-in member has a watchlist",
  }),
  "watchlist.unwatch": org(MEMBERS, (ctx) => [ctx.org, target(ctx)], { deny: { system: "ForbiddenError" } }),
  "watchlist.listWatchlist": org(READERS, (ctx) => [ctx.org], { note: "the command line's list is empty" }),
  "history.listAuditEvents": org(READERS, (ctx) => [ctx.org, { limit: 5 }]),
  "history.changedSince": org(READERS, (ctx) => [ctx.org, "2025-01-01"]),
  "history.listRecordEntities": org(READERS, (ctx) => [ctx.org, ctx.agreement]),
  "workspace.listAgreements": org(READERS, (ctx) => [ctx.org]),
  "workspace.getAgreement": org(READERS, (ctx) => [ctx.org, ctx.agreement]),
  "workspace.listSources": org(READERS, (ctx) => [ctx.org]),
  "workspace.readAgreementTreesInBatches": org(READERS, (ctx) => [ctx.org]),
  "briefing.getAgreementBriefing": org(READERS, (ctx) => [ctx.org, ctx.agreement, "2025-10-31"]),
  "briefing.getWatchlistBriefing": org(READERS, (ctx) => [ctx.org, "2025-10-31"], {
    note: "the command line's watchlist is empty, and so is its briefing",
  }),
  "workspace.getWorkspaceOrganisationOrThrow": {
    exempt: "the helper every workspace operation above authorizes through; takes a database client first",
  },

  // -- export and import --
  "load-dataset.loadDataset": [
    org(WRITERS, (ctx) => [ctx.org], { label: "export" }),
    org(PUBLIC, (ctx) => [ctx.org, { publicOnly: true }], { label: "publicOnly" }),
  ],
  "health-document.getHealthDocument": [
    org(WRITERS, (ctx) => [ctx.org, { asOf: "2025-11-21" }], {
      label: "whole organisation",
      note: "drafts included, as `npm run health` prints them: those who may export",
    }),
    org(PUBLIC, (ctx) => [ctx.org, { asOf: "2025-11-21", agreement: ctx.agreement, publicOnly: true }], {
      label: "publicOnly",
      note: "the open-data API's /health: a published agreement, to anyone",
    }),
  ],
  "import-dataset.importDocument": org(WRITERS, (ctx) => [ctx.org, ctx.importText()]),
  "import-dataset.importDataset": org(WRITERS, (ctx) => [ctx.org, datasetOf(ctx.importText())]),
  "import-dataset.checkImportDocument": org(WRITERS, (ctx) => [ctx.org, ctx.importText()], {
    note: "writes nothing, but tells which agreements and sources the organisation has: importers only",
  }),

  // -- people --
  "users.createUser": {
    scope: "global",
    allow: ["system"],
    note: "accounts outside an invite are for the command line only",
    args: (ctx) => [{ email: `${ctx.unique("user")}@example.org`, name: "New", password: "correct horse battery" }],
  },
  "users.signOutEverywhere": { scope: "global", allow: USERS, args: () => [] },
  "users.normaliseEmail": { exempt: "pure string function" },
  "users.prepareNewUser": { exempt: "validates and hashes; writes nothing, takes no viewer" },
  "users.insertUser": { exempt: "inside a caller's transaction; the caller authorizes (createUser, claimInvite)" },
  "users.verifyCredentials": { exempt: "sign-in itself, before any viewer exists (tests/integration/users.test.ts)" },
  "users.recordSignIn": { exempt: "records a sign-in as it happens, before any viewer exists (users.test.ts)" },
  "users.getSessionUser": { exempt: "how a session starts, before any viewer exists" },
  "users.getViewerForUser": { exempt: "how a viewer comes to exist; used here to build the removed member" },

  // -- notifications (lib/data/notifications): each member's own --
  "notifications.listNotifications": org(READERS, (ctx) => [ctx.org], { note: "the command line's list is empty" }),
  "notifications.countUnreadNotifications": org(READERS, (ctx) => [ctx.org]),
  "notifications.markNotificationsRead": org(MEMBERS, (ctx) => [ctx.org, { all: true }], {
    deny: { system: "ForbiddenError" },
    note: "only a signed-in member has notifications",
  }),
  "notifications.getEmailLanguage": { scope: "global", allow: USERS, args: () => [] },
  "notifications.setEmailLanguage": { scope: "global", allow: USERS, args: () => [{ locale: "fr" }] },
  "notifications.toTransitionView": { exempt: "row → view mapping, shared with lib/data/deliveries.ts" },

  // -- webhooks (lib/data/webhooks): admins of the organisation --
  "webhooks.listWebhookEndpoints": org(ADMINS, (ctx) => [ctx.org]),
  "webhooks.listWebhookDeliveries": org(ADMINS, (ctx) => [ctx.org]),
  "webhooks.createWebhookEndpoint": org(ADMINS, (ctx) => [ctx.org, { url: "https://hooks.example.org/accordwatch" }]),
  "webhooks.deleteWebhookEndpoint": org(ADMINS, async (ctx) => [ctx.org, await ctx.webhook()]),

  // -- the scheduled work (lib/jobs): the system viewer only --
  "health-evaluation.listOrganisationsToEvaluate": { scope: "global", allow: ["system"], args: () => [] },
  "health-evaluation.evaluateHealth": org(JOBS, (ctx) => [ctx.org, "2025-10-01"]),
  "deliveries.getWebhookRequest": org(JOBS, (ctx) => [ctx.org, randomUUID()], {
    note: "an unknown delivery is null: a job whose endpoint was removed since does nothing",
  }),
  "deliveries.recordWebhookAttempt": org(JOBS, (ctx) => [
    ctx.org,
    randomUUID(),
    { status: 200, error: null, last: false },
  ]),
  "deliveries.getPendingNotificationEmail": org(JOBS, (ctx) => [ctx.org, randomUUID()]),
  "deliveries.recordNotificationEmail": org(JOBS, (ctx) => [ctx.org, randomUUID(), [randomUUID()], "SENT"]),
  "deliveries.listUnsentWork": { scope: "global", allow: ["system"], args: () => [] },

  // -- the public scorecard: everyone, published records only --
  "public.listPublishedAgreementsByOrganisation": { scope: "global", allow: ALL, args: () => [] },
  "public.getPublishedOrganisation": org(PUBLIC, (ctx) => [ctx.org]),
  "public.getPublishedAgreement": org(PUBLIC, (ctx) => [ctx.org, ctx.agreement]),
  "public.getPublishedScorecard": org(PUBLIC, (ctx) => [ctx.org, ctx.agreement]),
  "public.getPublishedAgreementHealth": org(PUBLIC, (ctx) => [ctx.org, ctx.agreement]),
  "public.readPublishedInBatches": org(PUBLIC, (ctx) => [ctx.org]),
  "public.searchPublishedMilestones": org(PUBLIC, (ctx) => [ctx.org, "doctrine", "2025-12-01"]),
  "public.findPublishedMilestones": org(PUBLIC, (ctx) => [
    ctx.org,
    {
      filters: { q: "doctrine", party: null, health: [], owner: null, tag: null, overdue: false },
      asOf: "2025-12-01",
      page: 1,
      locale: "en",
    },
  ]),
  "public.getPublishedSource": org(PUBLIC, (ctx) => [ctx.org, ctx.source]),
};

/** importDataset takes the validated dataset of a document. */
function datasetOf(text: string): unknown {
  const parsed = parseInterchangeText(text);
  if (!parsed.ok) throw new Error(`invalid test document: ${JSON.stringify(parsed.errors)}`);
  return parsed.dataset;
}

// ---- Server actions and route handlers ----

export type EntryPoint =
  /** Operation keys of OPERATIONS (tested ones) that the entry point calls with the session's viewer. */
  | { readonly delegates: readonly string[] }
  /** Operation keys of OPERATIONS, exempt ones, whose capability is an invite link rather than a viewer. */
  | { readonly viaInviteToken: readonly string[] }
  | { readonly publicByDesign: string }
  /** Answers without reading any record (a CORS preflight, the OpenAPI document), with the reason. */
  | { readonly noData: string };

/** Every exported function of a "use server" file and every HTTP method of a route handler: "file#export". */
export const ENTRY_POINTS: Record<string, EntryPoint> = {
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#recordStatusUpdateAction": {
    delegates: ["commands.recordStatusUpdate"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#setPublishedAction": {
    delegates: ["commands.setAgreementPublished"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#addCommentAction": { delegates: ["comments.addComment"] },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#setWatchingAction": {
    delegates: ["watchlist.watch", "watchlist.unwatch"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#updateAgreementAction": {
    delegates: ["commands.updateAgreement"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#createCommitmentAction": {
    delegates: ["commands.createCommitment"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#updateCommitmentAction": {
    delegates: ["commands.updateCommitment"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#createMilestoneAction": {
    delegates: ["commands.createMilestone"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#updateMilestoneAction": {
    delegates: ["commands.updateMilestone"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#moveMilestoneAction": {
    delegates: ["commands.moveMilestone"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#recordDeadlineChangeAction": {
    delegates: ["commands.recordDeadlineChange"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#linkEvidenceAction": { delegates: ["commands.linkEvidence"] },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#updateEvidenceAction": {
    delegates: ["commands.updateEvidence"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#removeEvidenceAction": {
    delegates: ["commands.removeEvidence"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#createIndicatorAction": {
    delegates: ["commands.createIndicator"],
  },
  "app/[locale]/(personal)/w/[org]/[agreement]/actions.ts#recordObservationAction": {
    delegates: ["commands.recordObservation"],
  },
  "app/[locale]/(personal)/w/[org]/actions.ts#createAgreementAction": { delegates: ["commands.createAgreement"] },
  "app/[locale]/(personal)/w/[org]/actions.ts#createSourceAction": { delegates: ["commands.createSource"] },
  "app/[locale]/(personal)/w/[org]/actions.ts#updateSourceAction": { delegates: ["commands.updateSource"] },
  "app/[locale]/(personal)/w/[org]/members/actions.ts#createInviteAction": { delegates: ["members.createInvite"] },
  "app/[locale]/(personal)/w/[org]/members/actions.ts#revokeInviteAction": { delegates: ["members.revokeInvite"] },
  "app/[locale]/(personal)/w/[org]/members/actions.ts#changeRoleAction": { delegates: ["members.changeRole"] },
  "app/[locale]/(personal)/w/[org]/members/actions.ts#removeMemberAction": { delegates: ["members.removeMember"] },
  "app/[locale]/(personal)/w/[org]/notifications/actions.ts#markNotificationsReadAction": {
    delegates: ["notifications.markNotificationsRead"],
  },
  "app/[locale]/(personal)/w/[org]/notifications/actions.ts#setEmailLanguageAction": {
    delegates: ["notifications.setEmailLanguage"],
  },
  "app/[locale]/(personal)/w/[org]/webhooks/actions.ts#createWebhookAction": {
    delegates: ["webhooks.createWebhookEndpoint"],
  },
  "app/[locale]/(personal)/w/[org]/webhooks/actions.ts#deleteWebhookAction": {
    delegates: ["webhooks.deleteWebhookEndpoint"],
  },
  "app/[locale]/(personal)/w/[org]/data/actions.ts#importDocumentAction": {
    delegates: ["import-dataset.importDocument", "import-dataset.checkImportDocument"],
  },
  "app/[locale]/(personal)/w/[org]/export/route.ts#GET": { delegates: ["load-dataset.loadDataset"] },
  "app/[locale]/(personal)/w/[org]/[agreement]/briefing.md/route.ts#GET": {
    delegates: ["briefing.getAgreementBriefing"],
  },
  "app/[locale]/(personal)/w/[org]/watchlist/briefing.md/route.ts#GET": {
    delegates: ["briefing.getWatchlistBriefing"],
  },
  "app/[locale]/(personal)/invite/[token]/actions.ts#acceptInviteAction": { viaInviteToken: ["members.acceptInvite"] },
  "app/[locale]/(personal)/invite/[token]/actions.ts#signUpWithInviteAction": {
    viaInviteToken: ["members.signUpWithInvite"],
  },
  "app/[locale]/(personal)/account/actions.ts#signOutEverywhereAction": { delegates: ["users.signOutEverywhere"] },
  "app/[locale]/(public)/[org]/feed.xml/route.ts#GET": { delegates: ["public.readPublishedInBatches"] },
  "app/[locale]/(public)/[org]/[agreement]/feed.xml/route.ts#GET": { delegates: ["public.getPublishedAgreement"] },
  "app/[locale]/(public)/[org]/[agreement]/og-image.png/route.tsx#GET": {
    delegates: ["public.getPublishedAgreementHealth"],
  },
  "app/api/auth/[...nextauth]/route.ts#GET": { publicByDesign: "auth: NextAuth's sign-in endpoints" },
  // The open-data API (lib/http): published data, read with the anonymous viewer.
  "app/api/v1/[org]/agreements/route.ts#GET": { delegates: ["public.getPublishedOrganisation"] },
  "app/api/v1/[org]/agreements/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/v1/[org]/agreements/[agreement]/route.ts#GET": { delegates: ["public.getPublishedAgreement"] },
  "app/api/v1/[org]/agreements/[agreement]/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/v1/[org]/agreements/[agreement]/health/route.ts#GET": { delegates: ["health-document.getHealthDocument"] },
  "app/api/v1/[org]/agreements/[agreement]/health/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/v1/[org]/agreements/[agreement]/milestones.csv/route.ts#GET": {
    delegates: ["public.getPublishedAgreement"],
  },
  "app/api/v1/[org]/agreements/[agreement]/milestones.csv/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/v1/[org]/export/route.ts#GET": { delegates: ["load-dataset.loadDataset"] },
  "app/api/v1/[org]/export/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/v1/openapi.json/route.ts#GET": { noData: "the OpenAPI document: generated from the code" },
  "app/api/v1/openapi.json/route.ts#OPTIONS": { noData: "CORS preflight" },
  "app/api/auth/[...nextauth]/route.ts#POST": { publicByDesign: "auth: NextAuth's sign-in endpoints" },
  // The probes (README, "Operations").
  "app/healthz/route.ts#GET": { noData: "liveness: answers without touching the database" },
  "app/readyz/route.ts#GET": { noData: "readiness: a `SELECT 1` through lib/db/ping.ts, no record read" },
};
