/**
 * Health engine benchmark (bench/README.md, "Health engine").
 *
 *   node --import tsx bench/health.ts
 *
 * Generates a deterministic dataset (seeded PRNG) of 100,000 milestones with a realistic mix of statuses, deadlines
 * in every precision, deadline changes and evidence, then measures:
 * - milestones evaluated per second by evaluateDataset (median of 5 runs after warm-up);
 * - the time of agreementHealthHistory for one agreement of 2,000 milestones (median of 5 runs after warm-up).
 */
import { performance } from "node:perf_hooks";
import { dayNumber, isoFromDayNumber, preciseDate } from "../lib/domain/dates";
import { agreementHealthHistory, evaluateDataset, indexSources } from "../lib/domain/health";
import {
  type Agreement,
  type Commitment,
  type Dataset,
  DEFAULT_SETTINGS,
  HEALTHS,
  type Health,
  type Milestone,
  type PreciseDate,
  type Precision,
  type Source,
  type Stance,
  type StatusUpdate,
} from "../lib/domain/types";
import { prng } from "./support/prng";

const AS_OF = "2025-11-21";
const HISTORY_UNTIL = "2026-06-30";
const MILESTONES = 100_000;
const RUNS = 5;

// ---- deterministic generation ----

const random = prng(20251121);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
function pick<T>(weighted: ReadonlyArray<readonly [T, number]>): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const START = dayNumber("2024-01-01");
const date = (day: number, precision: Precision): PreciseDate => preciseDate(isoFromDayNumber(day), precision);
const recordPrecision = (): Precision =>
  pick([
    ["DAY", 80],
    ["MONTH", 15],
    ["QUARTER", 4],
    ["YEAR", 1],
  ] as const);
const deadlinePrecision = (): Precision =>
  pick([
    ["DAY", 30],
    ["MONTH", 45],
    ["QUARTER", 20],
    ["YEAR", 5],
  ] as const);

const WORDS = "France police boats maritime doctrine shallow water interception returns scheme migrants Channel".split(
  " ",
);
const quote = (): string => Array.from({ length: int(6, 30) }, () => WORDS[int(0, WORDS.length - 1)]).join(" ");

const SOURCE_COUNT = 20_000;
const sources: Source[] = Array.from({ length: SOURCE_COUNT }, (_, i) => ({
  id: `src-${String(i).padStart(5, "0")}`,
  outlet: pick([
    ["BBC", 3],
    ["The Times", 2],
    ["Le Monde", 2],
    ["Reuters", 2],
    ["Home Office", 1],
  ] as const),
  title: `Report ${i}`,
  published: date(START + int(0, 900), recordPrecision()),
  kind: "MEDIA_REPORT",
}));
const sourceIndex = indexSources(sources);

function milestone(id: string, announced: number): Milestone {
  const deadlineDay = announced + int(30, 720);
  const deadline = random() < 0.85 ? date(deadlineDay, deadlinePrecision()) : null;

  const statusUpdates: StatusUpdate[] = [];
  let day = announced;
  const updates = pick([
    [0, 20],
    [1, 30],
    [2, 25],
    [3, 15],
    [4, 10],
  ] as const);
  for (let i = 0; i < updates; i++) {
    day += int(5, 150);
    const last = i === updates - 1;
    const status = last
      ? pick([
          ["IN_PROGRESS", 50],
          ["NOT_STARTED", 10],
          ["COMPLETE", 22],
          ["PARTIAL", 10],
          ["ABANDONED", 8],
        ] as const)
      : pick([
          ["NOT_STARTED", 30],
          ["IN_PROGRESS", 70],
        ] as const);
    statusUpdates.push({ on: date(day, recordPrecision()), status, rationale: "Reported.", sources: [] });
  }

  const deadlineChanges = [];
  let on = announced;
  let to = deadlineDay;
  const changes =
    deadline === null
      ? 0
      : pick([
          [0, 70],
          [1, 20],
          [2, 10],
        ] as const);
  for (let i = 0; i < changes; i++) {
    on += int(10, 200);
    to += random() < 0.8 ? int(15, 180) : -int(5, 60);
    deadlineChanges.push({ on: date(on, "DAY"), to: date(to, deadlinePrecision()), reason: "Moved.", sources: [] });
  }

  const evidence = Array.from(
    {
      length: pick([
        [0, 15],
        [1, 35],
        [2, 25],
        [3, 15],
        [4, 10],
      ] as const),
    },
    () => ({
      source: sources[int(0, SOURCE_COUNT - 1)]!.id,
      stance: pick<Stance>([
        ["SUPPORTS", 50],
        ["NEUTRAL", 20],
        ["INDICATES_DELAY", 20],
        ["CONTRADICTS", 10],
      ]),
      quote: quote(),
    }),
  );

  return { id, title: `Milestone ${id}`, owner: "Owner", deadline, deadlineChanges, statusUpdates, evidence };
}

