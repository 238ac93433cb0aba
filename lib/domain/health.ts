/**
 * The health engine (spec/health.md): health is a pure function of the records dated on or before the as-of day,
 * the agreement's settings, and nothing else. Implementation in ./health/.
 */
export { type AgreementContext, type SourceIndex, agreementContext, indexSources } from "./health/context";
export { type MilestoneState, evaluateMilestone, milestoneState, shortQuote } from "./health/milestone";
export { compareHealth, evaluateAgreement, evaluateCommitment, evaluateDataset } from "./health/aggregate";
export { agreementHealthHistory, commitmentHealthHistory, milestoneHealthHistory } from "./health/history";
