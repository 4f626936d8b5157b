import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type ConversationKind,
  METHOD_FACTS,
  readManifestScopes,
} from "../../fakes/slack-double/method-facts.ts";

/**
 * The bot scopes follow from what the code does: every Web API method called anywhere in src/ (found by
 * scanning for `client.<group>.<method>(` and `apiCall("<method>"` calls), each method's scope from Slack's docs (METHOD_FACTS, the table the
 * Slack double enforces with missing_scope), plus the scopes the manifest's slash command and events need.
 * A method Duban starts calling needs one line in METHOD_FACTS; a scope nothing needs any more fails here.
 */

/** For methods whose scope depends on the conversation: the kinds Duban calls them on. */
const DUBAN_CONVERSATION_KINDS: Record<string, ConversationKind[]> = {
  "conversations.open": ["im"], // DMs to one person
  "conversations.history": ["im", "public", "private"], // its DMs, and the digest channel (public or private)
  "conversations.info": ["public", "private"], // the digest channel
  "conversations.list": ["public", "private"], // the digest channel by name
};

/** Scopes the manifest's features need without a Web API call: the slash command and the events. */
const FEATURE_SCOPES: Record<string, string> = {
  slash_command: "commands",
  "message.im": "im:history",
  app_home_opened: "",
};

/** A WebClient call (`client.chat.postMessage(`) or a call by name (`apiCall("chat.postMessage"`). */
const WEB_API_CALL =
  /\bclient\.((?:chat|conversations|users|views|files|auth|reactions|pins|team|bots|usergroups)\.[a-zA-Z]+)\(|\bapiCall\(\s*["']([a-z]+\.[a-zA-Z.]+)["']/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes("/generated/") && !path.startsWith("src/domain"));
}

async function calledMethods(): Promise<Set<string>> {
  const methods = new Set<string>();
  for (const path of await sourceFiles("src")) {
    for (const match of (await readFile(path, "utf8")).matchAll(WEB_API_CALL))
      methods.add((match[1] ?? match[2]) as string);
  }
  return methods;
}

function scopesOf(method: string): string[] {
  const facts = METHOD_FACTS[method];
  if (facts === undefined)
    throw new Error(`add ${method} to METHOD_FACTS (tests/fakes/slack-double/method-facts.ts)`);
  if (Array.isArray(facts.scopes)) return [...(facts.scopes as readonly string[])].slice(0, 1);
  const byKind = facts.scopes as Partial<Record<ConversationKind, string>>;
  const kinds = DUBAN_CONVERSATION_KINDS[method];
  if (kinds === undefined) throw new Error(`say which conversations Duban calls ${method} on`);
  return kinds.flatMap((kind) => byKind[kind] ?? []);
}

async function neededScopes(): Promise<Set<string>> {
  const manifest = parse(await readFile("slack-app-manifest.yaml", "utf8")) as {
    features: { slash_commands?: unknown[] };
    settings: { event_subscriptions: { bot_events: string[] } };
  };
  const features = [
    ...(manifest.features.slash_commands?.length ? ["slash_command"] : []),
    ...manifest.settings.event_subscriptions.bot_events,
  ];
  const needed = new Set<string>();
  for (const feature of features) {
    const scope = FEATURE_SCOPES[feature];
    if (scope === undefined) throw new Error(`say which scope the ${feature} feature needs`);
    if (scope !== "") needed.add(scope);
  }
  for (const method of await calledMethods()) for (const scope of scopesOf(method)) needed.add(scope);
  return needed;
}

/** The scopes the README's table under "Install in your Slack workspace" lists. */
async function readmeScopes(): Promise<Set<string>> {
  const readme = await readFile("README.md", "utf8");
  const start = readme.indexOf("| scope");
  const table = readme.slice(start, readme.indexOf("\n\n", start)).split("\n").slice(2);
  return new Set(
    table.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)),
  );
}

describe("Slack scopes match the code", () => {
  it("finds the Web API methods the code calls", async () => {
    const methods = await calledMethods();
    for (const method of ["chat.postMessage", "conversations.history", "conversations.join", "users.list"])
      expect(methods).toContain(method);
    expect(methods).not.toContain("chat.delete"); // nothing deletes messages
  });

  it("asks the manifest for exactly the scopes those methods and its features need", async () => {
    expect(new Set(readManifestScopes())).toEqual(await neededScopes());
    expect(readManifestScopes()).not.toContain("im:read"); // DMs are opened, never inspected
  });

  it("lists exactly the manifest's scopes in the README", async () => {
    expect(await readmeScopes()).toEqual(new Set(readManifestScopes()));
  });
});
