import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { renderHomeView } from "../../../src/adapters/shell/render/render-home-view.ts";
import { renderMessage } from "../../../src/adapters/shell/render/render-message.ts";
import { createTextStyle } from "../../../src/adapters/shell/render/text-style.ts";
import type { HomeView } from "../../../src/domain/messages/home-view-types.ts";
import type {
  BoardMessage,
  OutboundMessage,
  StatusMessage,
  TaskItem,
} from "../../../src/domain/messages/message-types.ts";

const plain = createTextStyle(false);
const colored = createTextStyle(true);

function task(overrides: Partial<TaskItem> = {}): TaskItem {
  return {
    taskId: "t1",
    measure: { number: 5, label: "（五）", title: "拓宽就地就近就业渠道" },
    departmentName: "市人力资源社会保障局",
    status: "IN_PROGRESS",
    statusText: "推进中 60%",
    percent: 60,
    light: "red",
    lightReason: "overdue",
    lightText: "逾期",
    dueOn: "2026-11-25",
    lastReport: "11-20 张三：推进中 60%，完成招标",
    actions: [{ kind: "report", taskId: "t1", label: "填报进展" }],
    ...overrides,
  };
}

function board(locale: "zh" | "en" = "zh"): BoardMessage {
  const measure = (number: number, label: string, title: string, red: number) => ({
    number,
    label,
    title,
    counts: { green: 3, yellow: 12, red },
    total: 15 + red,
  });
  return {
    kind: "board",
    locale,
    summary: "督办看板",
    title: "督办看板：南阳",
    totals: { green: 6, yellow: 24, red: 112 },
    sections: [
      {
        label: "二、",
        title: "产业发展",
        measures: [measure(1, "（一）", "做大做强安置点周边优势特色产业", 2)],
      },
      {
        label: "六、",
        title: "保障措施",
        measures: [
          measure(21, "（二十一）", "强化督查考核", 110),
          measure(22, "(22)", "Plain ASCII title", 0),
        ],
      },
    ],
    overdue: [task()],
    blocked: [],
    awaitingApproval: [
      task({
        taskId: "t2",
        actions: [
          { kind: "approve", taskId: "t2", label: "办结" },
          { kind: "return", taskId: "t2", label: "退回" },
        ],
      }),
    ],
  };
}

/** A status message of red tasks (`/duban status`). */
function status(locale: "zh" | "en", title: string, tasks: TaskItem[]): StatusMessage {
  return {
    kind: "status",
    locale,
    summary: "",
    title,
    totals: { green: 0, yellow: 0, red: tasks.length },
    tasks,
  };
}

