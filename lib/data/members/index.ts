/** Organisation membership: members, roles, invites (issue 3, item 2). One operation per file. */
export { acceptInvite, claimInvite, type AcceptedInvite, type InvitedUser } from "./accept-invite";
export { changeRole } from "./change-role";
export { createInvite, type CreatedInvite } from "./create-invite";
export { describeInvite, type InviteDescription } from "./describe-invite";
export { INVITE_LIFETIME_DAYS, InviteError, type InviteErrorReason, type InviteState } from "./invites";
export { listMembers, listOrganisationsForViewer, type Member, type OrganisationChoice } from "./list-members";
export { removeMember } from "./remove-member";
export { listInvites, type InviteSummary } from "./list-invites";
export { revokeInvite } from "./revoke-invite";
export { signUpWithInvite, type SignedUpWithInvite } from "./sign-up-with-invite";
