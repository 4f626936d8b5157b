import { describe, expect, it } from "vitest";
import { buildReportForm } from "../../../src/domain/messages/build-report-form.ts";
import { validateReportForm } from "../../../src/domain/messages/report-form-schema.ts";

const task = {
  id: "task-5",
  measure: { id: "m5", number: 5, label: "（五）", title: "拓宽就地就近就业渠道", section: null },
  department: { id: "city-human-resources", name: "市人力资源社会保障局" },
};

describe("validateReportForm", () => {
  it("accepts a complete report, trimming text, folding full-width digits and reading links one per line", () => {
    const result = validateReportForm(
      {
        status: "in_progress",
        percent: "６０%",
        done: "  举办招聘会 ",
        nextSteps: "",
        blocker: null,
        evidence: "https://a.gov.cn/1\nhttps://a.gov.cn/2",
      },
      "zh",
    );
    expect(result).toEqual({
      ok: true,
      values: {
        status: "in_progress",
        percent: 60,
        done: "举办招聘会",
        nextSteps: null,
        blocker: null,
        evidence: ["https://a.gov.cn/1", "https://a.gov.cn/2"],
      },
    });
  });

  it("accepts the status as the form's Chinese or English label, and no percent", () => {
    expect(validateReportForm({ status: "受阻", done: "x", blocker: "资金未到位" }, "zh")).toMatchObject({
      ok: true,
      values: { status: "blocked", percent: null },
    });
    expect(validateReportForm({ status: "Done", done: "x" }, "en")).toMatchObject({
      ok: true,
      values: { status: "done" },
    });
  });

  it("reports every bad field at once, worded in the reader's language", () => {
    expect(validateReportForm({ status: "blocked", percent: "120", done: " " }, "zh")).toEqual({
      ok: false,
      errors: {
        percent: "进度请填 0 到 100 之间的整数",
        done: "请填写已完成的工作",
        blocker: "受阻时请填写受阻原因",
      },
    });
    expect(validateReportForm({}, "en")).toEqual({
      ok: false,
      errors: { status: "Choose a status", done: "Say what was done" },
    });
  });

  it("checks that the percent fits the status, the percent's form and the evidence links", () => {
    const errors = (input: Record<string, string>) => {
      const result = validateReportForm(input, "en");
      return result.ok ? {} : result.errors;
    };
    expect(errors({ status: "done", percent: "80", done: "x" })).toEqual({
      percent: "A done task is at 100",
    });
    expect(errors({ status: "not_started", percent: "10", done: "x" })).toEqual({
      percent: "A task not started is at 0",
    });
    for (const negative of ["-20", "－20%", "−20"])
      expect(errors({ status: "in_progress", percent: negative, done: "x" })).toEqual({
        percent: "Enter a whole number from 0 to 100",
      });
    expect(errors({ status: "in_progress", percent: "sixty", done: "x" })).toEqual({
      percent: "Enter a whole number from 0 to 100",
    });
    expect(errors({ status: "in_progress", done: "x", evidence: "ftp://files/a" })).toEqual({
      evidence: "Enter links starting with http:// or https://, one per line",
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `https://a.gov.cn/${i}`).join("\n");
    expect(errors({ status: "in_progress", done: "x", evidence: eleven })).toEqual({
      evidence: "At most 10 links",
    });
    expect(errors({ status: "in_progress", done: "x".repeat(2001) })).toEqual({ done: "Too long" });
  });

  it("removes control characters from every field, and refuses a field made only of them beside the other errors", () => {
    expect(
      validateReportForm(
        {
          status: "in_progress\u0000",
          percent: "6\u00000",
          done: "招聘会\u0000 3 场",
          nextSteps: "12 月\u001b再办\ud800",
        },
        "zh",
      ),
    ).toMatchObject({
      ok: true,
      values: { status: "in_progress", percent: 60, done: "招聘会 3 场", nextSteps: "12 月再办" },
    });
    expect(
      validateReportForm(
        { status: "blocked", percent: "-20", done: "\u0000 \u0000", blocker: "\u0085" },
        "zh",
      ),
    ).toEqual({
      ok: false,
      errors: {
        percent: "进度请填 0 到 100 之间的整数",
        done: "只包含不可见的控制字符，请重新填写",
        blocker: "只包含不可见的控制字符，请重新填写",
      },
    });
    expect(validateReportForm({ status: "\u0000", done: "x" }, "en")).toEqual({
      ok: false,
      errors: { status: "Holds only invisible control characters; type it again" },
    });
  });
});

describe("buildReportForm", () => {
  it("offers the four statuses, marks what is required, starts from the given values, and keeps Slack's title limit", () => {
    const form = buildReportForm("zh", task, { status: "in_progress", percent: 60 });
    expect(form.title.length).toBeLessThanOrEqual(24);
    expect(form.taskText).toBe("（五）拓宽就地就近就业渠道 · 市人力资源社会保障局");
    const [status, percent, done, , blocker] = form.fields;
    expect(status?.options.map((o) => o.label)).toEqual(["未启动", "推进中", "已完成", "受阻"]);
    expect(status?.initial).toBe("in_progress");
    expect(percent?.initial).toBe("60");
    expect(done?.required).toBe(true);
    expect(blocker).toMatchObject({ required: false, requiredWhenStatus: "blocked" });
    const edit = buildReportForm(
      "en",
      task,
      { status: "blocked", percent: 30, done: "half", blocker: "funds", evidence: ["https://a"] },
      "r1",
    );
    expect(edit.title).toBe("Edit report");
    expect(edit.reportId).toBe("r1");
    expect(edit.fields.find((field) => field.id === "evidence")?.initial).toBe("https://a");
  });
});
