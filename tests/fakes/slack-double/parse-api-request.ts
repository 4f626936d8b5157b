import type { IncomingHttpHeaders } from "node:http";
import { isJsonObject } from "./json-object.ts";

export type ApiArgs = Record<string, unknown>;

export type ParsedApiRequest = { args: ApiArgs; token?: string } | { error: string };

/** Arguments Slack documents as "a JSON-based array/object, presented as a URL-encoded string". */
const JSON_VALUED_ARGS = ["blocks", "attachments", "view", "files", "metadata"];

/**
 * Reads a Web API call the way Slack does (docs.slack.dev/apis/web-api, "POST bodies"): form-urlencoded with
 * the token in the Authorization header or a `token` field, multipart likewise, or JSON with the token in the
 * Authorization header only (a `token` property in a JSON body is not read: not_authed).
 */
export async function parseApiRequest(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  body: Buffer,
): Promise<ParsedApiRequest> {
  const headerToken = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  const contentType = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const args: ApiArgs = Object.fromEntries(query);
  if (body.length > 0) {
    if (contentType === "application/json") {
      const parsed = parseJson(body.toString("utf8"));
      if (!isJsonObject(parsed)) return { error: parsed === undefined ? "invalid_json" : "json_not_object" };
      Object.assign(args, parsed);
      delete args.token;
      return { args, token: headerToken };
    }
    if (contentType === "application/x-www-form-urlencoded") {
      Object.assign(args, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
    } else if (contentType === "multipart/form-data") {
      const form = await new Request("http://slack.invalid/", {
        method: "POST",
        headers: { "content-type": String(headers["content-type"]) },
        body,
      }).formData();
      for (const [key, value] of form) args[key] = value;
    } else {
      return { error: contentType === "" ? "missing_post_type" : "invalid_post_type" };
    }
  }
  for (const key of JSON_VALUED_ARGS) {
    const value = args[key];
    if (typeof value === "string") args[key] = parseJson(value) ?? value;
  }
  const bodyToken = typeof args.token === "string" ? args.token : undefined;
  delete args.token;
  return { args, token: headerToken ?? bodyToken };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
