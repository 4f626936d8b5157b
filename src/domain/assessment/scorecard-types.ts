import type { AssessmentPeriod } from "./assessment-period.ts";
import type { AssessmentRules } from "./assessment-rules-schema.ts";

export type ComponentKey = "onTime" | "completeness" | "approved" | "overdue" | "blockers" | "urges";

/** A record a score component counted, so every figure can be traced back (the scorecard "expanded"). */
export interface CountedRecord {
  /** cycle: a task's reporting cycle; report, task, blocker (a 受阻 episode, by its first report), reminder. */
  type: "cycle" | "report" | "task" | "blocker" | "reminder";
  /** The record's id (a cycle: "<taskId>@<cycle key>"). */
  id: string;
  taskId: string;
  /** One line: "（五）市人社局 2026-10 按时报送 10-20" ... */
  summary: string;
  /** What it added to the component: 1 / 0 for a rate's numerator, working days, or urges. */
  value: number;
  /** On-time records only: the cycle and how it was reported (late: after the due time; missing: not yet). */
  cycle?: { key: string; dueOn: string; outcome: "on-time" | "late" | "missing"; reportedOn: string | null };
}

/** One component of a unit's score. */
export interface ScoreComponent {
  key: ComponentKey;
  /** Rates: counted / of. Burdens: the sum (working days, urges), `of` being the unit's tasks. */
  counted: number;
  of: number;
  /** Rates: counted / of (see scorecard-formula.ts for an empty `of`). Burdens: counted / of, per task. */
  value: number;
  /** What the component adds to the score (negative for burdens). */
  points: number;
  records: CountedRecord[];
}

export interface UnitRef {
  kind: "department" | "county";
  id: string;
  name: string;
}

/** A department's or a county's score for the period. */
export interface UnitScore extends UnitRef {
  tasks: number;
  /** 0..100, one decimal. */
  score: number;
  /** 1 = best; equal scores share a rank. */
  rank: number;
  /** Blockers still open at the end of the assessed days. */
  openBlockers: number;
  components: Record<ComponentKey, ScoreComponent>;
}

export interface ListedUnit extends UnitRef {
  score: number;
  rank: number;
}

/** The assessment of a plan for a period: departments (city-level tasks) and counties (their counterparts' tasks). */
export interface Scorecard {
  planId: string;
  planTitle: string;
  period: AssessmentPeriod;
  /** The days looked at: the period, up to today when it is still running. */
  assessedFrom: string;
  assessedUntil: string;
  generatedAt: Date;
  /** The reporting cycles counted ("2026-10", "2026-11"). */
  cycles: Array<{ key: string; dueOn: string }>;
  rules: AssessmentRules;
  departments: UnitScore[];
  counties: UnitScore[];
  praise: ListedUnit[];
  lagging: ListedUnit[];
}
