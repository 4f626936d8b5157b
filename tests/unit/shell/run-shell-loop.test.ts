import { describe, expect, it } from "vitest";
import { buildNoticeMessage } from "../../../src/domain/messages/build-notice-message.ts";
import { buildReportForm } from "../../../src/domain/messages/build-report-form.ts";
import type { OutboundMessage } from "../../../src/domain/messages/message-types.ts";
import type { Firing } from "../../../src/domain/schedule/next-firings.ts";
import { outcome } from "../../../src/services/core/core-outcome.ts";
import { AGRICULTURE, createFakeShell, run, SUPERVISOR } from "./fake-shell-context.ts";

const TASK = {
  id: "task-1",
  measure: { id: "m1", number: 1, label: "（一）", title: "做大做强安置点周边优势特色产业", section: null },
  department: { id: "city-agriculture", name: "市农业农村局" },
};

const URGE: OutboundMessage = {
  kind: "urge",
  locale: "zh",
  summary: "催办：市农业农村局",
  title: "催办：市农业农村局",
  intro: "演示督查员 请您尽快报送以下 1 项任务的进展。",
  tasks: [
    {
      taskId: TASK.id,
      measure: { number: 1, label: "（一）", title: TASK.measure.title },
      departmentName: "市农业农村局",
      status: "NOT_STARTED",
      statusText: "未启动",
      percent: 0,
      light: "yellow",
      lightReason: "not_started",
      lightText: "未启动",
      dueOn: "2026-11-25",
      lastReport: null,
      actions: [{ kind: "report", taskId: TASK.id, label: "填报进展" }],
    },
  ],
  replyHint: "直接回复",
};