function agreement(slug: string, commitments: number, milestonesEach: number): Agreement {
  const announced = START + int(0, 540);
  const list: Commitment[] = Array.from({ length: commitments }, (_, c) => ({
    id: `c${c}`,
    title: `Commitment ${c}`,
    description: "",
    responsible: pick([
      ["GB", 4],
      ["FR", 4],
      ["joint", 2],
    ] as const),
    owner: "Owner",
    tags: [],
    weight: pick([
      [1, 8],
      [2, 2],
    ] as const),
    milestones: Array.from({ length: milestonesEach }, (_, m) => milestone(`m${m}`, announced)),
    indicators: [],
  }));
  return {
    slug,
    title: `Agreement ${slug}`,
    summary: "",
    parties: ["GB", "FR"],
    announced: date(
      announced,
      pick([
        ["DAY", 3],
        ["MONTH", 1],
      ] as const),
    ),
    published: true,
    settings: DEFAULT_SETTINGS,
    commitments: list,
  };
}

// 1,000 agreements × 20 commitments × 5 milestones.
const dataset: Dataset = {
  sources,
  agreements: Array.from({ length: MILESTONES / 100 }, (_, i) => agreement(`agreement-${i}`, 20, 5)),
};
const large = agreement("large", 100, 20);

// ---- measurement ----

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// What the dataset looks like as of AS_OF, to show the mix is realistic.
const doc = evaluateDataset(dataset, AS_OF);
const byHealth = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
let flags = 0;
let evaluated = 0;
for (const a of doc.agreements) {
  for (const c of a.commitments) {
    for (const m of c.milestones) {
      byHealth[m.health]++;
      flags += m.flags.length;
      evaluated++;
    }
  }
}

for (let i = 0; i < 3; i++) evaluateDataset(dataset, AS_OF); // warm-up
const datasetTimes = Array.from({ length: RUNS }, () => time(() => evaluateDataset(dataset, AS_OF)));
const ms = median(datasetTimes);

for (let i = 0; i < 3; i++) agreementHealthHistory(large, HISTORY_UNTIL, sourceIndex); // warm-up
const historyTimes = Array.from({ length: RUNS }, () =>
  time(() => agreementHealthHistory(large, HISTORY_UNTIL, sourceIndex)),
);
const entries = agreementHealthHistory(large, HISTORY_UNTIL, sourceIndex).reduce((n, r) => n + r.history.length, 0);

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
console.log(`Node ${process.version}, ${process.platform} ${process.arch}`);
console.log(`dataset: ${fmt(evaluated)} milestones, ${fmt(SOURCE_COUNT)} sources, as of ${AS_OF}`);
console.log(`  milestone health: ${HEALTHS.map((h) => `${h} ${fmt(byHealth[h])}`).join(", ")}; ${fmt(flags)} flags`);
console.log(
  `evaluateDataset: median ${ms.toFixed(1)} ms over ${RUNS} runs (${datasetTimes.map((t) => t.toFixed(0)).join(", ")}) → ${fmt((evaluated / ms) * 1000)} milestones/s`,
);
console.log(
  `agreementHealthHistory (2,000 milestones, until ${HISTORY_UNTIL}, ${fmt(entries)} entries): median ${median(historyTimes).toFixed(1)} ms (${historyTimes.map((t) => t.toFixed(1)).join(", ")})`,
);
