import type { AssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import type { CountedRecord, Scorecard, UnitScore } from "../../domain/assessment/scorecard-types.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import { assessmentDepsOf, mayAssess } from "../assessment/assessment-access.ts";
import { buildLedgerFile, type LedgerFile } from "../assessment/build-ledger-file.ts";
import { computeScorecard } from "../assessment/compute-scorecard.ts";
import type { WebReadDeps } from "./read-web-board.ts";

export interface WebScorecard {
  /** Exactly what `/duban assess` computes for the period (computeScorecard). */
  scorecard: Scorecard;
  timeZone: string;
  /** Today in the plan's time zone (the injected clock): the printed date and the period choices. */
  today: string;
}

/** The scorecard page (`/web/scorecard`): for those who may `/duban assess` in chat; others are refused. */
export async function readWebScorecard(
  deps: WebReadDeps,
  person: Person,
  period: AssessmentPeriod | null,
): Promise<WebScorecard | "forbidden" | "unavailable"> {
  if (!mayAssess(person)) return "forbidden";
  const assessment = assessmentDepsOf(deps);
  if (assessment === null) return "unavailable";
  const { scorecard, directory } = await computeScorecard(assessment, { period });
  return {
    scorecard,
    timeZone: directory.timezone,
    today: toPlanDate(deps.clock.now(), directory.timezone),
  };
}

/** The Excel ledger (`/web/ledger.xlsx`), as `/duban export` builds it, for those who may export in chat. */
export async function readWebLedger(
  deps: WebReadDeps,
  person: Person,
  period: AssessmentPeriod | null,
): Promise<LedgerFile | "forbidden" | "unavailable"> {
  if (!mayAssess(person)) return "forbidden";
  const assessment = assessmentDepsOf(deps);
  if (assessment === null) return "unavailable";
  return buildLedgerFile(assessment, period);
}

/** How a task did in one reporting cycle, as the assessment counts it; null: nothing was due from it. */
export type CycleOutcome = NonNullable<CountedRecord["cycle"]> | null;

export interface DepartmentRecord {
  period: AssessmentPeriod;
  cycles: Array<{ key: string; dueOn: string }>;
  /** The department's city-level tasks (those its score counts), each with its outcome in every cycle. */
  tasks: Array<{
    taskId: string;
    measureNumber: number;
    label: string;
    title: string;
    outcomes: CycleOutcome[];
  }>;
  /** The department's score as the scorecard shows it; null for those who may not see the scorecard. */
  score: Pick<UnitScore, "score" | "rank" | "tasks"> | null;
  /** How many departments were ranked. */
  ranked: number;
  today: string;
}

/**
 * A department's reporting record per cycle of the period and its score (the department page): the same
 * computeScorecard as the scorecard, so the figures agree. The record is shown to everyone who may see the
 * department; the score only to those who may see the scorecard.
 */
export async function readDepartmentRecord(
  deps: WebReadDeps,
  person: Person,
  departmentId: string,
  period: AssessmentPeriod | null,
): Promise<DepartmentRecord | null> {
  const assessment = assessmentDepsOf(deps);
  if (assessment === null) return null;
  const { scorecard, history, directory } = await computeScorecard(assessment, { period });
  const unit = scorecard.departments.find((d) => d.id === departmentId);
  const outcomes = new Map<string, CountedRecord["cycle"]>();
  for (const record of unit?.components.onTime.records ?? []) outcomes.set(record.id, record.cycle);
  const tasks = history.tasks
    .filter((task) => task.county === null && task.department.id === departmentId)
    .sort((a, b) => a.measure.number - b.measure.number)
    .map((task) => ({
      taskId: task.id,
      measureNumber: task.measure.number,
      label: task.measure.label,
      title: task.measure.title,
      outcomes: scorecard.cycles.map((cycle) => outcomes.get(`${task.id}@${cycle.key}`) ?? null),
    }));
  return {
    period: scorecard.period,
    cycles: scorecard.cycles,
    tasks,
    score:
      unit === undefined || !mayAssess(person)
        ? null
        : { score: unit.score, rank: unit.rank, tasks: unit.tasks },
    ranked: scorecard.departments.length,
    today: toPlanDate(deps.clock.now(), directory.timezone),
  };
}
