import type { IncomingHttpHeaders } from "node:http";
import type { DoubleState } from "./double-state.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { validateMessage } from "./validate-message.ts";

export interface SideResponse {
  status: number;
  contentType: string;
  body: string;
  /** What gets recorded as the call's args. */
  args: Record<string, unknown>;
  response: unknown;
}

/**
 * The upload URL from files.getUploadURLExternal: "Files can be sent as raw bytes or can be multipart form
 * encoded. Slack will return HTTP 200 if the upload succeeded" (files.getUploadURLExternal docs).
 */
export async function receiveUpload(
  state: DoubleState,
  fileId: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<SideResponse> {
  const file = state.files.get(fileId);
  if (!file)
    return { status: 404, contentType: "text/plain", body: "Not Found", args: { fileId }, response: null };
  let bytes = body;
  if (String(headers["content-type"]).startsWith("multipart/form-data")) {
    const contentType = String(headers["content-type"]);
    const form = await new Request("http://slack.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    })
      .formData()
      .catch(() => undefined);
    const part = form ? [...form.values()].find((value) => typeof value !== "string") : undefined;
    if (!part || typeof part === "string") {
      return {
        status: 400,
        contentType: "text/plain",
        body: "Bad Request",
        args: { fileId },
        response: null,
      };
    }
    bytes = Buffer.from(await part.arrayBuffer());
  }
  file.bytes = bytes;
  const text = `OK - ${bytes.length}`;
  return {
    status: 200,
    contentType: "text/plain",
    body: text,
    args: { fileId, length: bytes.length },
    response: text,
  };
}

/** A minted response_url: when it was handed out, and how often it has been posted to. */
export interface ResponseUrlGrant {
  issuedAt: number;
  uses: number;
}

/**
 * A response_url from a slash command or block action. It takes at most 5 posts within 30 minutes (then HTTP
 * 404 used_url / expired_url, as Slack's webhooks answer). The message is checked like chat.postMessage; a
 * refused one gets HTTP 400 with the error, like Slack's incoming webhooks, so that Bolt's respond() rejects.
 */
export function receiveResponseUrlMessage(grant: ResponseUrlGrant, now: number, body: Buffer): SideResponse {
  const spent =
    now - grant.issuedAt > SLACK_LIMITS.responseUrlTtlMs
      ? "expired_url"
      : grant.uses >= SLACK_LIMITS.responseUrlUses
        ? "used_url"
        : undefined;
  if (spent !== undefined)
    return {
      status: 404,
      contentType: "text/plain",
      body: spent,
      args: {},
      response: { ok: false, error: spent },
    };
  grant.uses += 1;
  let message: unknown;
  try {
    message = JSON.parse(body.toString("utf8"));
  } catch {
    const response = { ok: false, error: "invalid_payload" };
    return {
      status: 400,
      contentType: "application/json",
      body: JSON.stringify(response),
      args: {},
      response,
    };
  }
  const args = typeof message === "object" && message !== null ? (message as Record<string, unknown>) : {};
  const invalid = args.delete_original === true ? undefined : validateMessage(args);
  const response = invalid ?? { ok: true };
  return {
    status: invalid ? 400 : 200,
    contentType: "application/json",
    body: JSON.stringify(response),
    args,
    response,
  };
}
