import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import {
  type DriverResponse,
  type SignedSender,
  SLACK_ACK_DEADLINE_MS,
} from "../slack-driver/send-signed-request.ts";
import type { SlackWorkspace } from "./create-slack-workspace.ts";
import type { JsonObject } from "./json-object.ts";
import type { SlackApiResult } from "./slack-api-error.ts";

/** The envelope types Slack sends over a Socket Mode connection (docs.slack.dev/apis/socket-mode). */
export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

/** What the app answered an envelope with: `{envelope_id, payload?}`. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/** How long Slack waits for an ack before it gives the envelope up (and retries events): 3 seconds. */
const ACK_TIMEOUT_MS = SLACK_ACK_DEADLINE_MS;

/** The app-level token (xapp-…) a workspace's app connects with. */
export function appTokenOf(workspace: SlackWorkspace): string {
  return `xapp-1-${workspace.appId}-0000-duban-socket-test`;
}

interface Pending {
  resolve(ack: SocketAck): void;
  timer: NodeJS.Timeout;
}

/**
 * Socket Mode, as Slack runs it: apps.connections.open (app-level token only: a bot token gets
 * not_allowed_token_type, a wrong one invalid_auth) hands out a one-use wss URL; the connection gets a
 * `hello`; events, slash commands and interactions arrive as envelopes the app must ack with their
 * envelope_id within 3 seconds (no ack: Slack gives up, and retries events with retry_attempt + 1).
 */
export function createSocketModeHub(workspace: SlackWorkspace, baseUrl: () => string) {
  const server = new WebSocketServer({ noServer: true });
  const tickets = new Set<string>();
  const sockets = new Set<WebSocket>();
  const pending = new Map<string, Pending>();
  const acks: SocketAck[] = [];
  let delivered = 0;
  let opened = 0;
  let connectedWaiters: Array<() => void> = [];
  const appToken = appTokenOf(workspace);

  const open = (token: string | undefined): SlackApiResult => {
    if (token === undefined) return { ok: false, error: "not_authed" };
    if (token.startsWith("xoxb-") || token.startsWith("xoxp-"))
      return { ok: false, error: "not_allowed_token_type" };
    if (token !== appToken) return { ok: false, error: "invalid_auth" };
    const ticket = randomUUID();
    tickets.add(ticket);
    const url = `${baseUrl().replace(/^http/, "ws")}/link/?ticket=${ticket}&app_id=${workspace.appId}`;
    return { ok: true, url };
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? "/", baseUrl());
    const ticket = url.searchParams.get("ticket") ?? "";
    if (url.pathname !== "/link/" || !tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n");
      return;
    }
    server.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      opened += 1;
      ws.on("close", () => sockets.delete(ws));
      ws.on("message", (data) => {
        let ack: Partial<SocketAck> | null;
        try {
          ack = JSON.parse(String(data)) as Partial<SocketAck> | null;
        } catch {
          return; // Slack ignores what it cannot read
        }
        if (typeof ack !== "object" || ack === null || typeof ack.envelope_id !== "string") return;
        const waiting = pending.get(ack.envelope_id);
        if (waiting === undefined) return; // a late or unknown ack changes nothing
        pending.delete(ack.envelope_id);
        clearTimeout(waiting.timer);
        acks.push(ack as SocketAck);
        waiting.resolve(ack as SocketAck);
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: sockets.size,
          debug_info: { host: "applink-duban-double", approximate_connection_time: 18060 },
          connection_info: { app_id: workspace.appId },
        }),
      );
      const waiters = connectedWaiters;
      connectedWaiters = [];
      for (const wake of waiters) wake();
    });
  };

  /** Sends one envelope on the newest open connection; resolves with the ack, or null after 3 s without one. */
  const deliver = (type: EnvelopeType, payload: JsonObject, retryAttempt = 0): Promise<SocketAck | null> => {
    // a connection asked to refresh may linger while it closes: Slack sends on the open one
    const socket = [...sockets].filter((candidate) => candidate.readyState === candidate.OPEN).at(-1);
    if (socket === undefined) return Promise.reject(new Error("Socket Mode: no app is connected"));
    const envelopeId = randomUUID();
    delivered += 1;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(envelopeId);
        resolve(null);
      }, ACK_TIMEOUT_MS);
      pending.set(envelopeId, { resolve, timer });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== "events_api",
          ...(type === "events_api"
            ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? "timeout" : "" }
            : {}),
        }),
      );
    });
  };

  /**
   * A driver transport: the bodies the HTTP driver would POST, sent as Socket Mode envelopes instead (JSON:
   * an events_api envelope; `payload=…`: interactive; any other form: a slash command). The answer is 200
   * with the ack's payload as its body, or 504 when the app did not ack in time.
   */
  const sender: SignedSender = async (rawBody, contentType, options = {}) => {
    // envelopes are not signed: a test of signature checks run over Socket Mode would pass without checking
    if (options.forgeSignature || options.stale)
      throw new Error("Socket Mode: envelopes carry no signature to forge or make stale");
    const started = performance.now();
    let ack: SocketAck | null;
    if (contentType.startsWith("application/json")) {
      ack = await deliver("events_api", JSON.parse(rawBody) as JsonObject, options.retryNum ?? 0);
    } else {
      const form = new URLSearchParams(rawBody);
      const interaction = form.get("payload");
      ack =
        interaction === null
          ? await deliver("slash_commands", Object.fromEntries(form) as JsonObject)
          : await deliver("interactive", JSON.parse(interaction) as JsonObject);
    }
    const body = ack?.payload === undefined ? "" : JSON.stringify(ack.payload);
    const elapsedMs = performance.now() - started;
    const response: DriverResponse = {
      status: ack === null ? 504 : 200,
      elapsedMs,
      acknowledged: ack !== null && elapsedMs <= SLACK_ACK_DEADLINE_MS,
      headers: {},
      body,
      json: <T>() => JSON.parse(body) as T,
      request: { rawBody, contentType },
    };
    return response;
  };

  return {
    appToken,
    open,
    handleUpgrade,
    deliver,
    sender,
    /** Envelopes sent to the app so far. */
    delivered: () => delivered,
    /** Every ack received, in order. */
    acks: () => [...acks],
    /** Open connections. */
    connections: () => sockets.size,
    /** Connections opened so far (each got a `hello`), closed ones included. */
    opened: () => opened,
    /** Resolves once an app holds an open connection (it has been sent `hello`). */
    connected(timeoutMs = 10_000): Promise<void> {
      if (sockets.size > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("Socket Mode: no app connected in time")), timeoutMs);
        connectedWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    /** Asks the app to reconnect, as Slack does before it rotates a connection. */
    requestRefresh(): void {
      for (const socket of sockets)
        socket.send(
          JSON.stringify({
            type: "disconnect",
            reason: "refresh_requested",
            debug_info: { host: "applink" },
          }),
        );
    },
    /** Cuts every open connection without a word (a network drop); the app reconnects by itself. */
    dropConnections(): void {
      for (const socket of sockets) socket.terminate();
    },
    close(): void {
      for (const waiting of pending.values()) clearTimeout(waiting.timer);
      pending.clear();
      for (const socket of sockets) socket.terminate();
      server.close();
    },
  };
}

export type SocketModeHub = ReturnType<typeof createSocketModeHub>;
