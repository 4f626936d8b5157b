import { maskSpans, type Span } from "./reply-parse.ts";

/**
 * What a phrase says about the task. Beyond the four statuses: `partly_blocked` ("部分受阻"), `not_done`
 * ("未完成", "预计月底完成", "not done yet": says only that the task is not finished), `done_step` ("已完成
 * 招标": something was finished, perhaps not the task) and `neutral` ("暂无进展", "no blockers": masked so
 * no word inside it counts).
 */
export type CueKind =
  | "done"
  | "in_progress"
  | "not_started"
  | "blocked"
  | "partly_blocked"
  | "not_done"
  | "done_step"
  | "neutral";

export interface StatusCue extends Span {
  kind: CueKind;
}

const NOT = "(?:还没有|还没|没有|没|尚未|并未|仍未|还未|暂未|未能|未|不)";
const FUTURE =
  "(?<![已按])(?:预计|计划|争取|力争|将于|将在|拟于|拟|有望|确保|准备|待)[^,。;!?\\n已正]{0,12}?";
const FINISH = "(?:完成|办结|完工|竣工|做完)";
const START = "(?:启动|开始|开展|动工|开工|实施)";

/** Most specific first: each phrase is masked once matched, so "未完成" is never also read as "完成". */
const CUE_PATTERNS: ReadonlyArray<readonly [CueKind, RegExp]> = [
  [
    "blocked",
    /(?:无法|不能|难以)(?:按期|如期|按时)?(?:推进|开展|实施|完成)|(?:推进|完成)不了|推不动|进展不了/g,
  ],
  ["partly_blocked", /(?:部分|个别|有些|局部)(?:环节|工作|项目)?受阻/g],
  [
    "in_progress",
    /(?:基本|接近|即将|快要|大部分|大部|部分|初步)(?:已经?)?(?:完成|完工|办结)|完成了?(?:大部分|一部分|部分)/g,
  ],
  ["not_done", new RegExp(`${NOT}(?:全部|完全)?${FINISH}|${FUTURE}${FINISH}`, "g")],
  ["not_started", new RegExp(`${NOT}(?:正式)?${START}|${FUTURE}${START}`, "g")],
  [
    "neutral",
    /(?:没有|没|无|暂无)(?:任何|明显)?(?:进展|推进)|(?:没有|没|未|无|暂无|不)(?:遇到)?(?:受阻|阻碍|困难|问题)/g,
  ],
  ["blocked", /受阻|遇阻|阻碍|卡住|卡在|停滞|搁置|暂停|停工/g],
  [
    "in_progress",
    /推进中|进行中|实施中|办理中|开展中|建设中|施工中|正在|在推进|推进|进展顺利|有进展|已经?(?:启动|开始|开工|动工|实施)|(?:启动|开工)了/g,
  ],
  [
    "done_step",
    /(?:阶段|前期|首期|[一二三\d]期|第.{1,3}步)(?:工作|任务)?(?:已经?|均已|全部)?(?:完成|完工|竣工|办结)/g,
  ],
  ["done", /(?:已经|已)?(?:全部|全面|按期|如期|按时)?(?:完成|办结|完工|竣工|完毕|搞定|做完)/g],
  [
    "blocked",
    /\b(?:can(?:no|')t|could(?:n't| not)|unable to)\s+(?:proceed|continue|progress|move forward|finish|complete)\b/g,
  ],
  ["partly_blocked", /\b(?:partly|partially|somewhat)\s+blocked\b/g],
  [
    "in_progress",
    /\b(?:almost|nearly|mostly|partly|partially|largely)\s+(?:done|complete|completed|finished)\b/g,
  ],
  [
    "not_started",
    /\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|begun)\b|\b(?:haven't|hasn't|have not|has not|didn't|did not)\s+(?:yet\s+)?(?:start|started|begin|begun)\b|\byet to (?:start|begin)\b/g,
  ],
  [
    "not_done",
    /\bnot\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+)?(?:done|complete|completed|finished)\b|\b(?:isn't|wasn't|aren't|haven't|hasn't|didn't)\s+(?:yet\s+)?(?:been\s+)?(?:done|complete|completed|finish|finished)\b|\bincomplete\b|\bunfinished\b|\b(?:will|should|shall|expect(?:ed)? to|plan(?:ned)? to|going to|to be)\s+(?:be\s+)?(?:done|complete|completed|finish|finished)\b/g,
  ],
  ["neutral", /\bno (?:progress|blockers?|obstacles?|issues?)\b|\bnot blocked\b|\bunblocked\b/g],
  ["blocked", /\b(?:blocked|stuck|on hold|stalled|held up)\b/g],
  [
    "in_progress",
    /\bin progress\b|\bon-?going\b|\bunder ?way\b|\bon track\b|\bworking on\b|\bprogressing\b|\bstarted\b|\bbegun\b|\bproceeding\b/g,
  ],
  ["done", /\b(?:done|complete|completed|finished|finalized)\b/g],
];

/** What may follow 完成 when the task itself is done: 了, 的, 率, 度, 情况, 任务, 工作, or 全部/所有/各项. */
const WHOLE_TASK_FOLLOWER = /^(?:[的率度啦啊呀]|情况|了(?!\p{Script=Han})|了?(?:全部|所有|各项|任务|工作))/u;

/** "已完成招标" names a step; "已完成" and "已完成全部任务" do not. */
function doneKind(text: string, end: number): CueKind {
  const rest = text.slice(end);
  if (WHOLE_TASK_FOLLOWER.test(rest)) return "done";
  const afterLe = rest.startsWith("了") ? rest.slice(1) : rest;
  return /^\p{Script=Han}/u.test(afterLe) ? "done_step" : "done";
}

/** Finds the status phrases of a width-folded, lower-cased reply whose blocker text is already masked. */
export function findStatusCues(text: string): StatusCue[] {
  const cues: StatusCue[] = [];
  let rest = text;
  for (const [kind, pattern] of CUE_PATTERNS) {
    const found: StatusCue[] = [];
    for (const match of rest.matchAll(pattern)) {
      const end = match.index + match[0].length;
      const isChineseDone = kind === "done" && /\p{Script=Han}/u.test(match[0]);
      found.push({ start: match.index, end, kind: isChineseDone ? doneKind(rest, end) : kind });
    }
    cues.push(...found);
    rest = maskSpans(rest, found);
  }
  return cues;
}
