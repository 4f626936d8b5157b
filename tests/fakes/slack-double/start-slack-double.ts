import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CallPredicate, createCallLog, type RecordedCall } from "./create-call-log.ts";
import { createRequestAnswerer, jsonAnswer, readBody } from "./create-request-answerer.ts";
import { createSlackIds } from "./create-slack-ids.ts";
import { createSlackWorkspace, type SlackWorkspace } from "./create-slack-workspace.ts";
import { DoubleState, type StoredFile, type StoredMessage, type StoredView } from "./double-state.ts";
import { describeFile } from "./files-methods.ts";
import { createForcedErrors, type ForcedErrors } from "./forced-errors.ts";
import type { JsonObject } from "./json-object.ts";
import { readManifestScopes } from "./method-facts.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import type { ResponseUrlGrant } from "./side-endpoints.ts";
import { createSocketModeHub, type SocketModeHub } from "./socket-mode-hub.ts";

export interface SlackDoubleOptions {
  workspace?: SlackWorkspace;
  /** How long a trigger_id can be exchanged (Slack: 3 seconds). */
  triggerTtlMs?: number;
  now?: () => number;
  /** The bot token's scopes; default: those slack-app-manifest.yaml asks for. */
  scopes?: readonly string[];
}

export interface UserMessageInput {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
}

/** A local Slack: Web API at `apiUrl`, upload URLs, response_urls, and what happened, for assertions. */
export interface SlackDouble {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  /** "http://127.0.0.1:<port>/api/": give it to WebClient / Bolt as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly workspace: SlackWorkspace;
  /** Forced 429s and the optional real limiter (see rate-limit.ts). */
  readonly rateLimits: Omit<RateLimiter, "check">;
  /** Forced platform errors (`{"ok":false,"error":...}`), e.g. a chat.postMessage that fails once. */
  readonly errors: Omit<ForcedErrors, "check">;
  calls(method?: string): RecordedCall[];
  waitForCall(method: string, predicate?: CallPredicate, timeoutMs?: number): Promise<RecordedCall>;
  /** Forgets calls, messages, views, files, DMs, triggers, rate-limit and error switches; keeps the workspace. */
  reset(): void;
  /** Makes `triggerId` exchangeable once by views.open/views.push within the TTL, on behalf of `userId`. */
  registerTriggerId(triggerId: string, userId: string): void;
  /** A fresh response_url pointing at the double (5 uses within 30 minutes, as Slack's). */
  createResponseUrl(): string;
  /** A fresh message ts from the same increasing sequence the double uses. */
  nextTs(): string;
  /** Records a message a user sent (the driver calls this for the message events it delivers). */
  addUserMessage(input: UserMessageInput): StoredMessage;
  /** Messages not deleted, oldest first; `channel` may be a channel id, a DM id or a user id (their DM). */
  messages(channel?: string): StoredMessage[];
  /** The id of the bot's DM with `userId` ("D..."), opening it if needed. */
  dmChannelId(userId: string): string;
  view(viewId: string): StoredView | undefined;
  homeView(userId: string): StoredView | undefined;
  /** The top of the user's modal stack. */
  openModal(userId: string): StoredView | undefined;
  file(fileId: string): StoredFile | undefined;
  /** Someone typed `/invite @duban` in the channel (an id or a name): the bot is a member from now on. */
  inviteBot(channel: string): void;
  /** The channel is archived: posting answers is_archived. */
  archiveChannel(channel: string): void;
  /** The member is deactivated: users.info and users.list say `deleted: true`; DMs to them still "succeed". */
  deactivateUser(userId: string): void;
  /** Every call with the bot token answers this from now on (the app was removed, the workspace closed). */
  refuseToken(error: "token_revoked" | "account_inactive"): void;
  /** The scopes the bot token carries from now on (reset() restores the manifest's). */
  setScopes(scopes: readonly string[]): void;
  /**
   * A file a user uploaded (as into a DM thread, or a modal's file input); returns its full file object, as
   * file_share events and file inputs carry it. files.info describes it the same way.
   */
  addUserFile(input: { user: string; name: string; bytes?: Buffer; title?: string }): JsonObject;
  /**
   * Delays every Web API call's answer by `ms` (real time: Slack's own latency, against Duban's 3-second
   * deadlines); 0 turns it off.
   */
  setLatency(ms: number): void;
  /** Socket Mode: apps.connections.open with `socketMode.appToken`, the WebSocket, envelopes and acks. */
  readonly socketMode: SocketModeHub;
  close(): Promise<void>;
}

