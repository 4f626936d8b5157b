import { describe, expect, it } from "vitest";
import { renderHomeView } from "../../../src/adapters/slack/blocks/render-home-view.ts";
import {
  renderReportModal,
  reportFormErrors,
} from "../../../src/adapters/slack/blocks/render-report-modal.ts";
import { buildBoardMessage } from "../../../src/domain/messages/build-board-message.ts";
import { buildContactHome, buildSupervisorHome } from "../../../src/domain/messages/build-home-view.ts";
import { buildReportForm } from "../../../src/domain/messages/build-report-form.ts";
import { validateReportForm } from "../../../src/domain/messages/report-form-schema.ts";
import type { Locale } from "../../../src/domain/supervision/locale.ts";
import { validateView } from "../../fakes/slack-double/validate-view.ts";
import { nanyangTaskItems } from "../../fixtures/nanyang-task-items.ts";

function expectHomeAccepted(view: ReturnType<typeof renderHomeView>) {
  expect(validateView(view, ["home"])).toEqual([]);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  const ids = view.blocks.map((block) => block.block_id).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
}

describe.each<Locale>(["zh", "en"])("App Home and the report modal (%s)", (locale) => {
  it("a supervisor's Home of the whole Nanyang plan stays within 100 blocks at the largest page size", async () => {
    const { planTitle, measures, tasks } = await nanyangTaskItems(locale, ["approve", "return"]);
    const board = buildBoardMessage(locale, planTitle, measures, tasks);
    for (const request of [{}, { page: 2, limit: 25 }, { page: 999, limit: 25 }]) {
      const home = buildSupervisorHome(board, request);
      const view = renderHomeView(home);
      expectHomeAccepted(view);
      expect(JSON.stringify(view.blocks)).toContain("duban.home_page");
    }
  });

  it("a contact's Home pages their tasks, and shows the empty text when they have none", async () => {
    const { tasks } = await nanyangTaskItems(locale, ["report"]);
    const view = renderHomeView(buildContactHome(locale, tasks.slice(0, 120), { page: 3, limit: 25 }));
    expectHomeAccepted(view);
    expect(view.blocks.filter((block) => block.type === "section" && "accessory" in block)).toHaveLength(25);
    const empty = renderHomeView(buildContactHome(locale, []));
    expectHomeAccepted(empty);
    expect(JSON.stringify(empty.blocks)).not.toContain("duban.home_page");
  });

  it("the report modal passes Slack's view checks, prefilled with the longest values the form accepts", () => {
    const task = {
      id: "t1",
      measure: {
        id: "m",
        number: 5,
        label: "（五）",
        title: "拓宽就地就近就业渠道".repeat(100),
        section: null,
      },
      department: { id: "d", name: "市人力资源社会保障局" },
    };
    const initial = {
      status: "blocked" as const,
      percent: 40,
      done: "完".repeat(2000),
      nextSteps: "下".repeat(2000),
      blocker: "阻".repeat(1000),
      evidence: Array.from({ length: 10 }, (_, i) => `https://a.cn/${i}`),
    };
    for (const reportId of [null, "r1"]) {
      const modal = renderReportModal(
        buildReportForm(locale, task, initial, reportId),
        JSON.stringify({ task: "t1" }),
      );
      expect(validateView(modal, ["modal"])).toEqual([]);
      expect([...(modal.title.text as string)].length).toBeLessThanOrEqual(24);
    }
  });

  it("report form errors are keyed by the inputs' block ids", () => {
    const result = validateReportForm({ status: "blocked", percent: "150", done: "" }, locale);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = reportFormErrors(result.errors);
    expect(Object.keys(errors).sort()).toEqual(["report.blocker", "report.done", "report.percent"]);
  });
});
