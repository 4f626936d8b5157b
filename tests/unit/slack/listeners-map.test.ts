import { readFile } from "node:fs/promises";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ACTION_IDS,
  CALLBACK_IDS,
  DUBAN_COMMAND,
  HOME_PAGE_ACTION_PATTERN,
} from "../../../src/adapters/slack/ids.ts";
import { registerListeners } from "../../../src/adapters/slack/listeners/index.ts";
import type { ListenerDeps } from "../../../src/adapters/slack/listeners/listener-deps.ts";
import { SNOOZE_ACTION_ID } from "../../../src/adapters/slack/snooze-action.ts";

/** An App that only records what is registered on it (listeners are built, never called). */
function recordingApp() {
  const registered = {
    command: [] as unknown[],
    action: [] as unknown[],
    view: [] as unknown[],
    event: [] as unknown[],
  };
  const app = {
    command: (id: unknown) => registered.command.push(id),
    action: (id: unknown) => registered.action.push(id),
    view: (id: unknown) => registered.view.push(id),
    event: (id: unknown) => registered.event.push(id),
  };
  return { app: app as unknown as App, registered };
}

describe("listeners/index.ts", () => {
  it("registers every command, button, modal and event Duban answers, and only events the manifest subscribes to", async () => {
    const { app, registered } = recordingApp();
    registerListeners(app, {} as ListenerDeps);
    expect(registered.command).toEqual([DUBAN_COMMAND]);
    expect(registered.action).toEqual([
      ACTION_IDS.report,
      ACTION_IDS.editReport,
      ACTION_IDS.approve,
      ACTION_IDS.return,
      HOME_PAGE_ACTION_PATTERN,
      SNOOZE_ACTION_ID,
      ACTION_IDS.webBoard,
    ]);
    expect(registered.view).toEqual([CALLBACK_IDS.reportForm, CALLBACK_IDS.returnReason]);
    expect(registered.event).toEqual(["app_home_opened", "message"]);

    const manifest = parse(await readFile("slack-app-manifest.yaml", "utf8")) as {
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    // the manifest's "message.im" is delivered to Bolt as the "message" event
    const subscribed = manifest.settings.event_subscriptions.bot_events.map((event) => event.split(".")[0]);
    for (const event of registered.event) expect(subscribed).toContain(event);
  });
});
