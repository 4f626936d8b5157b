import { describe, expect, it } from "vitest";
import { blockTextLength, MESSAGE_TEXT_BUDGET } from "../../../src/adapters/slack/blocks/message-budget.ts";
import { renderMessage } from "../../../src/adapters/slack/blocks/render-message.ts";
import {
  buildApprovalRequest,
  buildApprovalResult,
} from "../../../src/domain/messages/build-approval-messages.ts";
import { buildBoardMessage } from "../../../src/domain/messages/build-board-message.ts";
import { buildHelpMessage } from "../../../src/domain/messages/build-help-message.ts";
import { buildQuestionMessage } from "../../../src/domain/messages/build-question-message.ts";
import { buildReportReceipt } from "../../../src/domain/messages/build-report-receipt.ts";
import {
  buildUrgeMessage,
  buildUrgeSummaryMessage,
} from "../../../src/domain/messages/build-urge-messages.ts";
import type {
  HistoryMessage,
  OutboundMessage,
  TaskItem,
} from "../../../src/domain/messages/message-types.ts";
import type { Locale } from "../../../src/domain/supervision/locale.ts";
import type { ProgressReportRecord } from "../../../src/domain/supervision/supervision-types.ts";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import { nanyangTaskItems } from "../../fixtures/nanyang-task-items.ts";

/** Slack refuses a message whose block_ids repeat; the double does not check it, so the tests do. */
function blockIds(blocks: ReadonlyArray<{ block_id?: string }>): string[] {
  return blocks.map((block) => block.block_id).filter((id): id is string => id !== undefined);
}

