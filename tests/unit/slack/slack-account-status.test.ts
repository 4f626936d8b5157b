import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import {
  createSlackAccountStatus,
  USERS_LIST_PAGE,
} from "../../../src/adapters/slack/create-slack-account-status.ts";
import { createSlackWorkspace } from "../../fakes/slack-double/create-slack-workspace.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";

/** A provincial plan's workspace: one contact per lead department of a 100,000-task plan. */
const MEMBERS = 5_000;
const memberId = (n: number) => `UM${String(n).padStart(7, "0")}`;

describe("deactivated members in a large workspace", () => {
  let double: SlackDouble;
  beforeAll(async () => {
    const users = Array.from({ length: MEMBERS }, (_, n) => ({
      id: memberId(n),
      name: `member-${n}`,
      realName: `联络员${n}`,
    }));
    double = await startSlackDouble({ workspace: createSlackWorkspace({ users }) });
  });
  afterAll(async () => {
    await double?.close();
  });

  it("reads 5,000 members within users.list's Tier 2 minute, few calls, and finds the deactivated one", async () => {
    // the workspace's calls limited as the reminder bench limits them (burst 20, 5 a second)
    double.rateLimits.enforce({ workspaceBurst: 20, workspaceRefillPerSecond: 5 });
    const last = memberId(MEMBERS - 1);
    double.deactivateUser(last);
    const failures: unknown[] = [];
    const accounts = createSlackAccountStatus(
      createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl }),
      { onError: (error) => failures.push(error) },
    );
    expect(await accounts.isDeactivated(last)).toBe(true);
    expect(await accounts.isDeactivated(memberId(0))).toBe(false);
    expect(failures).toEqual([]);
    const calls = double.calls("users.list");
    expect(calls.map((call) => call.status)).toEqual(Array(MEMBERS / USERS_LIST_PAGE).fill(200));
  });
});
