import type { CueKind } from "./find-status-cues.ts";
import type { LocalizedText, QuestionReason, ReportedStatus } from "./reply-parse.ts";
import { replyQuestions } from "./reply-questions.ts";

export type StatusDecision =
  | { kind: "status"; status: ReportedStatus; percent: number | null }
  | { kind: "question"; reason: QuestionReason; question: LocalizedText };

const STATUS_ORDER: readonly ReportedStatus[] = ["not_started", "in_progress", "done", "blocked"];

function statusForPercent(percent: number): ReportedStatus {
  if (percent === 100) return "done";
  return percent === 0 ? "not_started" : "in_progress";
}

function conflict(...statuses: ReportedStatus[]): StatusDecision {
  return {
    kind: "question",
    reason: "ambiguous_status",
    question: replyQuestions.conflictingStatuses(statuses),
  };
}

/**
 * Decides the reported status from the reply's status phrases and its one percent (0-100, or null).
 * The rules, in order (anything they leave open is asked, never guessed):
 * 1. "部分受阻" (partly blocked) with any other status or a percent: ask; alone it means blocked.
 * 2. A done word with a percent below 100 reports progress: "完成80%", "70% complete" -> in progress 80/70.
 * 3. Blocked absorbs in progress and not started: a blocked task is unfinished work that is stuck.
 * 4. A done word next to a "not done" phrase, or two statuses left over: ask which.
 * 5. No status word: a percent decides (100 done, 0 not started, else in progress); "未完成" / "not done
 *    yet" alone asks how far along; "已完成招标" (a step) alone asks whether the task is done; else ask.
 * 6. One status with a percent that contradicts it (in progress 100%, not started 30%, blocked 100%): ask.
 */
export function decideReportedStatus(kinds: ReadonlySet<CueKind>, percent: number | null): StatusDecision {
  const statuses = new Set(STATUS_ORDER.filter((status) => kinds.has(status)));
  if (kinds.has("partly_blocked")) {
    if (statuses.size > 0 || percent !== null || kinds.has("done_step")) {
      return { kind: "question", reason: "ambiguous_status", question: replyQuestions.partlyBlocked() };
    }
    statuses.add("blocked");
  }
  if (statuses.has("done") && percent !== null && percent < 100) {
    statuses.delete("done");
    statuses.add(statusForPercent(percent));
  }
  if (statuses.has("blocked")) {
    statuses.delete("in_progress");
    statuses.delete("not_started");
  }
  if (statuses.has("done") && kinds.has("not_done")) {
    return { kind: "question", reason: "ambiguous_status", question: replyQuestions.stepOrTask() };
  }
  if (statuses.size > 1) return conflict(...STATUS_ORDER.filter((status) => statuses.has(status)));

  const [status] = statuses;
  if (status === undefined) {
    if (percent !== null && !(percent === 100 && kinds.has("not_done"))) {
      return { kind: "status", status: statusForPercent(percent), percent };
    }
    if (kinds.has("not_done"))
      return { kind: "question", reason: "not_done_unclear", question: replyQuestions.notDoneUnclear() };
    if (kinds.has("done_step"))
      return { kind: "question", reason: "ambiguous_status", question: replyQuestions.stepOrTask() };
    return { kind: "question", reason: "no_status", question: replyQuestions.noStatus() };
  }
  if (status === "done") return { kind: "status", status, percent: 100 };
  if (status === "not_started")
    return percent ? conflict("not_started", "in_progress") : { kind: "status", status, percent: 0 };
  if (percent === 100) return conflict(status, "done");
  return { kind: "status", status, percent };
}
