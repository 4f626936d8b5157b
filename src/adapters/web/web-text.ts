import type { Locale } from "../../domain/supervision/locale.ts";

const TEXT = {
  board: { zh: "督办看板", en: "Board" },
  signOut: { zh: "退出", en: "Sign out" },
  filters: { zh: "筛选", en: "Filters" },
  department: { zh: "部门", en: "Department" },
  county: { zh: "县区", en: "County" },
  city: { zh: "市级", en: "City level" },
  light: { zh: "灯色", en: "Light" },
  only: { zh: "仅看", en: "Only" },
  all: { zh: "全部", en: "All" },
  overdue: { zh: "逾期", en: "Overdue" },
  blocked: { zh: "受阻", en: "Blocked" },
  green: { zh: "绿灯", en: "Green" },
  yellow: { zh: "黄灯", en: "Yellow" },
  red: { zh: "红灯", en: "Red" },
  apply: { zh: "筛选", en: "Apply" },
  measure: { zh: "措施", en: "Measure" },
  tasks: { zh: "任务", en: "Tasks" },
  status: { zh: "状态", en: "Status" },
  due: { zh: "截止", en: "Due" },
  lastReport: { zh: "最近汇报", en: "Last report" },
  none: { zh: "无", en: "None" },
  leads: { zh: "牵头单位", en: "Lead units" },
  primary: { zh: "主责", en: "primary" },
  cooperating: { zh: "配合单位", en: "Co-operating units" },
  record: { zh: "办理记录", en: "Record" },
  evidence: { zh: "佐证材料", en: "Evidence" },
  edited: { zh: "已修改", en: "edited" },
  withdrawn: { zh: "已撤回", en: "withdrawn" },
  contacts: { zh: "联络员", en: "Contacts" },
  noTasks: { zh: "没有符合条件的任务。", en: "No tasks match." },
  onlyOwn: {
    zh: "联络员只能看到本部门的任务明细；上方计数包括全部任务。",
    en: "Contacts see only their own departments' tasks; the counts above cover every task.",
  },
  signInTitle: { zh: "登录督办看板", en: "Sign in to the board" },
  signInButton: { zh: "登录", en: "Sign in" },
  signInHelp: {
    zh: "此链接 15 分钟内有效，只能使用一次。",
    en: "This link is valid for 15 minutes and can be used once.",
  },
  linkRefused: {
    zh: "登录链接无效、已过期或已被使用。请在聊天中发送 /duban web 获取新链接。",
    en: "This sign-in link is invalid, expired or already used. Send /duban web in chat for a new one.",
  },
  needSignIn: {
    zh: "请先登录：在聊天中发送 /duban web 获取登录链接。",
    en: "Please sign in: send /duban web in chat for a sign-in link.",
  },
  forbidden: { zh: "无权查看此页面。", en: "You may not see this page." },
  notFound: { zh: "未找到此页面。", en: "Page not found." },
  badPeriod: {
    zh: "考核期间应写作 2026-11（月）、2026-Q4（季度）或 2026（年）。",
    en: "Write the period as 2026-11 (month), 2026-Q4 (quarter) or 2026 (year).",
  },
  signedOut: { zh: "已退出。", en: "Signed out." },
  total: { zh: "合计", en: "Total" },
  pages: { zh: "分页", en: "Pages" },
  previous: { zh: "上一页", en: "Previous" },
  next: { zh: "下一页", en: "Next" },
  digests: { zh: "督办周报", en: "Weekly digests" },
  noDigests: { zh: "还没有发布过周报。", en: "No digest has been posted yet." },
  late: { zh: "补发", en: "posted late" },
  newer: { zh: "较新", en: "Newer" },
  older: { zh: "较早", en: "Older" },
  posted: { zh: "发布于", en: "Posted" },
  digestMain: { zh: "频道消息", en: "In the channel" },
  digestThread: { zh: "消息串", en: "In its thread" },
  chart: { zh: "督办进展图", en: "Progress chart" },
  report: { zh: "汇报", en: "Report" },
  moreEntries: { zh: "另有未列出：", en: "Not listed:" },
} as const;

export type TextKey = keyof typeof TEXT;

/** The web board's words, in the viewer's language. */
export function t(locale: Locale, key: TextKey): string {
  return TEXT[key][locale];
}
