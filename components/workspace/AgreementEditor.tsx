/**
 * An agreement in the workspace, drafts included: health and reasons as of today beside every milestone, its
 * record (status updates, deadline changes, evidence, indicators), and for editors the forms that change each part.
 * Server component: the forms are EditorForm islands described by components/workspace/editor-fields.ts.
 */
import type { ReactNode } from "react";
import { FlagList } from "@/components/FlagList";
import { HealthBadge } from "@/components/HealthBadge";
import { formatNumber, responsibleLabel, STANCE_LABELS, STATUS_LABELS } from "@/components/labels";
import { milestoneKey } from "@/components/milestone-view";
import type { ActionState } from "@/lib/actions/state";
import type { WorkspaceAgreement } from "@/lib/data/workspace";
import { formatPreciseDate } from "@/lib/domain/dates";
import { agreementContext, evaluateAgreement, indexSources, milestoneState } from "@/lib/domain/health";
import type { Commitment, Indicator, Milestone, Source } from "@/lib/domain/types";
import { EditorForm } from "./EditorForm";
import {
  agreementFields,
  commitmentFields,
  deadlineChangeFields,
  evidenceFields,
  indicatorFields,
  milestoneFields,
  moveFields,
  observationFields,
  removeEvidenceFields,
  statusUpdateFields,
} from "./editor-fields";

export type FormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** The server actions of the agreement page, by what they do. */
export interface EditorActions {
  updateAgreement: FormAction;
  createCommitment: FormAction;
  updateCommitment: FormAction;
  createMilestone: FormAction;
  updateMilestone: FormAction;
  moveMilestone: FormAction;
  recordStatusUpdate: FormAction;
  recordDeadlineChange: FormAction;
  linkEvidence: FormAction;
  updateEvidence: FormAction;
  removeEvidence: FormAction;
  createIndicator: FormAction;
  recordObservation: FormAction;
}

interface Props {
  found: WorkspaceAgreement;
  /** Today, as an ISO day: the date health is computed for. */
  asOf: string;
  /** Null for a viewer who may not edit (a reviewer): no forms at all. */
  actions: EditorActions | null;
  /** What reviewers have beside each commitment and milestone (comments, watch, history). */
  reviewerTools: (title: string, commitment: string, milestone?: string) => ReactNode;
}

/** A collapsible panel holding one form or one part of the record. */
function Panel({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="mt-3" open={open}>
      <summary className="cursor-pointer font-medium">{summary}</summary>
      {children}
    </details>
  );
}

