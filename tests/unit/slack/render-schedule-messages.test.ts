import { describe, expect, it } from "vitest";
import {
  digestMainBlocks,
  digestThreadMessages,
  splitThreadPart,
} from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { blockTextLength, MESSAGE_TEXT_BUDGET } from "../../../src/adapters/slack/blocks/message-budget.ts";
import { renderMessage } from "../../../src/adapters/slack/blocks/render-message.ts";
import { renderDigestMarkdown } from "../../../src/cli/format/render-digest-markdown.ts";
import type { DigestFacts } from "../../../src/domain/digest/classify-digest-tasks.ts";
import { boardSections } from "../../../src/domain/messages/build-board-message.ts";
import { buildDigestMessage } from "../../../src/domain/messages/build-digest-message.ts";
import { buildEscalationMessage } from "../../../src/domain/messages/build-escalation-message.ts";
import { buildReminderMessage } from "../../../src/domain/messages/build-reminder-message.ts";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import { nanyangTaskItems } from "../../fixtures/nanyang-task-items.ts";

const LONG =
  "资金未到位，需协调市财政局、发展改革委和乡村振兴局共同解决安置点配套设施建设用地审批问题。".repeat(6);

function expectValid(message: { text: string; blocks: unknown[] }) {
  expect(validateMessage(message)).toBeUndefined();
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
}