function expectAccepted(message: OutboundMessage) {
  const rendered = renderMessage(message);
  expect(validateMessage(rendered)).toBeUndefined();
  expect(rendered.blocks.length).toBeLessThanOrEqual(50);
  // the one budget for every message's block text (Slack refuses from about 12,000: msg_blocks_too_long)
  expect(blockTextLength(rendered.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
  const ids = blockIds(rendered.blocks);
  expect(new Set(ids).size).toBe(ids.length);
  return rendered;
}

const text = (value: unknown) => JSON.stringify(value);

const report = (over: Partial<ProgressReportRecord> = {}): ProgressReportRecord => ({
  id: "r1",
  taskId: "t1",
  authorId: "p1",
  status: "AWAITING_APPROVAL",
  percent: 100,
  done: "完".repeat(2000),
  nextSteps: "下".repeat(2000),
  blocker: null,
  evidence: Array.from({ length: 10 }, (_, i) => `https://example.gov.cn/evidence/${i}/${"x".repeat(250)}`),
  evidenceFiles: [],
  rawText: null,
  source: "MODAL",
  chatChannel: null,
  chatTs: null,
  chatEventId: null,
  editedAt: null,
  withdrawnAt: null,
  createdAt: new Date("2026-11-20T02:00:00Z"),
  ...over,
});

const longTask = {
  id: "t1",
  measure: { id: "m1", number: 5, label: "（五）", title: "拓宽就地就近就业渠道".repeat(30), section: null },
  department: { id: "d1", name: "市人力资源和社会保障局".repeat(10) },
};

describe.each<Locale>(["zh", "en"])("Block Kit for every message kind (%s)", (locale) => {
  it("renders the board of the whole Nanyang plan (21 measures, city + 13 counties: 1190 tasks) within 50 blocks", async () => {
    const { planTitle, measures, tasks } = await nanyangTaskItems(locale, ["approve", "return"]);
    expect(tasks.length).toBeGreaterThan(1000);
    const board = buildBoardMessage(locale, planTitle, measures, tasks);
    const rendered = expectAccepted(board);
    const all = text(rendered.blocks);
    for (const measure of measures) expect(all).toContain(measure.label);
    expect(all).toMatch(locale === "zh" ? /还有 \d+ 项未列出/ : /and \d+ more not shown/);
  });

  it("renders a task list of 200 tasks: as many as fit with their buttons, the rest counted", async () => {
    const { tasks } = await nanyangTaskItems(locale);
    const list: OutboundMessage = {
      kind: "task_list",
      locale,
      summary: "tasks",
      title: "我的任务",
      emptyText: "无",
      tasks: tasks.slice(0, 200),
    };
    const rendered = expectAccepted(list);
    const buttons = rendered.blocks.filter(
      (block) => block.type === "section" && block.accessory !== undefined,
    ).length;
    const hidden = Number(/(?:还有|and) (\d+)/.exec(text(rendered.blocks))?.[1]);
    expect(buttons + hidden).toBe(200);
  });

  it("renders status, urge and question messages with 200 tasks, and an empty task list", async () => {
    const { tasks } = await nanyangTaskItems(locale);
    const some = tasks.slice(0, 200);
    expectAccepted({
      kind: "status",
      locale,
      summary: "s",
      title: "状态",
      totals: { green: 1, yellow: 2, red: 3 },
      tasks: some,
    });
    const urge = expectAccepted(
      buildUrgeMessage(locale, { urgerName: "王军", scopeName: "市农业农村局", tasks: some }),
    );
    expect(text(urge.blocks.at(-1))).toContain(locale === "zh" ? "话题" : "thread");
    expectAccepted(buildQuestionMessage(locale, "哪一项任务？".repeat(600), some));
    expectAccepted({
      kind: "task_list",
      locale,
      summary: "t",
      title: "我的任务",
      emptyText: "暂无任务",
      tasks: [],
    });
  });

  it("renders receipts and approval messages with the longest reports the form allows", () => {
    const receipt = expectAccepted(buildReportReceipt(locale, longTask, report(), { edited: true }));
    expect(receipt.blocks.at(-1)?.type).toBe("actions");
    expectAccepted(buildApprovalRequest(locale, longTask, report(), "李娜"));
    expectAccepted(
      buildApprovalResult(locale, longTask, {
        outcome: "returned",
        supervisorName: "王军",
        reason: "理".repeat(3000),
      }),
    );
    expectAccepted(
      buildApprovalResult(locale, longTask, { outcome: "approved", supervisorName: "王军", reason: null }),
    );
  });

  it("renders help, long notices, urge summaries and a history of 3000 entries", () => {
    expectAccepted(
      buildHelpMessage(locale, { zh: "没有“x”这个子命令。", en: 'There is no subcommand "x".' }),
    );
    const lines = Array.from({ length: 500 }, (_, i) => `第 ${i} 行 <script>&`.repeat(5));
    const notice = expectAccepted({ kind: "notice", locale, summary: "n", tone: "error", lines });
    expect(text(notice.blocks)).not.toContain("<script>");
    const urged = Array.from({ length: 300 }, (_, i) => ({
      departmentName: `部门${i}`,
      recipients: ["李娜", "张伟"],
    }));
    expectAccepted(
      buildUrgeSummaryMessage(locale, {
        scopeName: "overdue",
        urged,
        unreachable: ["市林业局"],
        failed: ["张伟"],
      }),
    );
    const entries: HistoryMessage["entries"] = Array.from({ length: 3000 }, (_, i) => ({
      at: new Date("2026-11-20T01:30:00.000Z"),
      line: `2026-11-${String((i % 28) + 1).padStart(2, "0")} 09:30 市农业农村局 李娜：推进中 60%，${"完成招标".repeat(20)}`,
      withdrawn: i % 7 === 0,
      edited: false,
    }));
    const history = expectAccepted({
      kind: "history",
      locale,
      summary: "h",
      title: "进展记录",
      emptyText: "无",
      entries,
    });
    const hidden = Number(/(?:还有|and) (\d+)/.exec(text(history.blocks))?.[1]);
    const shown = history.blocks.filter((b) => b.type === "section").map((b) => text(b).split("\\n").length);
    expect(hidden).toBeGreaterThan(0);
    expect(hidden + shown.reduce((a, b) => a + b, 0) - 1).toBe(3000);
  });

  it("cuts header, section and button texts to Slack's limits", () => {
    const task: TaskItem = {
      taskId: "t".repeat(36),
      measure: { number: 1, label: "（一）", title: "题".repeat(5000) },
      departmentName: "部".repeat(5000),
      status: "IN_PROGRESS",
      statusText: "推进中 60%",
      percent: 60,
      light: "yellow",
      lightReason: "due_soon_unreported",
      lightText: "临近截止未报送",
      dueOn: "2026-11-25",
      lastReport: "报".repeat(5000),
      actions: [{ kind: "report", taskId: "t".repeat(36), label: "填".repeat(200) }],
    };
    expectAccepted({
      kind: "status",
      locale,
      summary: "s".repeat(50_000),
      title: "标".repeat(500),
      totals: { green: 0, yellow: 1, red: 0 },
      tasks: [task],
    });
  });
});
