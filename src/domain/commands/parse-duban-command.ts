import type { Localized } from "../supervision/locale.ts";
import { parseRoleName } from "../supervision/roles.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { commandProblems } from "./command-problems.ts";
import type { CommandDirectory, DubanCommand } from "./duban-command.ts";
import { parsePeriodArgument } from "./parse-period-argument.ts";
import { parseScheduleCommand } from "./parse-schedule-commands.ts";
import { parseTaskRef } from "./parse-task-ref.ts";
import { parseUserMention } from "./parse-user-mention.ts";
import { resolveDepartment, resolveMeasure, resolveTarget } from "./resolve-command-refs.ts";
import { REVOKE_WORDS, SUBCOMMAND_NAMES } from "./subcommand-names.ts";
import { type MentionNames, NO_MENTION_NAMES } from "./user-mention.ts";

/** A word: a run without spaces (a front end writes a user it knows by id as one word, "@id:U123"). */
const WORD = /[^\s\u3000]+/g;
const help = (problem: Localized | null): DubanCommand => ({ kind: "help", problem });
/** Echoes of the user's words in problems are cut to this many characters. */
const ECHO_MAX = 40;
const echo = (words: readonly string[]) => words.join(" ").slice(0, ECHO_MAX);

function parseAssign(
  args: readonly string[],
  directory: CommandDirectory,
  names: MentionNames,
): DubanCommand {
  const at = args.findIndex((word) => parseUserMention(word, names) !== null);
  if (at < 0) return help(commandProblems.missingMention());
  if (at === 0) return help(commandProblems.missingArgument("/duban assign <部门> <@用户> [角色]"));
  const department = resolveDepartment(echo(args.slice(0, at)), directory);
  if (!department.ok) return help(department.problem);
  const roleWords = args.slice(at + 1);
  const role = roleWords.length === 0 ? null : parseRoleName(roleWords.join(""));
  if (roleWords.length > 0 && role === null) return help(commandProblems.unknownRole(echo(roleWords)));
  const user = parseUserMention(args[at] as string, names);
  return user === null
    ? help(commandProblems.missingMention())
    : { kind: "assign", departmentId: department.value, user, role };
}

function parseApproveOrReturn(
  kind: "approve" | "return",
  args: readonly string[],
  directory: CommandDirectory,
): DubanCommand {
  const usage = kind === "approve" ? "/duban approve <措施> [部门]" : "/duban return <措施> [部门] [原因]";
  if (args.length === 0) return help(commandProblems.missingArgument(usage));
  const parsed = parseTaskRef(args, directory);
  if (!parsed.ok) return help(parsed.problem);
  const { task, rest } = parsed.value;
  if (kind === "return") return { kind, task, reason: rest.length === 0 ? null : rest.join(" ") };
  if (rest.length === 0) return { kind, task };
  return help(
    task.departmentId === null
      ? commandProblems.unknownDepartment(echo(rest))
      : commandProblems.extraWords(echo(rest)),
  );
}

function parseArguments(
  kind: DubanCommand["kind"],
  args: readonly string[],
  directory: CommandDirectory,
  names: MentionNames,
): DubanCommand {
  const whole = args.join(" ");
  switch (kind) {
    case "help":
      return help(null);
    case "tasks":
      return { kind };
    case "report": {
      if (args.length === 0) return { kind, measureNumber: null };
      const measure = resolveMeasure(whole, directory);
      return measure.ok ? { kind, measureNumber: measure.value } : help(measure.problem);
    }
    case "status": {
      if (args.length === 0) return { kind, target: null };
      const target = resolveTarget(whole, directory, { allowOverdue: false });
      if (!target.ok) return help(target.problem);
      return target.value.kind === "overdue"
        ? help(commandProblems.unknownTarget(whole))
        : { kind, target: target.value };
    }
    case "remind": {
      if (args.length === 0)
        return help(commandProblems.missingArgument("/duban remind <措施|部门|overdue>"));
      const target = resolveTarget(whole, directory, { allowOverdue: true });
      return target.ok ? { kind, target: target.value } : help(target.problem);
    }
    case "assign":
      return parseAssign(args, directory, names);
    case "approve":
    case "return":
      return parseApproveOrReturn(kind, args, directory);
    case "history": {
      if (args.length === 0) return help(commandProblems.missingArgument("/duban history <措施>"));
      const measure = resolveMeasure(whole, directory);
      return measure.ok ? { kind, measureNumber: measure.value } : help(measure.problem);
    }
    case "assess":
    case "export": {
      const period = parsePeriodArgument(args, `/duban ${kind} [2026-Q4|2026-11|2026]`);
      return period.ok ? { kind, period: period.period } : help(period.problem);
    }
    case "web": {
      if (args.length === 0) return { kind, revoke: null };
      const usage = "/duban web [revoke <@用户>]";
      if (!REVOKE_WORDS.has(normalizeChatText(args[0] as string)))
        return help(commandProblems.missingArgument(usage));
      const user = args.length === 2 ? parseUserMention(args[1] as string, names) : null;
      return user === null ? help(commandProblems.missingArgument(usage)) : { kind, revoke: user };
    }
    case "snooze":
    case "absence":
    case "digest": {
      const parsed = parseScheduleCommand(kind, args, names);
      return parsed.ok ? parsed.command : help(parsed.problem);
    }
  }
}

/**
 * Reads `/duban <subcommand> [arguments]` (the text after the command; a leading "/duban" is skipped).
 * Subcommands in English or Chinese (help 帮助, tasks 任务, report 填报, status 状态, remind 催办,
 * assign 指派, approve 办结, return 退回, history 历史); measures by number or title word, departments by
 * name or alias; users as "@id:U123" (named from `names`) or "@张三". Never throws: anything it cannot read
 * becomes help with one line saying what was wrong.
 */
export function parseDubanCommand(
  text: string,
  directory: CommandDirectory,
  names: MentionNames = NO_MENTION_NAMES,
): DubanCommand {
  const words = text.match(WORD) ?? [];
  if (words[0]?.toLowerCase() === "/duban") words.shift();
  const [first, ...args] = words;
  if (first === undefined) return help(null);
  const kind = SUBCOMMAND_NAMES[normalizeChatText(first)];
  if (kind === undefined) return help(commandProblems.unknownSubcommand(first.slice(0, ECHO_MAX)));
  return parseArguments(kind, args, directory, names);
}
