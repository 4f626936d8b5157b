import { describe, expect, it } from "vitest";
import { digestMainBlocks } from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { renderDigestMarkdown } from "../../../src/cli/format/render-digest-markdown.ts";
import type { DigestFacts } from "../../../src/domain/digest/classify-digest-tasks.ts";
import { boardSections } from "../../../src/domain/messages/build-board-message.ts";
import { buildDigestMessage } from "../../../src/domain/messages/build-digest-message.ts";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import { nanyangTaskItems } from "../../fixtures/nanyang-task-items.ts";

async function digestWith(statutoryOnlyYear: number | null, locale: "zh" | "en" = "zh") {
  const { planTitle, measures, tasks } = await nanyangTaskItems(locale);
  const facts: DigestFacts = {
    cycleKey: "2026-11",
    dueOn: "2026-11-25",
    totals: { green: 1, yellow: 0, red: 0 },
    taskCount: 1,
    sections: boardSections(measures, tasks),
    reported: [],
    notReported: [],
    overdue: [],
    blocked: [],
    completed: [],
    approved: [],
  };
  const heading = {
    planTitle,
    weekKey: "2026-W49",
    asOf: new Date("2026-11-30T01:00:00Z"),
    timeZone: "Asia/Shanghai",
    dueAt: null,
    statutoryOnlyYear,
  };
  return buildDigestMessage(locale, heading, facts);
}

describe("the weekly digest's footer about a year without its State Council notice", () => {
  it("says it in the readers' language, last in the Slack message and the Markdown", async () => {
    const digest = await digestWith(2027);
    expect(digest.calendarNote).toBe(
      "日历提示：2027年的国务院节假日安排通知尚未导入，该年工作日暂只按法定节假日计算（调休未知）；请管理员导入：duban calendar import <通知.txt|.docx>",
    );
    const blocks = digestMainBlocks(digest);
    expect(blocks.at(-1)).toMatchObject({ type: "context", block_id: "calendar" });
    expect(JSON.stringify(blocks.at(-1))).toContain("2027年的国务院节假日安排通知尚未导入");
    expect(validateMessage({ text: digest.summary, blocks })).toBeUndefined();
    expect(renderDigestMarkdown(digest).endsWith(`> ${digest.calendarNote}`)).toBe(true);
    expect((await digestWith(2027, "en")).calendarNote).toContain(
      "2027: statutory holidays only, 调休 not yet known — an admin should add the State Council notice",
    );
  });

  it("says nothing when every year involved has its notice", async () => {
    const digest = await digestWith(null);
    expect(digest.calendarNote).toBeNull();
    expect(digestMainBlocks(digest).some((block) => block.block_id === "calendar")).toBe(false);
    expect(renderDigestMarkdown(digest)).not.toContain("日历提示");
  });
});