export function AgreementEditor({ found, asOf, actions, reviewerTools }: Props) {
  const { organisation, agreement, sources, versions } = found;
  const sourceIndex = indexSources(sources);
  const health = evaluateAgreement(agreement, asOf, sourceIndex);
  const context = agreementContext(agreement, sourceIndex);
  const base = { org: organisation.slug, agreement: agreement.slug };
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const sourceTitle = (id: string): string => {
    const source = sourcesById.get(id);
    return source ? `${source.outlet}: ${source.title}` : id;
  };

  return (
    <>
      {actions ? (
        <Panel summary="Edit the agreement: title, parties, settings">
          <EditorForm
            action={actions.updateAgreement}
            hidden={{ ...base, expectedVersion: versions.agreement }}
            fields={agreementFields(agreement)}
            submitLabel="Save agreement"
            label={`Edit agreement ${agreement.title}`}
            columns
          />
        </Panel>
      ) : null}

      {agreement.commitments.length === 0 ? (
        <p className="mt-8">No commitments yet.{actions ? " Add the first one below." : " Editors add them here."}</p>
      ) : null}

      {agreement.commitments.map((commitment) => {
        const commitmentHealth = health.commitments.find((c) => c.id === commitment.id);
        const commitmentBase = { ...base, commitment: commitment.id };
        return (
          <section key={commitment.id} id={`commitment-${commitment.id}`} className="mt-8">
            <h2 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
              {commitment.title}
              {commitmentHealth ? <HealthBadge health={commitmentHealth.health} /> : null}
            </h2>
            <p className="text-sm text-muted">
              Responsible: {responsibleLabel(commitment.responsible)} · Owner: {commitment.owner} · Weight:{" "}
              {formatNumber(commitment.weight)}
              {commitment.tags.length > 0 ? ` · Tags: ${commitment.tags.join(", ")}` : ""}
            </p>
            {actions ? (
              <Panel summary="Edit the commitment">
                <EditorForm
                  action={actions.updateCommitment}
                  hidden={{ ...commitmentBase, expectedVersion: versions.commitments[commitment.id] ?? 1 }}
                  fields={commitmentFields(agreement.parties, commitment)}
                  submitLabel="Save commitment"
                  label={`Edit commitment ${commitment.title}`}
                  columns
                />
              </Panel>
            ) : null}
            <details className="mt-2 rounded-lg border border-rule bg-white p-3">
              <summary className="cursor-pointer font-medium">Comments, watch and history of this commitment</summary>
              {reviewerTools(commitment.title, commitment.id)}
            </details>
            {commitment.milestones.length === 0 ? <p className="mt-3">No milestones yet.</p> : null}
            <ul className="mt-3 grid gap-4">
              {commitment.milestones.map((milestone, index) => {
                const key = milestoneKey(commitment.id, milestone.id);
                const milestoneHealth = commitmentHealth?.milestones.find((m) => m.id === milestone.id);
                const state = milestoneState(milestone, asOf, context);
                return (
                  <li
                    key={milestone.id}
                    id={`milestone-${commitment.id}-${milestone.id}`}
                    className="rounded-lg border border-rule bg-white p-4"
                  >
                    <h3 className="flex flex-wrap items-center gap-3 text-lg font-semibold">
                      {milestone.title}
                      {milestoneHealth ? <HealthBadge health={milestoneHealth.health} size="sm" /> : null}
                    </h3>
                    <p className="text-sm text-muted">
                      Status: {STATUS_LABELS[state.status]}
                      {state.statusOn ? ` since ${formatPreciseDate(state.statusOn)}` : ""} · Deadline:{" "}
                      {state.deadline ? formatPreciseDate(state.deadline) : "none"} · Owner: {milestone.owner}
                    </p>
                    <FlagList flags={milestoneHealth?.flags ?? []} headingId={`flags-${key.replace("/", "-")}`} />
                    <MilestoneRecord milestone={milestone} sourceTitle={sourceTitle} />
                    {actions ? (
                      <MilestoneForms
                        actions={actions}
                        hidden={{ ...commitmentBase, milestone: milestone.id }}
                        milestone={milestone}
                        position={index}
                        count={commitment.milestones.length}
                        version={versions.milestones[key] ?? 1}
                        evidence={versions.evidence[key] ?? []}
                        status={state.status}
                        sources={sources}
                        sourceTitle={sourceTitle}
                      />
                    ) : (
                      <EvidenceRecord milestone={milestone} sourceTitle={sourceTitle} />
                    )}
                    {reviewerTools(milestone.title, commitment.id, milestone.id)}
                  </li>
                );
              })}
            </ul>
            {actions ? (
              <Panel summary={`Add a milestone to ${commitment.title}`} open={commitment.milestones.length === 0}>
                <EditorForm
                  action={actions.createMilestone}
                  hidden={commitmentBase}
                  fields={milestoneFields()}
                  submitLabel="Add milestone"
                  label={`New milestone of ${commitment.title}`}
                  columns
                />
              </Panel>
            ) : null}
            <Indicators
              commitment={commitment}
              actions={actions}
              hidden={commitmentBase}
              versions={versions.indicators}
              sources={sources}
              sourceTitle={sourceTitle}
            />
          </section>
        );
      })}

      {actions ? (
        <section className="mt-10">
          <h2 className="text-xl font-semibold">New commitment</h2>
          <Panel summary="Add a commitment" open={agreement.commitments.length === 0}>
            <EditorForm
              action={actions.createCommitment}
              hidden={base}
              fields={commitmentFields(agreement.parties)}
              submitLabel="Add commitment"
              label="New commitment"
              columns
            />
          </Panel>
        </section>
      ) : null}
    </>
  );
}

