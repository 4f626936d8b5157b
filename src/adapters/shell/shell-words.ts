import type { Locale } from "../../domain/supervision/locale.ts";

/** The shell's own commands, for `/help` and usage hints: usage, then what it does in each language. */
export const SHELL_COMMANDS: ReadonlyArray<{ usage: string; zh: string; en: string }> = [
  {
    usage: "/as <部门|姓名>",
    zh: "扮演某部门的演示联络员（/as 市农业农村局）或某人（/as 演示督查员）；只写 /as 列出全部；/as @张三 扮演新用户",
    en: "act as a department's demo contact (/as 市农业农村局) or a person (/as 演示督查员); /as alone lists them; /as @张三 a new user",
  },
  {
    usage: "/duban <命令>",
    zh: "与 Slack 中相同的命令，如 /duban tasks、/duban help",
    en: "the Slack command, e.g. /duban tasks, /duban help",
  },
  {
    usage: "<文字>  /reply <文字>",
    zh: "回复督办：在您最近收到的督办私信的话题中回复；没有私信时作为私信发给督办",
    en: "reply to Duban in the thread of your last DM from Duban (a DM to Duban when there is none)",
  },
  { usage: "/dm <文字>", zh: "私信督办（不在任何话题中）", en: "a DM to Duban outside any thread" },
  {
    usage: "/attach <文件> [文字]",
    zh: "像在 Slack 中分享文件一样，在最近的私信话题中发送文件（可附文字），作为佐证材料保存",
    en: "share a file (with or without text) in the thread of your last DM, as in Slack: kept as evidence",
  },
  { usage: "/press <n>", zh: "点击最近显示的按钮 [n]", en: "press button [n] of the messages last shown" },
  {
    usage: "/home [页]",
    zh: "我的 App Home（联络员：我的任务；督查人员：看板）",
    en: "your App Home (contacts: my tasks; supervisors: the board)",
  },
  { usage: "/inbox", zh: "我收到的督办私信", en: "the DMs you received from Duban" },
  {
    usage: "/web",
    zh: "网页看板的本机登录链接（当前身份；WEB_PORT，默认 3001）",
    en: "a localhost sign-in link to the web board, as you (WEB_PORT, default 3001)",
  },
  {
    usage: "/clock",
    zh: "方案时间（北京时间）和下一次定时任务；/clock set 2026-11-20 10:00 设定时间",
    en: "plan time (Asia/Shanghai) and the next scheduled firing; /clock set 2026-11-20 10:00 sets it",
  },
  {
    usage: "/tick [n]",
    zh: "跳到下一次定时任务（提醒、催办、督办、周报）并执行；n 次",
    en: "jump to the next scheduled firing (reminders, escalations, digest) and run it; n times",
  },
  { usage: "/lang zh|en", zh: "切换语言", en: "switch language" },
  { usage: "/help  /quit", zh: "帮助、退出", en: "this help, quit" },
];

const WORDS = {
  zh: {
    helpTitle: "督办本地对话（shell）：您可以扮演任何人，督办的回答与 Slack 中相同。",
    formHint: "填表：回车保留 [方括号] 中的值，输入 - 清空，/cancel 取消。",
    unknown: (command: string) => `不认识的命令 ${command}。输入 /help 查看可用命令。`,
    usage: (usage: string) => `用法：${usage}`,
    apology: "抱歉，出了点问题，这次操作没有完成（已记入日志）。请再试一次。",
  },
  en: {
    helpTitle: "Duban's local shell: act as anyone; Duban answers as it would in Slack.",
    formHint: 'In a form: Enter keeps the value in [brackets], "-" clears it, /cancel stops.',
    unknown: (command: string) => `Unknown command ${command}. Type /help to see the commands.`,
    usage: (usage: string) => `Usage: ${usage}`,
    apology: "Sorry, something went wrong and this was not done (it is in the log). Please try again.",
  },
} as const;

export function shellWords(locale: Locale) {
  return WORDS[locale];
}

/** "/press <n>": the usage line of a shell command. */
export function usageOf(command: string): string {
  return SHELL_COMMANDS.find((entry) => entry.usage.includes(command))?.usage ?? command;
}
