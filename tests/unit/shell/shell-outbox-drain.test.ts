import { describe, expect, it } from "vitest";
import { buildNoticeMessage } from "../../../src/domain/messages/build-notice-message.ts";
import { AGRICULTURE, createFakeShell, run } from "./fake-shell-context.ts";

describe("the shell drains the outbox after every command", () => {
  it("shows a DM the outbox delivers late (a retry) after the command during which it went out", async () => {
    const passes: Date[] = [];
    const shell = createFakeShell({
      schedule: {
        upcoming: async () => [],
        runDue: async () => [],
        deliverDue: async (now) => {
          passes.push(now);
          if (passes.length === 2) {
            const retried = buildNoticeMessage("zh", "info", ["稍后送达的私信"]);
            await shell.notifier.sendDirectMessage(AGRICULTURE, retried);
          }
        },
      },
    });
    const text = await run(shell, "/clock", "/clock");
    expect(passes).toEqual([shell.context.clock.now(), shell.context.clock.now()]);
    const [first = "", second = ""] = text.split("演示督查员> /clock").slice(1);
    expect(first).not.toContain("稍后送达的私信");
    expect(second).toContain("→ DM to 演示联络员·市农业农村局");
    expect(second).toContain("稍后送达的私信");
  });

  it("logs a failed delivery pass and goes on (the next command tries again)", async () => {
    let calls = 0;
    const shell = createFakeShell({
      schedule: {
        upcoming: async () => [],
        runDue: async () => [],
        deliverDue: async () => {
          calls += 1;
          throw new Error("database went away");
        },
      },
    });
    const text = await run(shell, "/clock", "/clock");
    expect(calls).toBe(2);
    expect(text.match(/方案时间：/g)).toHaveLength(2);
    expect(shell.logged()).toContain("delivering the outbox failed");
  });
});
