import type { DubanCommand } from "./duban-command.ts";

/** What people type for each subcommand, English and Chinese, lower case. */
export const SUBCOMMAND_NAMES: Record<string, DubanCommand["kind"]> = {
  help: "help",
  "?": "help",
  帮助: "help",
  tasks: "tasks",
  task: "tasks",
  mine: "tasks",
  任务: "tasks",
  我的任务: "tasks",
  report: "report",
  填报: "report",
  报告: "report",
  汇报: "report",
  status: "status",
  board: "status",
  状态: "status",
  进展: "status",
  看板: "status",
  remind: "remind",
  urge: "remind",
  催办: "remind",
  提醒: "remind",
  assign: "assign",
  指派: "assign",
  分配: "assign",
  approve: "approve",
  办结: "approve",
  通过: "approve",
  return: "return",
  退回: "return",
  history: "history",
  历史: "history",
  记录: "history",
};

/** "overdue" in the words people use. */
export const OVERDUE_WORDS: ReadonlySet<string> = new Set(["overdue", "late", "逾期", "超期", "过期"]);