/** The display column where `marker` starts in each line that has it. */
function columnsOf(lines: readonly string[], marker: string): number[] {
  return lines
    .map((line) => stripVTControlCharacters(line))
    .filter((line) => line.includes(marker) && /^\s+[（(]/.test(line))
    .map((line) => stringWidth(line.slice(0, line.indexOf(marker))));
}

describe("shell rendering", () => {
  it("aligns the board's light counts by display width, Chinese and ASCII titles alike", () => {
    const { lines } = renderMessage(board(), plain, 1);
    const columns = columnsOf(lines, "[绿]");
    expect(columns).toHaveLength(3);
    expect(new Set(columns).size).toBe(1);
    const totals = columnsOf(lines, "共");
    expect(new Set(totals).size).toBe(1);
  });

  it("keeps the columns aligned with colour, where lights are coloured ●", () => {
    const { lines } = renderMessage(board(), colored, 1);
    const columns = columnsOf(lines, "●");
    expect(columns).toHaveLength(3);
    expect(new Set(columns).size).toBe(1);
    expect(lines.join("\n")).toContain("\u001b[31m●\u001b[39m");
  });

  it("draws lights as words without colour: [红] in Chinese, [red] in English", () => {
    const zh = renderMessage(status("zh", "进展", [task()]), plain, 1);
    expect(zh.lines.join("\n")).toContain("[红] （五）拓宽就地就近就业渠道 · 市人力资源社会保障局");
    expect(zh.lines.join("\n")).toBe(stripVTControlCharacters(zh.lines.join("\n")));
    const en = renderMessage(status("en", "Progress", [task()]), plain, 1);
    expect(en.lines.join("\n")).toContain("[red] （五）");
  });

  it("numbers buttons from the first number given, and lists them in order", () => {
    const { lines, actions } = renderMessage(board(), plain, 4);
    expect(actions.map((action) => action.kind)).toEqual(["approve", "return"]);
    expect(lines.join("\n")).toContain("[4] 办结  [5] 退回");
  });

  it("shows buttons unnumbered in a message to someone else", () => {
    const message: OutboundMessage = {
      kind: "urge",
      locale: "zh",
      summary: "催办",
      title: "催办：市人社局",
      intro: "请报送",
      tasks: [task()],
      replyHint: "直接回复",
    };
    const { lines } = renderMessage(message, plain, null);
    const text = lines.join("\n");
    expect(text).toContain("[填报进展]");
    expect(text).not.toMatch(/\[\d+\]/);
    expect(text).toContain("截止 2026-11-25");
    expect(text).toContain("最近进展：11-20 张三：推进中 60%，完成招标");
  });

  it("renders a notice, a receipt and a question, and a kind it does not know by its summary", () => {
    const notice = renderMessage(
      { kind: "notice", locale: "zh", tone: "error", summary: "不行", lines: ["只有督查人员可以催办。"] },
      plain,
      1,
    );
    expect(notice.lines).toEqual(["✗ 只有督查人员可以催办。"]);
    const receipt = renderMessage(
      {
        kind: "report_receipt",
        locale: "zh",
        summary: "",
        title: "已记录进展",
        lines: ["状态：推进中 60%"],
        taskId: "t1",
        reportId: "r1",
        duplicate: false,
        actions: [{ kind: "edit_report", taskId: "t1", reportId: "r1", label: "修改" }],
      },
      plain,
      1,
    );
    expect(receipt.lines).toEqual(["✎ 已记录进展", "  状态：推进中 60%", "  [1] 修改"]);
    const unknown = { kind: "something_new", locale: "zh", summary: "新消息" } as unknown as OutboundMessage;
    expect(renderMessage(unknown, plain, 1).lines).toEqual(["新消息"]);
  });

  it("renders a contact's Home with paging buttons", () => {
    const view: HomeView = {
      kind: "contact_home",
      locale: "zh",
      title: "督办 · 我的任务",
      intro: "点击“填报进展”报送",
      emptyText: "无",
      totals: { green: 0, yellow: 0, red: 12 },
      tasks: { items: [task()], total: 12 },
      paging: {
        page: 1,
        limit: 1,
        pageCount: 12,
        actions: [{ kind: "home_page", page: 2, label: "下一页" }],
      },
    };
    const { lines, actions } = renderHomeView(view, plain, 1);
    expect(lines[0]).toBe("督办 · 我的任务   [绿] 0  [黄] 0  [红] 12");
    expect(lines.at(-1)).toBe("第 1/12 页  [2] 下一页");
    expect(actions.map((action) => action.kind)).toEqual(["report", "home_page"]);
  });
});

describe("long lists", () => {
  it("shows at most MAX_TASK_ITEMS tasks in full and says how to narrow the rest", () => {
    const tasks = Array.from({ length: 84 }, (_, index) =>
      task({ taskId: `t${index}`, actions: [{ kind: "report", taskId: `t${index}`, label: "填报进展" }] }),
    );
    const { lines, actions } = renderMessage(status("zh", "进展：（五）", tasks), plain, 1);
    expect(actions).toHaveLength(20);
    expect(lines.at(-1)).toBe("  …还有 64 项未列出：用 /duban status <措施|部门> 缩小范围。");
  });
});
