import { describe, expect, it } from "vitest";
import { withCleanInput } from "../../../src/services/core/clean-core-input.ts";
import { outcome } from "../../../src/services/core/core-outcome.ts";

/** A core whose methods record the arguments they were given. */
function recordingCore() {
  const calls: Array<[string, unknown[]]> = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, args]);
      return outcome([]);
    };
  const core = {
    recordReply: record("recordReply"),
    runCommand: record("runCommand"),
    importContacts: record("importContacts"),
    submitReportForm: record("submitReportForm"),
    addedLater: record("addedLater"),
  };
  return { core: withCleanInput(core), calls };
}

const user = { platform: "slack", externalId: "U1\u0000", displayName: "张\u0000三", locale: "en-US" };

describe("withCleanInput", () => {
  it("cleans every string of every argument, arrays and nested objects included, in methods it does not name", async () => {
    const { core, calls } = recordingCore();
    const directory = { platform: "slack", lookupByEmail: async () => null };
    await core.runCommand(user, "tasks\u001b");
    await core.importContacts([{ line: 2, name: "赵\u0001六" }], directory, "cli\u0000");
    await core.addedLater({ deep: [{ text: "a\u0085b" }] });
    expect(calls).toEqual([
      ["runCommand", [{ ...user, externalId: "U1", displayName: "张三" }, "tasks"]],
      ["importContacts", [[{ line: 2, name: "赵六" }], directory, "cli"]],
      ["addedLater", [{ deep: [{ text: "ab" }] }]],
    ]);
    expect(calls[1]?.[1][1]).toBe(directory); // a port is passed on as it is
  });

  it("leaves a form's values to the form's validation, cleaning the rest of the submission", async () => {
    const { core, calls } = recordingCore();
    await core.submitReportForm({ user, taskId: "t\u0000", values: { done: "\u0000" } });
    expect(calls).toEqual([
      [
        "submitReportForm",
        [
          {
            user: { ...user, externalId: "U1", displayName: "张三" },
            taskId: "t",
            values: { done: "\u0000" },
          },
        ],
      ],
    ]);
  });

  it("answers a reply made only of control characters itself, in the person's language, and calls nothing", async () => {
    const { core, calls } = recordingCore();
    const answer = await core.recordReply({
      user,
      text: "\u0000 \ud800",
      channel: "D1",
      ts: "1.1",
      eventId: "E1",
    });
    expect(answer.replies).toMatchObject([{ kind: "notice", tone: "error", locale: "en" }]);
    expect(answer.replies[0]?.summary).toContain("only invisible control characters");
    expect(calls).toEqual([]);
    await core.recordReply({ user, text: "已完成\u0000", channel: "D1", ts: "1.2", eventId: "E2" });
    expect(calls[0]?.[1]).toMatchObject([{ text: "已完成", user: { displayName: "张三" } }]);
  });
});