/** The status updates and deadline changes of a milestone, newest first. */
function MilestoneRecord({ milestone, sourceTitle }: { milestone: Milestone; sourceTitle: (id: string) => string }) {
  const count = milestone.statusUpdates.length + milestone.deadlineChanges.length;
  if (count === 0) return <p className="mt-2 text-sm text-muted">No status update or deadline change yet.</p>;
  return (
    <Panel summary={`Status updates and deadline changes (${count})`}>
      <ol className="mt-2 grid gap-2 text-sm">
        {[...milestone.statusUpdates].reverse().map((update, i) => (
          <li key={`u${i}`}>
            <strong>{formatPreciseDate(update.on)}</strong>: {STATUS_LABELS[update.status]}. {update.rationale}
            {update.sources.length > 0 ? (
              <span className="text-muted"> Sources: {update.sources.map(sourceTitle).join("; ")}.</span>
            ) : null}
          </li>
        ))}
        {[...milestone.deadlineChanges].reverse().map((change, i) => (
          <li key={`d${i}`}>
            <strong>{formatPreciseDate(change.on)}</strong>: deadline moved to {formatPreciseDate(change.to)}.{" "}
            {change.reason}
            <span className="text-muted"> Sources: {change.sources.map(sourceTitle).join("; ")}.</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function EvidenceRecord({ milestone, sourceTitle }: { milestone: Milestone; sourceTitle: (id: string) => string }) {
  if (milestone.evidence.length === 0) return null;
  return (
    <Panel summary={`Evidence (${milestone.evidence.length})`}>
      <ul className="mt-2 grid gap-2 text-sm">
        {milestone.evidence.map((link, i) => (
          <li key={i}>
            <EvidenceLine source={sourceTitle(link.source)} stance={STANCE_LABELS[link.stance]} quote={link.quote} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function EvidenceLine({ source, stance, quote }: { source: string; stance: string; quote: string }) {
  return (
    <>
      <strong>{source}</strong> ({stance}): <q>{quote}</q>
    </>
  );
}

interface MilestoneFormsProps {
  actions: EditorActions;
  hidden: Record<string, string>;
  milestone: Milestone;
  position: number;
  count: number;
  version: number;
  evidence: ReadonlyArray<{ id: string; version: number }>;
  status: Milestone["statusUpdates"][number]["status"];
  sources: readonly Source[];
  sourceTitle: (id: string) => string;
}

/** An editor's forms on a milestone: history appended, evidence linked, the milestone itself edited or moved. */
function MilestoneForms(props: MilestoneFormsProps) {
  const { actions, hidden, milestone, version, sources } = props;
  const versioned = { ...hidden, expectedVersion: version };
  return (
    <>
      <Panel summary="Record a status update">
        <EditorForm
          action={actions.recordStatusUpdate}
          hidden={versioned}
          fields={statusUpdateFields(sources, props.status)}
          submitLabel="Record status update"
          label={`Status update of ${milestone.title}`}
          columns
        />
      </Panel>
      <Panel summary="Record a deadline change">
        <EditorForm
          action={actions.recordDeadlineChange}
          hidden={versioned}
          fields={deadlineChangeFields(sources)}
          submitLabel="Record deadline change"
          label={`Deadline change of ${milestone.title}`}
          columns
        />
      </Panel>
      <Panel summary={`Evidence (${milestone.evidence.length})`}>
        <ul className="mt-2 grid gap-3 text-sm">
          {milestone.evidence.map((link, i) => {
            const ref = props.evidence[i];
            if (ref === undefined) return null;
            const source = props.sourceTitle(link.source);
            return (
              <li key={ref.id} className="rounded border border-rule p-2">
                <EvidenceLine source={source} stance={STANCE_LABELS[link.stance]} quote={link.quote} />
                <Panel summary="Edit or remove this evidence">
                  <EditorForm
                    action={actions.updateEvidence}
                    hidden={{ ...hidden, evidence: ref.id, expectedVersion: ref.version }}
                    fields={evidenceFields(sources, link)}
                    submitLabel="Save evidence"
                    label={`Edit evidence from ${source}`}
                  />
                  <EditorForm
                    action={actions.removeEvidence}
                    hidden={{ ...hidden, evidence: ref.id, expectedVersion: ref.version }}
                    fields={removeEvidenceFields()}
                    submitLabel="Remove evidence"
                    label={`Remove evidence from ${source}`}
                  />
                </Panel>
              </li>
            );
          })}
        </ul>
        <h4 className="mt-3 font-medium">Link a source</h4>
        <EditorForm
          action={actions.linkEvidence}
          hidden={hidden}
          fields={evidenceFields(sources)}
          submitLabel="Link evidence"
          label={`New evidence for ${milestone.title}`}
          columns
        />
      </Panel>
      <Panel summary="Edit or move the milestone">
        <EditorForm
          action={actions.updateMilestone}
          hidden={versioned}
          fields={milestoneFields(milestone)}
          submitLabel="Save milestone"
          label={`Edit milestone ${milestone.title}`}
          columns
        />
        {props.count > 1 ? (
          <EditorForm
            action={actions.moveMilestone}
            hidden={versioned}
            fields={moveFields(props.position, props.count)}
            submitLabel="Move"
            label={`Move milestone ${milestone.title}`}
          />
        ) : null}
      </Panel>
    </>
  );
}

interface IndicatorsProps {
  commitment: Commitment;
  actions: EditorActions | null;
  hidden: Record<string, string>;
  versions: Record<string, number>;
  sources: readonly Source[];
  sourceTitle: (id: string) => string;
}

/** A commitment's indicators with their observations; for editors, a form to record one and to add an indicator. */
function Indicators({ commitment, actions, hidden, versions, sources, sourceTitle }: IndicatorsProps) {
  if (commitment.indicators.length === 0 && actions === null) return null;
  return (
    <div className="mt-4">
      <h3 className="text-lg font-semibold">Indicators of {commitment.title}</h3>
      {commitment.indicators.length === 0 ? <p className="text-sm text-muted">No indicators yet.</p> : null}
      <ul className="mt-2 grid gap-3">
        {commitment.indicators.map((indicator) => (
          <li key={indicator.id} className="rounded-lg border border-rule bg-white p-3">
            <IndicatorRecord indicator={indicator} sourceTitle={sourceTitle} />
            {actions ? (
              <Panel summary="Record an observation">
                <EditorForm
                  action={actions.recordObservation}
                  hidden={{
                    ...hidden,
                    indicator: indicator.id,
                    expectedVersion: versions[milestoneKey(commitment.id, indicator.id)] ?? 1,
                  }}
                  fields={observationFields(sources)}
                  submitLabel="Record observation"
                  label={`Observation of ${indicator.title}`}
                  columns
                />
              </Panel>
            ) : null}
          </li>
        ))}
      </ul>
      {actions ? (
        <Panel summary={`Add an indicator to ${commitment.title}`}>
          <EditorForm
            action={actions.createIndicator}
            hidden={hidden}
            fields={indicatorFields()}
            submitLabel="Add indicator"
            label={`New indicator of ${commitment.title}`}
            columns
          />
        </Panel>
      ) : null}
    </div>
  );
}

function IndicatorRecord({ indicator, sourceTitle }: { indicator: Indicator; sourceTitle: (id: string) => string }) {
  return (
    <>
      <h4 className="font-semibold">
        {indicator.title} <span className="font-normal text-muted">({indicator.unit})</span>
        {indicator.target === undefined ? null : (
          <span className="font-normal text-muted"> · target {formatNumber(indicator.target)}</span>
        )}
      </h4>
      {indicator.observations.length === 0 ? (
        <p className="text-sm text-muted">No observations yet.</p>
      ) : (
        <ul className="mt-1 grid gap-1 text-sm">
          {indicator.observations.map((observation, i) => (
            <li key={i}>
              <strong>{formatPreciseDate(observation.on)}</strong>: {formatNumber(observation.value)} {indicator.unit} (
              {sourceTitle(observation.source)}: <q>{observation.quote}</q>)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
