import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { DoubleState } from "./double-state.ts";
import type { ApiArgs } from "./parse-api-request.ts";

/** The kinds of conversation a method's scope depends on (docs.slack.dev scopes: channels / groups / im / mpim). */
export type ConversationKind = "public" | "private" | "im" | "mpim";

/**
 * What Slack documents for each Web API method the double implements (docs.slack.dev/reference/methods/<method>,
 * "Facts": bot-token scopes and rate-limit tier). `scopes` is either the scopes any one of which will do, or the
 * one scope per kind of conversation the call is about. Tier: 2 = 20+/min, 3 = 50+/min, 4 = 100+/min
 * (docs.slack.dev/apis/web-api/rate-limits); "special" = chat.postMessage's own limit (about one message per
 * second per channel) or none the double models.
 *
 * A method Duban starts calling needs its line here: tests/unit/slack/slack-scopes.test.ts fails until it has one.
 */
export const METHOD_FACTS: Record<
  string,
  {
    scopes: readonly string[] | Readonly<Partial<Record<ConversationKind, string>>>;
    tier: 2 | 3 | 4 | "special";
  }
> = {
  "auth.test": { scopes: [], tier: "special" },
  "chat.postMessage": { scopes: ["chat:write"], tier: "special" },
  "chat.postEphemeral": { scopes: ["chat:write"], tier: 4 },
  "chat.update": { scopes: ["chat:write"], tier: 3 },
  "chat.delete": { scopes: ["chat:write"], tier: 3 },
  "conversations.open": { scopes: { im: "im:write", mpim: "mpim:write" }, tier: 3 },
  "conversations.join": { scopes: ["channels:join"], tier: 3 },
  "conversations.info": {
    scopes: { public: "channels:read", private: "groups:read", im: "im:read", mpim: "mpim:read" },
    tier: 3,
  },
  "conversations.list": {
    scopes: { public: "channels:read", private: "groups:read", im: "im:read", mpim: "mpim:read" },
    tier: 2,
  },
  "conversations.history": {
    scopes: { public: "channels:history", private: "groups:history", im: "im:history", mpim: "mpim:history" },
    tier: 3,
  },
  "users.info": { scopes: ["users:read"], tier: 4 },
  "users.list": { scopes: ["users:read"], tier: 2 },
  "users.lookupByEmail": { scopes: ["users:read.email"], tier: 3 },
  "views.open": { scopes: [], tier: 4 },
  "views.push": { scopes: [], tier: 4 },
  "views.update": { scopes: [], tier: 4 },
  "views.publish": { scopes: [], tier: 4 },
  "files.getUploadURLExternal": { scopes: ["files:write"], tier: 4 },
  "files.completeUploadExternal": { scopes: ["files:write"], tier: 4 },
  "files.info": { scopes: ["files:read"], tier: 4 }, // docs.slack.dev/reference/methods/files.info: Tier 4
};

/** The bot scopes slack-app-manifest.yaml grants: what a workspace that installed Duban from it allows. */
export function readManifestScopes(
  path: string | URL = new URL("../../../slack-app-manifest.yaml", import.meta.url),
): string[] {
  const manifest = parse(readFileSync(path, "utf8")) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const scopes = manifest.oauth_config?.scopes?.bot;
  return Array.isArray(scopes) ? scopes.map(String) : [];
}

/** The kinds of conversation a call is about, where its scope depends on that. */
function kindsOf(method: string, args: ApiArgs, state: DoubleState): ConversationKind[] {
  if (method === "conversations.open") {
    const users = String(args.users ?? "")
      .split(",")
      .filter(Boolean);
    return [users.length > 1 ? "mpim" : "im"];
  }
  if (method === "conversations.list") {
    const types = String(args.types ?? "public_channel").split(",");
    const byType: Record<string, ConversationKind> = {
      public_channel: "public",
      private_channel: "private",
      im: "im",
      mpim: "mpim",
    };
    return types.flatMap((type) => (byType[type.trim()] ? [byType[type.trim()] as ConversationKind] : []));
  }
  const conversation = state.visibleChannel(args.channel, { allowUserId: false });
  if (conversation === undefined) return []; // the method answers channel_not_found itself
  if (conversation.kind === "channel") return [conversation.isPrivate ? "private" : "public"];
  return [conversation.kind];
}

/** The scope the call needs and the token lacks (missing_scope), or undefined when it may go on. */
export function missingScope(
  method: string,
  args: ApiArgs,
  state: DoubleState,
  granted: ReadonlySet<string>,
): string | undefined {
  const facts = METHOD_FACTS[method];
  if (facts === undefined) return undefined;
  if (Array.isArray(facts.scopes)) {
    const anyOf = facts.scopes as readonly string[];
    return anyOf.length === 0 || anyOf.some((scope) => granted.has(scope)) ? undefined : anyOf.join(",");
  }
  const byKind = facts.scopes as Partial<Record<ConversationKind, string>>;
  return kindsOf(method, args, state)
    .map((kind) => byKind[kind])
    .find((scope) => scope !== undefined && !granted.has(scope));
}
