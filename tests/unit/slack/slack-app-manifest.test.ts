import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH } from "../../../src/adapters/slack/create-slack-app.ts";
import { DUBAN_COMMAND } from "../../../src/adapters/slack/ids.ts";

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: Array<{ command: string; url: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe("slack-app-manifest.yaml", () => {
  it("declares what the adapter listens to and the scopes of every Web API method it calls", async () => {
    const manifest = parse(await readFile("slack-app-manifest.yaml", "utf8")) as Manifest;
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: DUBAN_COMMAND, should_escape: true });
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "message.im",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      command?.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(new URL(String(url)).pathname).toBe(SLACK_EVENTS_PATH);
    }
    // chat.postMessage, commands, conversations.open, message.im, users.info, users.lookupByEmail,
    // files.info and the report form's file_input
    for (const scope of [
      "chat:write",
      "commands",
      "im:write",
      "im:history",
      "users:read",
      "users:read.email",
      "files:read",
    ]) {
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
