import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { decideReportedStatus } from "./decide-reported-status.ts";
import { findBlocker } from "./find-blocker.ts";
import { findMeasureRefs } from "./find-measure-refs.ts";
import { findPercents } from "./find-percents.ts";
import { findStatusCues } from "./find-status-cues.ts";
import { type LocalizedText, maskSpans, type QuestionReason, type ReplyParse } from "./reply-parse.ts";
import { replyQuestions } from "./reply-questions.ts";

export type { LocalizedText, QuestionReason, ReplyParse, ReportedStatus } from "./reply-parse.ts";

const PROGRESS_KINDS = new Set(["done", "in_progress", "not_started"]);

/** A clause that reports progress ("已完成60%", "still in progress") rather than describing a blocker. */
function isProgressClause(clause: string): boolean {
  return (
    findPercents(clause).length > 0 || findStatusCues(clause).some((cue) => PROGRESS_KINDS.has(cue.kind))
  );
}

/**
 * Reads a contact's free-text progress reply, in Chinese or English, into a report, or into a question to
 * ask back when reading it would take a guess.
 *
 * Steps, on a width-folded, lower-cased copy (indices kept, so quoted parts come from the original):
 * the measure it names ("（五）", "第5项", "measure 5"; two different ones -> ask); the blocker's
 * description ("受阻：资金未到位", "blocked by ..."), set aside so its words are not read as statuses; the
 * percent ("80%", "八成", "七成半", "一半", "三分之二", "百分之六十"; several different ones, or one below 0
 * ("-20%", "负20%") or above 100 -> ask); the status phrases, negations first ("未完成" is never "完成"); then `decideReportedStatus`.
 *
 * The rule for "not done": "未完成", "还没完成", "not done yet" say only that the task is unfinished. With
 * another status ("未完成，推进中") or a percent ("还没完成，约七成半") that decides; alone it is a question
 * (`not_done_unclear`), never read as done nor guessed as in progress. "预计月底完成" (will be done) counts
 * as "not done"; "基本完成" / "almost done" count as in progress.
 */
export function parseProgressReply(reply: string): ReplyParse {
  const text = reply.trim();
  const folded = normalizeChatText(text);

  const refs = findMeasureRefs(folded);
  const numbers = [...new Set(refs.map((ref) => ref.number))];
  const measureRef = numbers.length === 1 ? String(numbers[0]) : null;
  const ask = (reason: QuestionReason, question: LocalizedText): ReplyParse => ({
    kind: "question",
    reason,
    question,
    measureRef,
  });
  if (numbers.length > 1) return ask("multiple_measures", replyQuestions.multipleMeasures(numbers));

  let rest = maskSpans(folded, refs);
  const blockerSpan = findBlocker(rest, isProgressClause);
  if (blockerSpan !== null) rest = maskSpans(rest, [blockerSpan]);
  const percentMatches = findPercents(rest);
  rest = maskSpans(rest, percentMatches);

  const percents = [...new Set(percentMatches.map((match) => match.value))];
  const outOfRange = percents.find((percent) => percent < 0 || percent > 100);
  if (outOfRange !== undefined)
    return ask("percent_out_of_range", replyQuestions.percentOutOfRange(outOfRange));
  if (percents.length > 1) return ask("multiple_percents", replyQuestions.multiplePercents(percents));

  const kinds = new Set(findStatusCues(rest).map((cue) => cue.kind));
  const decision = decideReportedStatus(kinds, percents[0] ?? null);
  if (decision.kind === "question") return ask(decision.reason, decision.question);

  const blocker = blockerSpan === null ? null : text.slice(blockerSpan.start, blockerSpan.end);
  if (decision.status === "blocked" && blocker === null)
    return ask("missing_blocker", replyQuestions.missingBlocker());
  return {
    kind: "report",
    status: decision.status,
    percent: decision.percent,
    blocker: decision.status === "blocked" ? blocker : null,
    text,
    measureRef,
  };
}
