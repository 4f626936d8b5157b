import type { StatusLight } from "../lights/status-light.ts";

export const LIGHT_NAMES: Record<StatusLight, string> = { green: "绿灯", yellow: "黄灯", red: "红灯" };

export const STATUS_NAMES: Record<string, string> = {
  NOT_STARTED: "未启动",
  IN_PROGRESS: "推进中",
  BLOCKED: "受阻",
  AWAITING_APPROVAL: "已完成待审核",
  DONE: "办结",
};

export const SOURCE_NAMES: Record<string, string> = {
  MODAL: "填报表单",
  THREAD_REPLY: "消息回复",
  DIRECT_MESSAGE: "私信",
  SHELL: "本地终端",
  CLI: "命令行",
};

/** A Reminder kind in the ledger's words: first 提前提醒, overdue-3 逾期催办（3个工作日）... */
export function reminderKindName(kind: string): string {
  const overdue = /^overdue-(\d+)$/.exec(kind);
  if (overdue !== null) return `逾期催办（${overdue[1]}个工作日）`;
  const names: Record<string, string> = {
    first: "提前提醒",
    due: "到期提醒",
    escalation: "督办升级",
    urge: "催办",
    "approval-request": "办结审核请求",
    "approval-result": "审核结果通知",
    digest: "周报",
  };
  return names[kind] ?? kind;
}