export async function startSlackDouble(options: SlackDoubleOptions = {}): Promise<SlackDouble> {
  const now = options.now ?? Date.now;
  const workspace = options.workspace ?? createSlackWorkspace();
  const state = new DoubleState(workspace, createSlackIds(now), now, options.triggerTtlMs ?? 3000);
  const log = createCallLog();
  const limiter = createRateLimiter(now);
  const errors = createForcedErrors();
  const responseUrls = new Map<string, ResponseUrlGrant>();
  const validTokens = new Set([workspace.bot.token, ...workspace.extraTokens]);
  const initialScopes = options.scopes ?? readManifestScopes();
  let scopes = new Set(initialScopes);
  let baseUrl = "";
  let latencyMs = 0;
  const socketMode = createSocketModeHub(workspace, () => baseUrl);

  const answer = createRequestAnswerer({
    socketMode,
    state,
    limiter,
    errors,
    responseUrls,
    validTokens,
    scopes: () => scopes,
    baseUrl: () => baseUrl,
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = now();
    const latency =
      latencyMs > 0 && req.url?.startsWith("/api/")
        ? new Promise<void>((resolve) => setTimeout(resolve, latencyMs))
        : Promise.resolve();
    readBody(req)
      .then(async (body) => {
        await latency;
        return answer(req, body);
      })
      .catch((error: unknown) =>
        jsonAnswer("double_error", 500, { ok: false, error: "fatal_error", detail: String(error) }, {}),
      )
      .then(({ method, status, contentType, body, args, response, retryAfter, token }) => {
        log.record({ method, args, token, at, status, response, path: req.url ?? "/" });
        res.writeHead(status, {
          "content-type": contentType,
          ...(retryAfter === undefined ? {} : { "retry-after": String(retryAfter) }),
        });
        res.end(body);
      });
  });
  server.on("upgrade", socketMode.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    workspace,
    rateLimits: limiter,
    errors,
    calls: log.calls,
    waitForCall: log.waitForCall,
    reset() {
      log.reset();
      latencyMs = 0;
      limiter.clear();
      errors.clear();
      state.reset();
      responseUrls.clear();
      scopes = new Set(initialScopes);
    },
    registerTriggerId: (triggerId, userId) => state.registerTrigger(triggerId, userId),
    createResponseUrl() {
      const path = `/response/${workspace.teamId}/${Math.floor(now() / 1000)}/${randomBytes(12).toString("hex")}`;
      responseUrls.set(path, { issuedAt: now(), uses: 0 });
      return `${baseUrl}${path}`;
    },
    nextTs: () => state.ids.ts(),
    addUserMessage({ channel, user, text, ts, threadTs }) {
      const message: StoredMessage = { channel, user, text, ts, threadTs, deleted: false };
      state.messages.push(message);
      return message;
    },
    messages(channel) {
      const id = channel === undefined ? undefined : state.resolveChannel(channel, { allowUserId: true })?.id;
      return state.messages.filter((m) => !m.deleted && (channel === undefined || m.channel === id));
    },
    dmChannelId: (userId) => state.openIm(userId).conversation.id,
    view: (viewId) => state.views.get(viewId),
    homeView: (userId) => [...state.views.values()].find((v) => v.type === "home" && v.userId === userId),
    openModal(userId) {
      const top = state.modalStacks.get(userId)?.at(-1);
      return top === undefined ? undefined : state.views.get(top);
    },
    file: (fileId) => state.files.get(fileId),
    inviteBot(channel) {
      const conversation = state.resolveChannel(channel, { allowUserId: false });
      if (conversation === undefined) throw new Error(`Slack double: no channel ${channel}`);
      conversation.botIsMember = true;
    },
    archiveChannel(channel) {
      const conversation = state.resolveChannel(channel, { allowUserId: false });
      if (conversation === undefined) throw new Error(`Slack double: no channel ${channel}`);
      conversation.isArchived = true;
    },
    deactivateUser: (userId) => state.deletedUsers.add(userId),
    refuseToken(error) {
      state.tokenRefusal = error;
    },
    setScopes(next) {
      scopes = new Set(next);
    },
    addUserFile({ user, name, bytes, title }) {
      const content = bytes ?? Buffer.from(`%PDF-1.4 ${name}`);
      const file: StoredFile = {
        id: state.ids.id("F"),
        filename: name,
        length: content.length,
        bytes: content,
        ...(title === undefined ? {} : { title }),
        completed: true,
        user,
        created: Math.floor(now() / 1000),
      };
      state.files.set(file.id, file);
      return describeFile(state, file, baseUrl);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    socketMode,
    close() {
      socketMode.close();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
