/** The four statuses a contact can report (the modal's 未启动 / 推进中 / 已完成 / 受阻). */
export type ReportedStatus = "not_started" | "in_progress" | "done" | "blocked";

/** A question in both languages the bot speaks; the front end picks one by the user's locale. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Why a reply could not be read as a report. */
export type QuestionReason =
  /** No status word and no percent ("好的", "收到", "thanks"). */
  | "no_status"
  /** Two statuses that exclude each other, or a sub-step's completion that may or may not be the task's. */
  | "ambiguous_status"
  /** A percent below 0 or above 100 ("-20%", "150%", "百分之一百二十"). */
  | "percent_out_of_range"
  /** Different percents in one reply ("上周50%，本周80%"). */
  | "multiple_percents"
  /** Different measures named in one reply ("（五）已完成，（六）推进中"). */
  | "multiple_measures"
  /** "Not done" and nothing that says how far along ("未完成", "not done yet"). */
  | "not_done_unclear"
  /** Blocked, but no reason given ("受阻"): the report form requires one. */
  | "missing_blocker";

/** The result of reading a contact's free-text reply: a report to store, or a question to ask back. */
export type ReplyParse =
  | {
      kind: "report";
      status: ReportedStatus;
      /** 0-100; 100 for done, 0 for not started, null when an in-progress or blocked reply gave none. */
      percent: number | null;
      /** What blocks the task, as written ("资金未到位"); null unless blocked. */
      blocker: string | null;
      /** The reply as written, trimmed. */
      text: string;
      /** The measure number the reply names ("（五）已完成" -> "5"), null when it names none. */
      measureRef: string | null;
    }
  | {
      kind: "question";
      reason: QuestionReason;
      question: LocalizedText;
      /** The measure number the reply names, so the follow-up stays on the same task. */
      measureRef: string | null;
    };

/** A stretch of the reply, by UTF-16 indices: start included, end excluded. */
export interface Span {
  start: number;
  end: number;
}

/** Blanks the spans out (same length), so later scans neither see them nor match across them. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let masked = text;
  for (const { start, end } of spans)
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
  return masked;
}
