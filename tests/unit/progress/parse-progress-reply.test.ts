import { describe, expect, it } from "vitest";
import {
  parseProgressReply,
  type QuestionReason,
  type ReportedStatus,
} from "../../../src/domain/progress/parse-progress-reply.ts";

type ReportCase = [
  reply: string,
  status: ReportedStatus,
  percent: number | null,
  blocker?: string | null,
  measureRef?: string | null,
];

const reports: ReportCase[] = [
  // Chinese statuses
  ["已完成", "done", 100],
  ["已经完成了。", "done", 100],
  ["全部完成", "done", 100],
  ["已全部完成，请审核", "done", 100],
  ["已按计划完成", "done", 100],
  ["已完成任务", "done", 100],
  ["已办结", "done", 100],
  ["推进中", "in_progress", null],
  ["正在推进", "in_progress", null],
  ["已启动", "in_progress", null],
  ["基本完成", "in_progress", null],
  ["未启动", "not_started", 0],
  ["尚未启动", "not_started", 0],
  ["还没开始", "not_started", 0],
  ["计划下月启动", "not_started", 0],
  // Chinese percents: a percent below 100 with 完成 means progress, not done
  ["完成80%", "in_progress", 80],
  ["完成８０％", "in_progress", 80],
  ["完成了80%", "in_progress", 80],
  ["完成率85%", "in_progress", 85],
  ["推进中，约八成", "in_progress", 80],
  ["七成半", "in_progress", 75],
  ["六成", "in_progress", 60],
  ["已完成一半", "in_progress", 50],
  ["进度过半", "in_progress", 50],
  ["完成三分之二", "in_progress", 67],
  ["百分之六十", "in_progress", 60],
  ["完成百分之百", "done", 100],
  ["完成100%", "done", 100],
  ["100%", "done", 100],
  ["完成0%", "not_started", 0],
  ["还没完成，大约七成半", "in_progress", 75],
  ["未完成，推进中", "in_progress", null],
  ["已完成招标，正在施工", "in_progress", null],
  ["完成投资3000万元，占计划的60%", "in_progress", 60],
  ["暂无受阻，推进中", "in_progress", null],
  // Blocked, with the blocker as written
  ["受阻：资金未到位", "blocked", null, "资金未到位"],
  ["受阻，原因是用地指标未批复", "blocked", null, "用地指标未批复"],
  ["受阻于资金", "blocked", null, "资金"],
  ["因资金未到位受阻", "blocked", null, "资金未到位"],
  ["卡在用地审批上", "blocked", null, "用地审批"],
  ["受阻：资金未到位，土地未落实。下周再报", "blocked", null, "资金未到位，土地未落实"],
  ["受阻：资金未到位，审批未完成", "blocked", null, "资金未到位，审批未完成"],
  ["推进中，受阻：资金未到位，已完成60%", "blocked", 60, "资金未到位"],
  ["受阻：资金仅到位50%", "blocked", null, "资金仅到位50%"],
  ["尚未启动，受阻：用地未落实", "blocked", null, "用地未落实"],
  // English
  ["done", "done", 100],
  ["Done. Thanks!", "done", 100],
  ["Ｄｏｎｅ！", "done", 100],
  ["completed", "done", 100],
  ["70% complete", "in_progress", 70],
  ["completed 80%", "in_progress", 80],
  ["In progress, about 70%", "in_progress", 70],
  ["half done", "in_progress", 50],
  ["almost done", "in_progress", null],
  ["not done yet, 40 percent", "in_progress", 40],
  ["not started", "not_started", 0],
  ["haven't started yet", "not_started", 0],
  ["blocked: waiting for funds", "blocked", null, "waiting for funds"],
  ["blocked by land approval.", "blocked", null, "land approval"],
  ["can't proceed: land not approved", "blocked", null, "land not approved"],
  ["无法按期完成：用地指标未批复", "blocked", null, "用地指标未批复"],
  ["blocked: waiting for funds, 60% done", "blocked", 60, "waiting for funds"],
  ["not blocked, in progress 40%", "in_progress", 40],
  // Naming a measure
  ["（五）已完成", "done", 100, null, "5"],
  ["(五)已完成", "done", 100, null, "5"],
  ["第5项 完成60%", "in_progress", 60, null, "5"],
  ["第五项：推进中，进度过半", "in_progress", 50, null, "5"],
  ["第十二条 受阻：资金未到位", "blocked", null, "资金未到位", "12"],
  ["measure 5: 60%", "in_progress", 60, null, "5"],
  ["Measure 21 done", "done", 100, null, "21"],
  ["item 5 in progress", "in_progress", null, null, "5"],
  ["#5 done", "done", 100, null, "5"],
  ["措施五 已完成", "done", 100, null, "5"],
  ["五、已完成", "done", 100, null, "5"],
  ["2021年已完成", "done", 100, null, null],
  ["(2021)年已完成", "done", 100, null, null],
];

describe("parseProgressReply: replies read as reports", () => {
  it.each(reports)("%s", (reply, status, percent, blocker = null, measureRef = null) => {
    expect(parseProgressReply(reply)).toEqual({
      kind: "report",
      status,
      percent,
      blocker,
      text: reply.trim(),
      measureRef,
    });
  });
});

