/** The statuses a digest chart stacks, in drawing order (bottom first). */
export const CHART_STATUSES = ["DONE", "AWAITING_APPROVAL", "IN_PROGRESS", "NOT_STARTED", "BLOCKED"] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];

/** What the weekly digest's chart shows: tasks by status per section, and 8 weeks of reported / overdue tasks. */
export interface DigestChartData {
  title: string;
  /** "截至 2026-11-30" */
  subtitle: string;
  sections: Array<{ label: string; counts: Record<ChartStatus, number> }>;
  /** Oldest first: the ISO week, a short label ("11-23"), tasks reported that week, tasks overdue at its end. */
  weeks: Array<{ key: string; label: string; reported: number; overdue: number }>;
}