describe("the shell's command loop", () => {
  it("acts as a department's demo contact by the department's name or alias, and lists the demo people", async () => {
    const shell = createFakeShell();
    const text = await run(shell, "/as 农业农村局", "/as");
    expect(shell.context.session.actor.person).toEqual(AGRICULTURE);
    expect(text).toContain("现在您是 演示联络员·市农业农村局（联络员 · 市农业农村局）。");
    expect(text).toMatch(/演示联络员·市农业农村局 {2}联络员 · 市农业农村局 {2}← 当前/);
    const unknown = await run(shell, "/as 市外星局");
    expect(unknown).toContain("✗ 找不到“市外星局”");
  });

  it("shows a DM to someone else unnumbered, and to its recipient numbered and pressable", async () => {
    const shell = createFakeShell();
    shell.core.runCommand.mockImplementation(async () => {
      await shell.notifier.sendDirectMessage(AGRICULTURE, URGE);
      return outcome([buildNoticeMessage("zh", "success", ["已催办“市农业农村局”"])]);
    });
    const urged = await run(shell, "/duban remind 市农业农村局");
    expect(shell.core.runCommand).toHaveBeenCalledWith(
      expect.objectContaining({ externalId: SUPERVISOR.externalId }),
      "remind 市农业农村局",
    );
    expect(urged).toContain("✓ 已催办“市农业农村局”\n→ DM to 演示联络员·市农业农村局:\n  催办：市农业农村局");
    expect(urged).toContain("[填报进展]");
    expect(urged).not.toMatch(/\[\d+\] 填报进展/);
    expect(shell.context.session.actions).toEqual([]);

    const read = await run(shell, "/as 市农业农村局", "/inbox", "/press 1");
    expect(read).toContain("有 1 条未读督办私信：/inbox 查看。");
    expect(read).toContain("← DM from Duban:\n  催办：市农业农村局");
    expect(read).toContain("[1] 填报进展");
    expect(shell.core.openReportForm).toHaveBeenCalledWith(
      expect.objectContaining({ externalId: AGRICULTURE.externalId }),
      TASK.id,
    );
  });

  it("sends free text in the thread of the actor's last DM from Duban, and /dm outside any thread", async () => {
    const shell = createFakeShell();
    const ref = await shell.notifier.sendDirectMessage(AGRICULTURE, URGE);
    await run(shell, "/as 市农业农村局", "推进中，约八成", "/dm （一）已完成");
    const [inThread, direct] = shell.core.recordReply.mock.calls.map(([reply]) => reply);
    expect(inThread).toMatchObject({
      text: "推进中，约八成",
      channel: ref.channel,
      threadTs: ref.ts,
      source: "SHELL",
    });
    expect(direct).toMatchObject({
      text: "（一）已完成",
      channel: ref.channel,
      threadTs: null,
      source: "SHELL",
    });
    expect(inThread.eventId).not.toBe(direct.eventId);
    expect(inThread.ts).not.toBe(direct.ts);
  });

  it("prompts the report form field by field, shows the core's field errors and asks those fields again", async () => {
    const shell = createFakeShell();
    shell.context.session.actor = {
      user: { platform: "shell", externalId: AGRICULTURE.externalId },
      person: AGRICULTURE,
    };
    shell.core.runCommand.mockResolvedValue(
      outcome([], { openForm: buildReportForm("zh", TASK, { status: "not_started", percent: 0 }) }),
    );
    shell.core.submitReportForm
      .mockResolvedValueOnce({ kind: "invalid", errors: { done: "请填写已完成的工作" } })
      .mockResolvedValueOnce({
        kind: "done",
        outcome: outcome([buildNoticeMessage("zh", "success", ["已记录进展"])]),
      });
    const text = await run(
      shell,
      "/duban report 1",
      "4",
      "30",
      "",
      "",
      "资金未到位",
      "",
      "/home",
      "完成前期调研",
    );
    expect(text).toContain("状态（必填）: 1) 未启动  2) 推进中  3) 已完成  4) 受阻 [未启动]");
    expect(text).toContain("  受阻原因> 资金未到位");
    expect(text).toContain("✗ 已完成工作：请填写已完成的工作");
    expect(text).toContain("正在填表：请回答本项，或输入 /cancel 取消。");
    expect(text).toContain("✓ 已记录进展");
    const submissions = shell.core.submitReportForm.mock.calls.map(([submission]) => submission);
    expect(submissions).toHaveLength(2);
    expect(submissions[1]).toMatchObject({
      taskId: TASK.id,
      reportId: null,
      source: "SHELL",
      values: {
        status: "blocked",
        percent: "30",
        done: "完成前期调研",
        nextSteps: null,
        blocker: "资金未到位",
        evidence: null,
      },
    });
  });

  it("asks the blocker only when the status is 受阻, and stores nothing on /cancel", async () => {
    const shell = createFakeShell();
    shell.core.runCommand.mockResolvedValue(
      outcome([], { openForm: buildReportForm("zh", TASK, { status: "in_progress", percent: 20 }) }),
    );
    const kept = await run(shell, "/duban report 1", "", "", "完成招标", "", "");
    expect(kept).not.toContain("受阻原因>");
    expect(shell.core.submitReportForm.mock.calls[0]?.[0].values).toMatchObject({
      status: "in_progress",
      percent: "20",
      blocker: null,
    });
    const cancelled = await run(shell, "/duban report 1", "2", "/cancel");
    expect(cancelled).toContain("已取消，未保存。");
    expect(shell.core.submitReportForm).toHaveBeenCalledTimes(1);
  });

  it("answers a mistake with one line and an unexpected error with an apology, logged, never a stack trace", async () => {
    const shell = createFakeShell();
    shell.core.runCommand.mockRejectedValue(new Error("database went away"));
    const text = await run(shell, "/frobnicate", "/press 3", "/tick soon", "/duban tasks", "/help");
    expect(text).toContain("✗ 不认识的命令 /frobnicate。输入 /help 查看可用命令。");
    expect(text).toContain("✗ 现在没有可点击的按钮");
    expect(text).toContain("✗ 用法：/tick [n]");
    expect(text).toContain("✗ 抱歉，出了点问题，这次操作没有完成（已记入日志）。请再试一次。");
    expect(text).toContain("/as <部门|姓名>");
    expect(text).not.toMatch(/\n\s+at /);
    expect(shell.logged()).toContain("database went away");
  });

  it("/tick jumps the plan clock to the next firing and runs what is due at that instant", async () => {
    const instant = new Date("2026-11-20T01:30:00Z");
    const firing: Firing = {
      slot: "reminder:2026-11:first",
      kind: "first",
      cycleKey: "2026-11",
      on: "2026-11-20",
      at: "09:30",
      instant,
      reason: "Fri 2026-11-20: first reminder for 2026-11",
      calendarCovered: true,
    };
    const ranAt: Date[] = [];
    const shell = createFakeShell({
      schedule: {
        upcoming: async (now) => (now <= instant ? [firing] : []),
        runDue: async (now) => {
          ranAt.push(now);
          return [{ slot: firing.slot, outcome: "ran", note: "queued 22 message(s)", late: false }];
        },
      },
    });
    const text = await run(shell, "/clock", "/tick 2");
    expect(text).toContain("方案时间：2026-11-19 10:00 周四 (Asia/Shanghai)");
    expect(text).toContain("下一次定时任务：2026-11-20 09:30 周五 (Asia/Shanghai)  first");
    expect(text).toContain("⏰ 2026-11-20 09:30 周五");
    expect(text).toContain("reminder:2026-11:first: ran, queued 22 message(s)");
    expect(text).toContain("没有待执行的定时任务。");
    expect(ranAt).toEqual([instant]);
    expect(shell.context.clock.now()).toEqual(instant);
  });
});
