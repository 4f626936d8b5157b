import type { DubanCommand } from "../commands/duban-command.ts";
import { SUBCOMMAND_NAMES } from "../commands/subcommand-names.ts";
import { type Locale, type Localized, pick } from "../supervision/locale.ts";
import type { HelpMessage } from "./message-types.ts";

/** One entry per subcommand, named by its English name (`kind`); its other names come from the grammar. */
const COMMANDS: ReadonlyArray<{ kind: DubanCommand["kind"]; usage: string; description: Localized }> = [
  { kind: "help", usage: "/duban help", description: { zh: "显示本帮助", en: "show this help" } },
  {
    kind: "tasks",
    usage: "/duban tasks",
    description: {
      zh: "我的任务：状态灯、最近进展、填报按钮",
      en: "my tasks: lights, last reports, report buttons",
    },
  },
  {
    kind: "report",
    usage: "/duban report [措施]",
    description: {
      zh: "填报进展（打开填报表单），如 report 5",
      en: "report progress (opens the form), e.g. report 5",
    },
  },
  {
    kind: "status",
    usage: "/duban status [措施|部门]",
    description: {
      zh: "查看进展：全部、某项措施或某个部门",
      en: "progress: the whole plan, one measure or one department",
    },
  },
  {
    kind: "remind",
    usage: "/duban remind <措施|部门|overdue>",
    description: {
      zh: "催办（督查人员）：私信相关部门联络员",
      en: "urge (supervisors): DM the contacts concerned",
    },
  },
  {
    kind: "assign",
    usage: "/duban assign <部门> <@用户> [角色]",
    description: {
      zh: "指派联络员（督查人员）；角色：联络员/督查人员/读者/管理员",
      en: "assign a contact (supervisors); role: contact/supervisor/reader/admin",
    },
  },
  {
    kind: "approve",
    usage: "/duban approve <措施> [部门]",
    description: {
      zh: "办结：审核通过已完成的任务（督查人员）",
      en: "approve (办结) a task reported done (supervisors)",
    },
  },
  {
    kind: "return",
    usage: "/duban return <措施> [部门] [原因]",
    description: {
      zh: "退回已完成的任务并说明原因（督查人员）",
      en: "return a task reported done, with a reason (supervisors)",
    },
  },
  {
    kind: "history",
    usage: "/duban history <措施>",
    description: { zh: "某项措施的进展记录", en: "the reports of a measure" },
  },
  {
    kind: "snooze",
    usage: "/duban snooze [@用户]",
    description: {
      zh: "本期提醒推迟到下个工作日（每期一次；督查人员可为他人推迟）",
      en: "put this cycle's reminders off to the next working day (once per cycle; supervisors for anyone)",
    },
  },
  {
    kind: "absence",
    usage: "/duban absence <开始> <结束> <@代理人> [@请假人]",
    description: {
      zh: "登记请假：期间提醒发给代理人，如 absence 10-08 10-16 @李四",
      en: "record an absence: reminders go to the deputy meanwhile, e.g. absence 10-08 10-16 @lisi",
    },
  },
  {
    kind: "web",
    usage: "/duban web [revoke <@用户>]",
    description: {
      zh: "网页看板的个人登录链接（15 分钟内有效，仅用一次）；revoke 撤销某人的网页登录（督查人员）",
      en: "your sign-in link to the web board (15 minutes, usable once); revoke ends a person's web sessions (supervisors)",
    },
  },
  {
    kind: "digest",
    usage: "/duban digest",
    description: { zh: "立即发布周报（督查人员）", en: "post the weekly digest now (supervisors)" },
  },
  {
    kind: "assess",
    usage: "/duban assess [期间]",
    description: {
      zh: "督查考核评分与表扬、通报名单（督查人员）；期间如 2026-Q4、2026-11、2026，默认本季度",
      en: "the assessment scorecard with its praise and lagging lists (supervisors); period e.g. 2026-Q4, 2026-11, 2026, default this quarter",
    },
  },
  {
    kind: "export",
    usage: "/duban export [期间]",
    description: {
      zh: "导出 Excel 台账文件（督查人员）；不写期间则导出全部记录",
      en: "the Excel ledger (台账) as a file (supervisors); without a period, every record",
    },
  },
];

/** The other names the grammar accepts for a subcommand: "任务、我的任务、task、mine" for tasks. */
function otherNames(kind: DubanCommand["kind"], locale: Locale): string {
  const names = Object.keys(SUBCOMMAND_NAMES).filter(
    (name) => name !== kind && SUBCOMMAND_NAMES[name] === kind,
  );
  if (names.length === 0) return "";
  return locale === "zh" ? `（也可写：${names.join("、")}）` : ` (also: ${names.join(", ")})`;
}

const TITLE: Localized = { zh: "督办 Duban 使用帮助", en: "Duban (督办) help" };

const FOOTER: Localized = {
  zh: "措施可写编号（5、五、（五））或标题中的词；部门可写全称或简称。也可以直接在督办私信的话题中回复进展，如“推进中，约八成”“已完成”“受阻：资金未到位”。",
  en: 'Name a measure by number (5, 五, （五）) or a word of its title; a department by name or alias. You can also reply in the thread of a Duban DM, e.g. "70% complete", "done", "blocked: waiting for funds".',
};

/** `/duban help`; with `problem`, the answer to a command that could not be read (the problem comes first). */
export function buildHelpMessage(locale: Locale, problem: Localized | null = null): HelpMessage {
  const problemText = problem === null ? null : pick(locale, problem);
  return {
    kind: "help",
    locale,
    summary: problemText ?? pick(locale, TITLE),
    title: pick(locale, TITLE),
    problem: problemText,
    commands: COMMANDS.map((command) => ({
      usage: command.usage,
      description: `${pick(locale, command.description)}${otherNames(command.kind, locale)}`,
    })),
    footer: pick(locale, FOOTER),
  };
}
