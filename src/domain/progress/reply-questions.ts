import type { LocalizedText, ReportedStatus } from "./reply-parse.ts";

const STATUS_NAMES: Record<ReportedStatus, LocalizedText> = {
  not_started: { zh: "未启动", en: "not started" },
  in_progress: { zh: "推进中", en: "in progress" },
  done: { zh: "已完成", en: "done" },
  blocked: { zh: "受阻", en: "blocked" },
};

const HOW_TO_ANSWER: LocalizedText = {
  zh: "请回复一种状态：未启动 / 推进中（可附进度，如“推进中 60%”）/ 已完成 / 受阻：原因。",
  en: 'Please reply with one status: not started / in progress (with a percent, e.g. "in progress 60%") / done / blocked: reason.',
};

/** The questions the bot asks back when a reply cannot be read as a report without guessing. */
export const replyQuestions = {
  noStatus: (): LocalizedText => ({
    zh: `没能从您的回复中看出进展状态。${HOW_TO_ANSWER.zh}`,
    en: `I could not tell the status from your reply. ${HOW_TO_ANSWER.en}`,
  }),
  conflictingStatuses: (statuses: readonly ReportedStatus[]): LocalizedText => ({
    zh: `您的回复同时提到了${statuses.map((s) => `“${STATUS_NAMES[s].zh}”`).join("和")}，目前是哪一种？${HOW_TO_ANSWER.zh}`,
    en: `Your reply mentions both ${statuses.map((s) => `"${STATUS_NAMES[s].en}"`).join(" and ")}. Which is it now? ${HOW_TO_ANSWER.en}`,
  }),
  stepOrTask: (): LocalizedText => ({
    zh: "您提到完成了其中一项工作：是整项任务已完成，还是仍在推进中（进度大约多少）？",
    en: "You mention finishing part of the work: is the whole task done, or still in progress (about what percent)?",
  }),
  partlyBlocked: (): LocalizedText => ({
    zh: "您提到部分受阻：这项任务现在是受阻（请写明原因），还是仍在推进中（进度大约多少）？",
    en: "You mention it is partly blocked: is the task blocked now (please give the reason), or still in progress (about what percent)?",
  }),
  percentOutOfRange: (percent: number): LocalizedText => ({
    zh: `进度应在 0% 到 100% 之间，您写的是 ${percent}%。请重新回复当前进度。`,
    en: `Progress must be between 0% and 100%; you wrote ${percent}%. Please reply with the current progress.`,
  }),
  multiplePercents: (percents: readonly number[]): LocalizedText => ({
    zh: `您的回复中有多个百分比（${percents.map((p) => `${p}%`).join("、")}），当前进度是多少？`,
    en: `Your reply has several percents (${percents.map((p) => `${p}%`).join(", ")}). What is the current progress?`,
  }),
  multipleMeasures: (numbers: readonly number[]): LocalizedText => ({
    zh: `您的回复提到了多项措施（${numbers.map((n) => `第${n}项`).join("、")}），请每条消息只报告一项措施的进展。`,
    en: `Your reply names several measures (${numbers.map((n) => `measure ${n}`).join(", ")}). Please report one measure per message.`,
  }),
  notDoneUnclear: (): LocalizedText => ({
    zh: "收到，尚未完成。目前是未启动、推进中还是受阻？如在推进，进度大约多少？",
    en: "Noted, not done yet. Is it not started, in progress or blocked? If in progress, about what percent?",
  }),
  missingBlocker: (): LocalizedText => ({
    zh: "受阻的原因是什么？请回复“受阻：原因”，例如“受阻：资金未到位”。",
    en: 'What is blocking it? Please reply "blocked: reason", e.g. "blocked: waiting for funds".',
  }),
};
