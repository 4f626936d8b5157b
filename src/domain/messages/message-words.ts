import type { StatusLight, StatusLightReason } from "../lights/status-light.ts";
import type { Locale, Localized } from "../supervision/locale.ts";
import type { TaskStatus } from "../supervision/supervision-types.ts";

/** The words messages share, in both languages. */
export const STATUS_WORDS: Record<TaskStatus, Localized> = {
  NOT_STARTED: { zh: "未启动", en: "not started" },
  IN_PROGRESS: { zh: "推进中", en: "in progress" },
  BLOCKED: { zh: "受阻", en: "blocked" },
  AWAITING_APPROVAL: { zh: "已完成（待审核）", en: "done (awaiting approval)" },
  DONE: { zh: "办结", en: "approved (closed)" },
};

export const LIGHT_REASON_WORDS: Record<StatusLightReason, Localized> = {
  done: { zh: "已办结", en: "closed" },
  blocked: { zh: "受阻", en: "blocked" },
  approval_waiting_long: { zh: "待审核超时", en: "awaiting approval too long" },
  awaiting_approval: { zh: "待审核", en: "awaiting approval" },
  overdue: { zh: "逾期", en: "overdue" },
  not_started: { zh: "未启动", en: "not started" },
  due_soon_unreported: { zh: "临近截止未报送", en: "due soon, not reported" },
  on_track: { zh: "正常推进", en: "on track" },
};

export const LIGHT_WORDS: Record<StatusLight, Localized> = {
  green: { zh: "绿灯", en: "green" },
  yellow: { zh: "黄灯", en: "yellow" },
  red: { zh: "红灯", en: "red" },
};

export const ACTION_WORDS = {
  report: { zh: "填报进展", en: "Report progress" },
  edit: { zh: "修改", en: "Edit" },
  approve: { zh: "办结", en: "Approve" },
  return: { zh: "退回", en: "Return" },
  previous: { zh: "上一页", en: "Previous" },
  next: { zh: "下一页", en: "Next" },
} satisfies Record<string, Localized>;

/** "：" in Chinese, ": " in English. */
export function colon(locale: "zh" | "en"): string {
  return locale === "zh" ? "：" : ": ";
}

/** How to answer a reminder or an urge: the button, or a reply in its thread (naming the measure when there are several). */
export const REPLY_HINT: Localized = {
  zh: "点击“填报进展”，或直接在本消息的话题中回复，如“推进中，约八成”“已完成”“受阻：资金未到位”（多项任务请写明措施编号，如“（五）推进中 60%”）。",
  en: 'Press "Report progress", or reply in this message\'s thread, e.g. "70% complete", "done", "blocked: waiting for funds" (with several tasks, name the measure: "(5) in progress 60%").',
};

/** " (standing in for 王五)": the people a deputy (代理人) receives a message for; "" when none. */
export function onBehalfSuffix(locale: Locale, names: readonly string[]): string {
  if (names.length === 0) return "";
  return locale === "zh" ? `（代 ${names.join("、")}）` : ` (standing in for ${names.join(", ")})`;
}
