import type { IncomingMessage } from "node:http";
import type { DoubleState } from "./double-state.ts";
import type { ForcedErrors } from "./forced-errors.ts";
import { missingScope } from "./method-facts.ts";
import { parseApiRequest } from "./parse-api-request.ts";
import type { RateLimiter } from "./rate-limit.ts";
import {
  type ResponseUrlGrant,
  receiveResponseUrlMessage,
  receiveUpload,
  type SideResponse,
} from "./side-endpoints.ts";
import type { SlackApiResult } from "./slack-api-error.ts";
import { webApiMethods } from "./web-api-methods.ts";

/** What the double answers one request with, and what it records about it. */
export type Answer = SideResponse & { method: string; retryAfter?: number; token?: string };

export interface RequestAnswererDeps {
  state: DoubleState;
  limiter: RateLimiter;
  /** Platform errors a test forces (answered after authentication, like a method's own error). */
  errors?: ForcedErrors;
  /** Minted response_url paths, with their issue time and uses. */
  responseUrls: ReadonlyMap<string, ResponseUrlGrant>;
  validTokens: ReadonlySet<string>;
  /** The bot token's scopes (slack-app-manifest.yaml's unless a test changes them). */
  scopes(): ReadonlySet<string>;
  baseUrl(): string;
  /** apps.connections.open, which takes the app-level token instead of the bot's (socket-mode-hub.ts). */
  socketMode?: { open(token: string | undefined): SlackApiResult };
}

/**
 * Routes a request: `/api/<method>` (rate limit, then unknown_method, then not_authed/invalid_auth, then the
 * method), `/upload/v1/<file>` (upload URLs) and minted response_urls.
 */
export function createRequestAnswerer(deps: RequestAnswererDeps) {
  const { state, limiter, responseUrls, validTokens } = deps;

  async function answerApi(method: string, req: IncomingMessage, url: URL, body: Buffer): Promise<Answer> {
    const parsed = await parseApiRequest(req.headers, url.searchParams, body);
    if ("error" in parsed) return jsonAnswer(method, 200, { ok: false, error: parsed.error }, {});
    const { args, token } = parsed;
    // per channel: a user id given as `channel` is the bot's DM with them
    const channel =
      typeof args.channel === "string"
        ? (state.resolveChannel(args.channel, { allowUserId: method === "chat.postMessage" })?.id ??
          args.channel)
        : undefined;
    const retryAfter = limiter.check(method, channel);
    if (retryAfter !== undefined) {
      return { ...jsonAnswer(method, 429, { ok: false, error: "ratelimited" }, args), retryAfter, token };
    }
    if (method === "apps.connections.open" && deps.socketMode !== undefined)
      return { ...jsonAnswer(method, 200, deps.socketMode.open(token), args), token };
    const handler = webApiMethods[method];
    if (!handler)
      return jsonAnswer(method, 200, { ok: false, error: "unknown_method", req_method: method }, args);
    if (token === undefined) return jsonAnswer(method, 200, { ok: false, error: "not_authed" }, args);
    if (!validTokens.has(token))
      return { ...jsonAnswer(method, 200, { ok: false, error: "invalid_auth" }, args), token };
    // the app uninstalled (token_revoked) or the workspace gone (account_inactive): every call, auth.test too
    if (state.tokenRefusal !== null)
      return { ...jsonAnswer(method, 200, { ok: false, error: state.tokenRefusal }, args), token };
    const needed = missingScope(method, args, state, deps.scopes());
    if (needed !== undefined) {
      const provided = [...deps.scopes()].join(",");
      return {
        ...jsonAnswer(method, 200, { ok: false, error: "missing_scope", needed, provided }, args),
        token,
      };
    }
    const forced = deps.errors?.check(method, channel);
    if (forced !== undefined)
      return { ...jsonAnswer(method, 200, { ok: false, error: forced }, args), token };
    return { ...jsonAnswer(method, 200, handler({ state, args, baseUrl: deps.baseUrl() }), args), token };
  }

  return async function answer(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const url = new URL(req.url ?? "/", deps.baseUrl());
    const path = url.pathname;
    if (path.startsWith("/api/")) return answerApi(path.slice("/api/".length), req, url, body);
    const upload = /^\/upload\/v1\/(\w+)$/.exec(path);
    if (upload?.[1] && req.method === "POST") {
      return { method: "upload_url", ...(await receiveUpload(state, upload[1], req.headers, body)) };
    }
    const grant = responseUrls.get(path);
    if (grant !== undefined && req.method === "POST") {
      return { method: "response_url", ...receiveResponseUrlMessage(grant, state.now(), body) };
    }
    return {
      method: "not_found",
      status: 404,
      contentType: "text/plain",
      body: "Not Found",
      args: {},
      response: null,
    };
  };
}

export function jsonAnswer(
  method: string,
  status: number,
  response: unknown,
  args: Record<string, unknown>,
): Answer {
  return {
    method,
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(response),
    args,
    response,
  };
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
