import type { Localized } from "../supervision/locale.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { parseUserMention } from "./parse-user-mention.ts";
import type { MentionNames, UserMention } from "./user-mention.ts";

/** A day as written in a command: "2026-10-08", "10-08", "10/8", "10月8日"; the year is filled in later. */
export interface DayRef {
  year: number | null;
  month: number;
  day: number;
}

export type ScheduleCommand =
  /** Put this cycle's reminders off to the next working day (a supervisor may name someone). */
  | { kind: "snooze"; user: UserMention | null }
  /** Record an absence from `from` to `to` with a deputy (代理人); supervisors may name the one away. */
  | { kind: "absence"; from: DayRef; to: DayRef; deputy: UserMention; absentee: UserMention | null }
  /** Post the weekly digest now (supervisors). */
  | { kind: "digest" };

type Parsed = { ok: true; command: ScheduleCommand } | { ok: false; problem: Localized };

const DAY = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/;
export const ABSENCE_USAGE = "/duban absence <开始日期> <结束日期> <@代理人> [@请假人]";

/** Reads "2026-10-08", "10-08", "10/8", "10月8日"; null when the word is no day. */
export function parseDayRef(word: string): DayRef | null {
  const match = DAY.exec(normalizeChatText(word).trim());
  if (match === null) return null;
  const [month, day] = [Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year: match[1] === undefined ? null : Number(match[1]), month, day };
}

const problem = (zh: string, en: string): Parsed => ({ ok: false, problem: { zh, en } });

function parseSnooze(args: readonly string[], names: MentionNames): Parsed {
  if (args.length === 0) return { ok: true, command: { kind: "snooze", user: null } };
  const user = args.length === 1 ? parseUserMention(args[0] as string, names) : null;
  if (user === null) return problem("用法：/duban snooze [@用户]", "Usage: /duban snooze [@user]");
  return { ok: true, command: { kind: "snooze", user } };
}

function parseAbsence(args: readonly string[], names: MentionNames): Parsed {
  const usage = problem(
    `用法：${ABSENCE_USAGE}，如 /duban absence 10-08 10-16 @李四`,
    `Usage: ${ABSENCE_USAGE}, e.g. /duban absence 10-08 10-16 @lisi`,
  );
  const [fromWord, toWord, deputyWord, absenteeWord, ...extra] = args;
  if (fromWord === undefined || toWord === undefined || deputyWord === undefined || extra.length > 0)
    return usage;
  const from = parseDayRef(fromWord);
  const to = parseDayRef(toWord);
  if (from === null || to === null) {
    const bad = from === null ? fromWord : toWord;
    return problem(
      `“${bad}”不是日期：请写 2026-10-08、10-08 或 10月8日。`,
      `"${bad}" is not a date: write 2026-10-08, 10-08 or 10月8日.`,
    );
  }
  const deputy = parseUserMention(deputyWord, names);
  const absentee = absenteeWord === undefined ? null : parseUserMention(absenteeWord, names);
  if (deputy === null || (absenteeWord !== undefined && absentee === null)) return usage;
  return { ok: true, command: { kind: "absence", from, to, deputy, absentee } };
}

/** Reads the arguments of `snooze`, `absence` and `digest`. */
export function parseScheduleCommand(
  kind: ScheduleCommand["kind"],
  args: readonly string[],
  names: MentionNames,
): Parsed {
  if (kind === "snooze") return parseSnooze(args, names);
  if (kind === "absence") return parseAbsence(args, names);
  return args.length === 0
    ? { ok: true, command: { kind } }
    : problem("用法：/duban digest", "Usage: /duban digest");
}
