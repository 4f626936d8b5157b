import type { Span } from "./reply-parse.ts";

/** A blocked-cue not negated by what precedes it ("无受阻", "not blocked" are not blockers). */
const BLOCKED_WORD = [
  "(?<!没有|没|未|无|不)(?:受阻|遇阻|阻碍|卡住|停滞|搁置|暂停|停工)",
  "(?:无法|不能|难以)(?:按期|如期|按时)?(?:推进|开展|实施|完成)|(?:推进|完成)不了|推不动|进展不了",
  "(?<!not |un)\\b(?:blocked|stuck|on hold|stalled|held up)\\b",
  "\\b(?:can(?:no|')t|unable to)\\s+(?:proceed|continue|progress|move forward)\\b",
].join("|");

/** What introduces the reason after the cue: "受阻：", "受阻，原因是", "受阻于", "blocked by", "stuck on". */
const INTRODUCER =
  "\\s*[:;,\\-—]\\s*(?:原因是|原因为|原因:|因为|由于|主要是)?\\s*|\\s*(?:原因是|原因为|因为|由于|主要是|于)\\s*|\\s+(?:by|on|because of|because|due to|over)\\s+";

/** The reason runs to the end of its sentence. */
const REASON = "(.+?)(?=[。!?;\\n]|\\.(?:\\s|$)|$)";

const REASON_AFTER_CUE = new RegExp(`(?:${BLOCKED_WORD})(?:${INTRODUCER})${REASON}`, "d");
/** "因资金未到位而受阻": the reason comes first. */
const REASON_BEFORE_CUE = /(?<!原)(?:因为|由于|因)(.{1,60}?)而?(?:受阻|停滞|搁置|卡住)/d;
/** "卡在用地审批上": stuck at the step named. */
const STUCK_AT = /(?<!没有|没|未|不)卡在(.+?)(?:上|这一?步|环节)?(?=[。!?;,\n]|\.(?:\s|$)|$)/d;

const EDGE_PUNCTUATION = /^[\s,.:;!?、，。：；！？—-]+|[\s,.:;!?、，。：；！？—-]+$/g;

/**
 * The span of the blocker's description in the reply (the words after "受阻：", "blocked by", "卡在", or
 * between "因" and "受阻"), trimmed of surrounding punctuation; null when the reply gives none. The description
 * runs to the end of its sentence, but stops before the first comma-separated clause for which
 * `isProgressClause` is true ("受阻：资金未到位，已完成60%" -> "资金未到位"; "受阻，进度60%" -> none).
 */
export function findBlocker(text: string, isProgressClause: (clause: string) => boolean): Span | null {
  const match = REASON_BEFORE_CUE.exec(text) ?? STUCK_AT.exec(text) ?? REASON_AFTER_CUE.exec(text);
  const indices = match?.indices?.[1];
  if (match === null || indices === undefined) return null;
  const [groupStart, groupEnd] = indices;
  let reason = text.slice(groupStart, groupEnd);
  const clauses = reason.split(",");
  // After "受阻：" the first clause is the reason whatever it says; after a bare comma it may be progress.
  const firstChecked = /,\s*$/.test(text.slice(match.index, groupStart)) ? 0 : 1;
  const progressAt = clauses.findIndex((clause, index) => index >= firstChecked && isProgressClause(clause));
  if (progressAt !== -1) reason = clauses.slice(0, progressAt).join(",");
  const leading = reason.length - reason.replace(/^[\s,.:;!?、，。：；！？—-]+/, "").length;
  const trimmed = reason.replace(EDGE_PUNCTUATION, "");
  if (trimmed.trim().length === 0) return null;
  return { start: groupStart + leading, end: groupStart + leading + trimmed.length };
}
