/**
 * An agreement in the workspace, drafts included: health and reasons as of today beside every milestone, its
 * record (status updates, deadline changes, evidence, indicators), and for editors the forms that change each part.
 * Server component: the forms are EditorForm islands described by components/workspace/editor-fields.ts.
 */
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FlagList } from "@/components/FlagList";
import { HealthBadge } from "@/components/HealthBadge";
import { milestoneKey } from "@/components/milestone-view";
import type { ActionState } from "@/lib/actions/state";
import type { WorkspaceAgreement } from "@/lib/data/workspace";
import { agreementContext, evaluateAgreement, indexSources, milestoneState } from "@/lib/domain/health";
import type { Commitment, Indicator, Milestone, Source } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { EditorForm } from "./EditorForm";
import {
  type FieldText,
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

/** The words of the forms (editor-fields.ts) in the reader's language. */
function useFieldText(): FieldText {
  return { t: useTranslations("editor.fields"), format: useFormat() };
}

/** Source ids in a list, by their outlet and title: "BBC: Title; The Times: Title". */
function useSourceList(sourceTitle: (id: string) => string): (ids: readonly string[]) => string {
  const t = useTranslations("editor.record");
  return (ids) => ids.map(sourceTitle).join(t("separator"));
}

export function AgreementEditor({ found, asOf, actions, reviewerTools }: Props) {
  const t = useTranslations("editor.panels");
  const tr = useTranslations("editor.record");
  const format = useFormat();
  const text = useFieldText();
  const { organisation, agreement, sources, versions } = found;
  const sourceIndex = indexSources(sources);
  const health = evaluateAgreement(agreement, asOf, sourceIndex, format.locale);
  const context = agreementContext(agreement, sourceIndex, format.locale);
  const base = { org: organisation.slug, agreement: agreement.slug };
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const sourceTitle = (id: string): string => {
    const source = sourcesById.get(id);
    return source ? tr("source", { outlet: source.outlet, title: source.title }) : id;
  };

  return (
    <>
      {actions ? (
        <Panel summary={t("editAgreement")}>
          <EditorForm
            action={actions.updateAgreement}
            hidden={{ ...base, expectedVersion: versions.agreement }}
            fields={agreementFields(text, agreement)}
            submitLabel={t("saveAgreement")}
            label={t("editAgreementLabel", { title: agreement.title })}
            columns
          />
        </Panel>
      ) : null}

      {agreement.commitments.length === 0 ? (
        <p className="mt-8">{actions ? t("noCommitmentsEditor") : t("noCommitmentsReader")}</p>
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
              {t(commitment.tags.length > 0 ? "commitmentMetaTags" : "commitmentMeta", {
                responsible: format.responsible(commitment.responsible),
                owner: commitment.owner,
                weight: format.number(commitment.weight),
                tags: commitment.tags.join(", "),
              })}
            </p>
            {actions ? (
              <Panel summary={t("editCommitment")}>
                <EditorForm
                  action={actions.updateCommitment}
                  hidden={{ ...commitmentBase, expectedVersion: versions.commitments[commitment.id] ?? 1 }}
                  fields={commitmentFields(text, agreement.parties, commitment)}
                  submitLabel={t("saveCommitment")}
                  label={t("editCommitmentLabel", { title: commitment.title })}
                  columns
                />
              </Panel>
            ) : null}
            <details className="mt-2 rounded-lg border border-rule bg-white p-3">
              <summary className="cursor-pointer font-medium">{t("reviewerTools")}</summary>
              {reviewerTools(commitment.title, commitment.id)}
            </details>
            {commitment.milestones.length === 0 ? <p className="mt-3">{t("noMilestones")}</p> : null}
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
                      {t(state.statusOn ? "milestoneMetaSince" : "milestoneMeta", {
                        status: format.labels.status[state.status],
                        since: state.statusOn ? format.date(state.statusOn) : "",
                        precision: state.statusOn?.precision ?? "DAY",
                        deadline: state.deadline ? format.date(state.deadline) : t("noDeadline"),
                        owner: milestone.owner,
                      })}
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
              <Panel summary={t("addMilestone", { title: commitment.title })} open={commitment.milestones.length === 0}>
                <EditorForm
                  action={actions.createMilestone}
                  hidden={commitmentBase}
                  fields={milestoneFields(text)}
                  submitLabel={t("addMilestoneSubmit")}
                  label={t("addMilestoneLabel", { title: commitment.title })}
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
          <h2 className="text-xl font-semibold">{t("newCommitmentHeading")}</h2>
          <Panel summary={t("addCommitment")} open={agreement.commitments.length === 0}>
            <EditorForm
              action={actions.createCommitment}
              hidden={base}
              fields={commitmentFields(text, agreement.parties)}
              submitLabel={t("addCommitmentSubmit")}
              label={t("addCommitmentLabel")}
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
  const t = useTranslations("editor.record");
  const format = useFormat();
  const sourceList = useSourceList(sourceTitle);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const count = milestone.statusUpdates.length + milestone.deadlineChanges.length;
  if (count === 0) return <p className="mt-2 text-sm text-muted">{t("none")}</p>;
  return (
    <Panel summary={t("summary", { count })}>
      <ol className="mt-2 grid gap-2 text-sm">
        {[...milestone.statusUpdates].reverse().map((update, i) => (
          <li key={`u${i}`}>
            {t.rich("statusUpdate", {
              strong,
              on: format.date(update.on),
              status: format.labels.status[update.status],
              rationale: update.rationale,
            })}
            {update.sources.length > 0 ? (
              <span className="text-muted"> {t("sources", { sources: sourceList(update.sources) })}</span>
            ) : null}
          </li>
        ))}
        {[...milestone.deadlineChanges].reverse().map((change, i) => (
          <li key={`d${i}`}>
            {t.rich("deadlineChange", {
              strong,
              on: format.date(change.on),
              to: format.date(change.to),
              precision: change.to.precision,
              reason: change.reason,
            })}
            <span className="text-muted"> {t("sources", { sources: sourceList(change.sources) })}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function EvidenceRecord({ milestone, sourceTitle }: { milestone: Milestone; sourceTitle: (id: string) => string }) {
  const t = useTranslations("editor.panels");
  const format = useFormat();
  if (milestone.evidence.length === 0) return null;
  return (
    <Panel summary={t("evidence", { count: milestone.evidence.length })}>
      <ul className="mt-2 grid gap-2 text-sm">
        {milestone.evidence.map((link, i) => (
          <li key={i}>
            <EvidenceLine
              source={sourceTitle(link.source)}
              stance={format.labels.stance[link.stance]}
              quote={link.quote}
            />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function EvidenceLine({ source, stance, quote }: { source: string; stance: string; quote: string }) {
  const t = useTranslations("editor.record");
  return (
    <>
      {t.rich("evidence", {
        strong: (chunks) => <strong>{chunks}</strong>,
        q: (chunks) => <q>{chunks}</q>,
        source,
        stance,
        quote,
      })}
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
  const t = useTranslations("editor.panels");
  const format = useFormat();
  const text = useFieldText();
  const { actions, hidden, milestone, version, sources } = props;
  const versioned = { ...hidden, expectedVersion: version };
  return (
    <>
      <Panel summary={t("recordStatusUpdate")}>
        <EditorForm
          action={actions.recordStatusUpdate}
          hidden={versioned}
          fields={statusUpdateFields(text, sources, props.status)}
          submitLabel={t("recordStatusUpdateSubmit")}
          label={t("statusUpdateLabel", { title: milestone.title })}
          columns
        />
      </Panel>
      <Panel summary={t("recordDeadlineChange")}>
        <EditorForm
          action={actions.recordDeadlineChange}
          hidden={versioned}
          fields={deadlineChangeFields(text, sources)}
          submitLabel={t("recordDeadlineChangeSubmit")}
          label={t("deadlineChangeLabel", { title: milestone.title })}
          columns
        />
      </Panel>
      <Panel summary={t("evidence", { count: milestone.evidence.length })}>
        <ul className="mt-2 grid gap-3 text-sm">
          {milestone.evidence.map((link, i) => {
            const ref = props.evidence[i];
            if (ref === undefined) return null;
            const source = props.sourceTitle(link.source);
            return (
              <li key={ref.id} className="rounded border border-rule p-2">
                <EvidenceLine source={source} stance={format.labels.stance[link.stance]} quote={link.quote} />
                <Panel summary={t("editEvidence")}>
                  <EditorForm
                    action={actions.updateEvidence}
                    hidden={{ ...hidden, evidence: ref.id, expectedVersion: ref.version }}
                    fields={evidenceFields(text, sources, link)}
                    submitLabel={t("saveEvidence")}
                    label={t("editEvidenceLabel", { source })}
                  />
                  <EditorForm
                    action={actions.removeEvidence}
                    hidden={{ ...hidden, evidence: ref.id, expectedVersion: ref.version }}
                    fields={removeEvidenceFields(text)}
                    submitLabel={t("removeEvidence")}
                    label={t("removeEvidenceLabel", { source })}
                  />
                </Panel>
              </li>
            );
          })}
        </ul>
        <h4 className="mt-3 font-medium">{t("linkSource")}</h4>
        <EditorForm
          action={actions.linkEvidence}
          hidden={hidden}
          fields={evidenceFields(text, sources)}
          submitLabel={t("linkEvidence")}
          label={t("linkEvidenceLabel", { title: milestone.title })}
          columns
        />
      </Panel>
      <Panel summary={t("editMilestone")}>
        <EditorForm
          action={actions.updateMilestone}
          hidden={versioned}
          fields={milestoneFields(text, milestone)}
          submitLabel={t("saveMilestone")}
          label={t("editMilestoneLabel", { title: milestone.title })}
          columns
        />
        {props.count > 1 ? (
          <EditorForm
            action={actions.moveMilestone}
            hidden={versioned}
            fields={moveFields(text, props.position, props.count)}
            submitLabel={t("move")}
            label={t("moveLabel", { title: milestone.title })}
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
  const t = useTranslations("editor.panels");
  const text = useFieldText();
  if (commitment.indicators.length === 0 && actions === null) return null;
  return (
    <div className="mt-4">
      <h3 className="text-lg font-semibold">{t("indicatorsOf", { title: commitment.title })}</h3>
      {commitment.indicators.length === 0 ? <p className="text-sm text-muted">{t("noIndicators")}</p> : null}
      <ul className="mt-2 grid gap-3">
        {commitment.indicators.map((indicator) => (
          <li key={indicator.id} className="rounded-lg border border-rule bg-white p-3">
            <IndicatorRecord indicator={indicator} sourceTitle={sourceTitle} />
            {actions ? (
              <Panel summary={t("recordObservation")}>
                <EditorForm
                  action={actions.recordObservation}
                  hidden={{
                    ...hidden,
                    indicator: indicator.id,
                    expectedVersion: versions[milestoneKey(commitment.id, indicator.id)] ?? 1,
                  }}
                  fields={observationFields(text, sources)}
                  submitLabel={t("recordObservationSubmit")}
                  label={t("observationLabel", { title: indicator.title })}
                  columns
                />
              </Panel>
            ) : null}
          </li>
        ))}
      </ul>
      {actions ? (
        <Panel summary={t("addIndicator", { title: commitment.title })}>
          <EditorForm
            action={actions.createIndicator}
            hidden={hidden}
            fields={indicatorFields(text)}
            submitLabel={t("addIndicatorSubmit")}
            label={t("addIndicatorLabel", { title: commitment.title })}
            columns
          />
        </Panel>
      ) : null}
    </div>
  );
}

function IndicatorRecord({ indicator, sourceTitle }: { indicator: Indicator; sourceTitle: (id: string) => string }) {
  const t = useTranslations("editor.record");
  const format = useFormat();
  return (
    <>
      <h4 className="font-semibold">
        {indicator.title} <span className="font-normal text-muted">({indicator.unit})</span>
        {indicator.target === undefined ? null : (
          <span className="font-normal text-muted"> · {t("target", { target: format.number(indicator.target) })}</span>
        )}
      </h4>
      {indicator.observations.length === 0 ? (
        <p className="text-sm text-muted">{t("noObservations")}</p>
      ) : (
        <ul className="mt-1 grid gap-1 text-sm">
          {indicator.observations.map((observation, i) => (
            <li key={i}>
              {t.rich("observation", {
                strong: (chunks) => <strong>{chunks}</strong>,
                q: (chunks) => <q>{chunks}</q>,
                on: format.date(observation.on),
                value: format.number(observation.value),
                unit: indicator.unit,
                source: sourceTitle(observation.source),
                quote: observation.quote,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