describe("Slack rendering of reminders, escalations and digests", () => {
  it("renders a reminder of many long tasks in one message, counting those left out, with the snooze button", async () => {
    const { tasks } = await nanyangTaskItems("zh");
    const header = {
      rung: "overdue" as const,
      cycleKey: "2026-11",
      dueOn: "2026-11-25",
      dueTime: "18:00",
      workingDays: 3,
      onBehalfOf: ["王五"],
      snoozable: true,
    };
    const message = buildReminderMessage("zh", header, tasks.slice(0, 120), 120);
    const rendered = renderMessage(message);
    expectValid(rendered);
    const text = JSON.stringify(rendered.blocks);
    expect(text).toContain("duban.snooze");
    expect(text).toMatch(/还有 \d+ 项未列出/);
    expect(rendered.text).toContain("催办：2026年11月进展已逾期 3 个工作日（代 王五）");
  });

  it("renders a supervisors' escalation with every department behind and the unreachable ones", async () => {
    const { tasks } = await nanyangTaskItems("en");
    const departments = Array.from({ length: 300 }, (_, n) => ({
      name: `邓州市住房和城乡建设局第${n}分局`,
      overdueTasks: 300 - n,
    }));
    const unreachable = Array.from({ length: 80 }, (_, n) => `南召县某某局${n}`);
    const header = {
      audience: "supervisor" as const,
      cycleKey: "2026-11",
      dueOn: "2026-11-25",
      dueTime: "18:00",
      workingDaysOverdue: 5,
      departments,
      totalDepartments: 300,
      unreachable,
      onBehalfOf: [],
    };
    const rendered = renderMessage(buildEscalationMessage("en", header, tasks.slice(0, 40), 1190));
    expectValid(rendered);
    expect(JSON.stringify(rendered.blocks)).toContain("No contact to remind (80)");
  });

  it("renders a lead contact's escalation with report buttons", async () => {
    const { tasks } = await nanyangTaskItems("zh");
    const header = {
      audience: "lead_contact" as const,
      cycleKey: "2026-W48",
      dueOn: "2026-11-27",
      dueTime: "18:00",
      workingDaysOverdue: 5,
      departments: [{ name: "市农业农村局", overdueTasks: 0 }],
      totalDepartments: 1,
      unreachable: [],
      onBehalfOf: [],
    };
    const rendered = renderMessage(buildEscalationMessage("zh", header, tasks.slice(0, 60), 60));
    expectValid(rendered);
    expect(JSON.stringify(rendered.blocks)).toContain("duban.report");
  });

  it("splits a digest with long lists into a main message and thread messages, each within Slack's limits", async () => {
    const { planTitle, measures, tasks } = await nanyangTaskItems("zh");
    const entry = (n: number) => ({
      measureLabel: "（二十一）",
      measureTitle: `强化督查考核与责任落实${n}`,
      departmentName: `邓州市人力资源和社会保障局${n}`,
      detail: LONG,
    });
    const entries = Array.from({ length: 1190 }, (_, n) => entry(n));
    const facts: DigestFacts = {
      cycleKey: "2026-11",
      dueOn: "2026-11-25",
      totals: { green: 400, yellow: 390, red: 400 },
      taskCount: 1190,
      sections: boardSections(measures, tasks),
      reported: Array.from({ length: 150 }, (_, n) => `内乡县农业农村局${n}`),
      notReported: Array.from({ length: 150 }, (_, n) => `淅川县乡村振兴局${n}`),
      overdue: entries.map((e, n) => ({ ...e, days: n % 9 })),
      blocked: entries,
      completed: entries,
      approved: entries,
    };
    const heading = {
      planTitle,
      weekKey: "2026-W49",
      asOf: new Date("2026-11-30T01:00:00Z"),
      timeZone: "Asia/Shanghai",
      dueAt: new Date("2026-11-30T01:00:00Z"),
    };
    const digest = buildDigestMessage("zh", heading, facts);
    expect(digest.summary.startsWith("【补发】")).toBe(true);
    expectValid({ text: digest.summary, blocks: digestMainBlocks(digest) });
    expectValid(renderMessage(digest));
    const thread = digestThreadMessages(digest);
    expect(thread.length).toBeGreaterThan(1);
    for (const part of thread) expectValid(part);
    // nothing dropped: every department named, every list there with each of its entries, and where the rest is
    const all = thread.map((part) => JSON.stringify(part.blocks)).join("\n");
    for (const name of [...facts.reported, ...facts.notReported]) expect(all).toContain(name);
    for (const title of [
      "本期未报送的部门（150）",
      "本期已报送的部门（150）",
      "逾期任务（1190）",
      "受阻任务（1190）",
    ])
      expect(all).toContain(title);
    expect(all.match(/• （二十一）/g)?.length).toBe(4 * 300); // each list keeps 300 entries, each shown briefly
    expect(all.match(/还有 890 项未列出：见督查人员的 App Home（督办）和台账/g)?.length).toBe(4);
    expect(all).toContain("（续）"); // a list going on in the next post says so
    expect(thread.map((part) => part.text)).toContain(`${digest.title}（2/${thread.length}）`);
  });

  it("splits a thread message Slack still refuses: its blocks in halves, a lone section by its lines", () => {
    const section = (text: string, id: string) => ({
      type: "section" as const,
      text: { type: "mrkdwn" as const, text },
      block_id: id,
    });
    const halves = splitThreadPart({
      text: "周报（1/1）",
      blocks: [section("一", "a"), section("二", "b"), section("三", "c")],
    });
    expect(halves?.map((half) => half.blocks.map((block) => block.block_id))).toEqual([["a", "b"], ["c"]]);
    const lines = splitThreadPart({ text: "周报", blocks: [section("一\n二\n三\n四", "d")] });
    expect(lines?.map((half) => JSON.stringify(half.blocks))).toEqual([
      expect.stringContaining("一\\n二"),
      expect.stringContaining("三\\n四"),
    ]);
    expect(splitThreadPart({ text: "周报", blocks: [section("一行", "e")] })).toBeNull();
  });

  it("keeps 表扬 / 通报 and the highlights when the board is too long for one message (the board gives way)", async () => {
    const { planTitle, measures, tasks } = await nanyangTaskItems("zh");
    // the Nanyang board five times over: far more sections than 50 blocks hold
    const sections = Array.from({ length: 5 }, () => boardSections(measures, tasks)).flat();
    const facts: DigestFacts = {
      cycleKey: "2026-12",
      dueOn: "2026-12-25",
      totals: { green: 1, yellow: 0, red: 0 },
      taskCount: 1,
      sections,
      reported: [],
      notReported: [],
      overdue: [],
      blocked: [],
      completed: [],
      approved: [],
    };
    const heading = {
      planTitle,
      weekKey: "2026-W53",
      asOf: new Date("2026-12-28T01:00:00Z"),
      timeZone: "Asia/Shanghai",
      dueAt: null,
    };
    const names = (prefix: string) =>
      Array.from({ length: 60 }, (_, n) => `${prefix}人力资源和社会保障局${n} 55.0 分`);
    const digest = buildDigestMessage("zh", heading, facts, {
      chart: null,
      assessment: {
        title: "2026年第四季度督查考核",
        periodKey: "2026-Q4",
        praise: names("邓州市"),
        lagging: names("淅川县"),
        note: "评分办法和每项得分的依据：/duban assess 2026-Q4",
      },
    });
    const blocks = digestMainBlocks(digest);
    expectValid({ text: digest.summary, blocks });
    const ids = blocks.map((block) => (block as { block_id?: string }).block_id);
    expect(ids.slice(-5)).toEqual(["highlights", "assessment", "assessment.note", "details", "web_board"]);
    // the web board button: each clicker gets their own sign-in link (listeners/actions/web-board-button.ts)
    const button = JSON.stringify(blocks.at(-1));
    expect(button).toContain('"action_id":"duban.web_board"');
    expect(button).toContain("在网页中查看");
    const listed = JSON.stringify(
      blocks.find((block) => (block as { block_id?: string }).block_id === "assessment"),
    );
    expect(listed).toContain("表扬");
    expect(listed).toContain("邓州市人力资源和社会保障局0 55.0 分");
    expect(listed).toContain("通报");
    const markdown = renderDigestMarkdown(digest);
    expect(markdown).toContain("## 2026年第四季度督查考核");
    expect(markdown).toMatch(/- \*\*通报\*\*：淅川县人力资源和社会保障局0 55\.0 分、/);
    expect(markdown).toContain("/duban assess 2026-Q4");
    // without lists or chart, nothing of them shows
    const plain = digestMainBlocks(buildDigestMessage("zh", heading, facts));
    expect(JSON.stringify(plain)).not.toContain("表扬");
    expect(JSON.stringify(plain)).not.toContain("进展图");
  });
});
