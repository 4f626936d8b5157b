import { describe, expect, it } from "vitest";
import { html } from "../../../src/adapters/web/html.ts";
import { measureRecordSection } from "../../../src/adapters/web/pages/measure-record.ts";

describe("html templates", () => {
  it("escapes every value that is not itself a template, in text and in attributes", () => {
    const name = `<script>alert("x")</script>&'`;
    const out = html`<p title="${name}">${name}</p>${html`<b>${"ok"}</b>`}`.text;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p><b>ok</b>',
    );
  });

  it("joins arrays and drops null, undefined and false", () => {
    expect(html`${["a", "<", 1]}|${null}${undefined}${false}`.text).toBe("a&lt;1|");
  });

  it("never links evidence that is not http(s)", () => {
    const report = {
      id: "r",
      taskId: "t",
      departmentName: "D",
      authorName: "A",
      at: new Date("2026-11-20T02:00:00Z"),
      statusText: "in progress",
      done: "done",
      nextSteps: null,
      blocker: null,
      evidence: [{ kind: "link" as const, url: "javascript:alert(1)" }],
      edited: false,
      withdrawn: false,
    };
    const page = measureRecordSection(
      "en",
      {
        measure: { id: "m", number: 1, label: "(1)", title: "T", section: null },
        leads: [],
        tasks: [],
        taskCount: 0,
        taskPage: 1,
        recordTasks: [],
        timeZone: "Asia/Shanghai",
        reports: [report],
      },
      { entries: [{ kind: "report", at: report.at, report }], total: 1, page: 1 },
    ).text;
    expect(page).toContain('href="#"');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain("2026-11-20 10:00");
  });
});
