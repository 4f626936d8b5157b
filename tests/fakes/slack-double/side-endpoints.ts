import type { IncomingHttpHeaders } from "node:http";
import type { DoubleState } from "./double-state.ts";
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

/**
 * A response_url from a slash command or block action. The message is checked like chat.postMessage; a refused
 * one gets HTTP 400 with the error, like Slack's incoming webhooks, so that Bolt's respond() rejects.
 */
export function receiveResponseUrlMessage(body: Buffer): SideResponse {
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