type QuestionCase = [reply: string, reason: QuestionReason, measureRef?: string | null];

const questions: QuestionCase[] = [
  ["好的", "no_status"],
  ["收到", "no_status"],
  ["thanks", "no_status"],
  ["", "no_status"],
  ["   ", "no_status"],
  ["暂无进展", "no_status"],
  ["（五）收到", "no_status", "5"],
  ["已完成一半，部分受阻", "ambiguous_status"],
  ["部分受阻，进度60%", "ambiguous_status"],
  ["推进中 100%", "ambiguous_status"],
  ["未启动 30%", "ambiguous_status"],
  ["已完成，正在验收", "ambiguous_status"],
  ["done, still in progress", "ambiguous_status"],
  ["已完成，受阻", "ambiguous_status"],
  ["已完成招标", "ambiguous_status"],
  ["第一阶段已完成", "ambiguous_status"],
  ["还没完成，但第一阶段已完成", "not_done_unclear"],
  ["150%", "percent_out_of_range"],
  ["百分之一百二十", "percent_out_of_range"],
  ["第5项 完成120%", "percent_out_of_range", "5"],
  ["（三）推进中，-20%", "percent_out_of_range", "3"],
  ["推进中 －20%", "percent_out_of_range"],
  ["推进中 −20%", "percent_out_of_range"],
  ["进度负20%", "percent_out_of_range"],
  ["负二十%", "percent_out_of_range"],
  ["in progress, minus 20 percent", "percent_out_of_range"],
  ["-0.3%", "percent_out_of_range"],
  ["上周50%，本周80%", "multiple_percents"],
  ["（五）已完成，（六）推进中", "multiple_measures"],
  ["未完成", "not_done_unclear"],
  ["还没完成", "not_done_unclear"],
  ["尚未全部完成", "not_done_unclear"],
  ["预计月底完成", "not_done_unclear"],
  ["not done yet", "not_done_unclear"],
  ["incomplete", "not_done_unclear"],
  ["will be completed next week", "not_done_unclear"],
  ["受阻", "missing_blocker"],
  ["项目卡住了", "missing_blocker"],
  ["stuck", "missing_blocker"],
];

describe("parseProgressReply: replies answered with a question, never a guess", () => {
  it.each(questions)("%s -> %s", (reply, reason, measureRef = null) => {
    const parse = parseProgressReply(reply);
    expect(parse).toMatchObject({ kind: "question", reason, measureRef });
    if (parse.kind !== "question") return;
    expect(parse.question.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(parse.question.en).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("parseProgressReply: details", () => {
  it("never reads a negated completion as done", () => {
    for (const reply of [
      "未完成",
      "没有完成",
      "还没完成",
      "尚未完成",
      "并未完成",
      "not done yet",
      "isn't finished",
      "unfinished",
    ]) {
      const parse = parseProgressReply(reply);
      expect(parse.kind === "report" && parse.status === "done", reply).toBe(false);
    }
  });

  it("names the conflicting statuses in the question", () => {
    const parse = parseProgressReply("已完成，正在验收");
    expect(parse.kind === "question" && parse.question.zh).toContain("“推进中”和“已完成”");
    expect(parse.kind === "question" && parse.question.en).toContain('"in progress" and "done"');
  });

  it("quotes the percent that is out of range", () => {
    const parse = parseProgressReply("150%");
    expect(parse.kind === "question" && parse.question.zh).toContain("150%");
    const negative = parseProgressReply("（三）推进中，-20%");
    expect(negative.kind === "question" && negative.question.zh).toContain("您写的是 -20%");
    expect(negative.kind === "question" && negative.question.en).toContain("you wrote -20%");
  });

  it("reads a hyphen between numbers or after a word as no minus sign", () => {
    expect(parseProgressReply("推进中，第1-2期合计60%")).toMatchObject({
      status: "in_progress",
      percent: 60,
    });
    expect(parseProgressReply("in progress, phase-20%")).toMatchObject({
      status: "in_progress",
      percent: 20,
    });
  });

  it("keeps the reply as written, trimmed, and the blocker in its original full-width punctuation", () => {
    const parse = parseProgressReply("  受阻：资金未到位，土地未落实。 ");
    expect(parse).toMatchObject({
      text: "受阻：资金未到位，土地未落实。",
      blocker: "资金未到位，土地未落实",
    });
  });

  it("reads a reply that mixes emoji and text", () => {
    expect(parseProgressReply("😀 已完成 👍")).toMatchObject({
      kind: "report",
      status: "done",
      percent: 100,
    });
  });

  it("counts the same measure named twice once", () => {
    expect(parseProgressReply("（五）第5项已完成")).toMatchObject({ kind: "report", measureRef: "5" });
  });

  it("counts the same percent written twice once", () => {
    expect(parseProgressReply("完成80%，即八成")).toMatchObject({
      kind: "report",
      status: "in_progress",
      percent: 80,
    });
  });
});
