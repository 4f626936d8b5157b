import { extname } from "node:path";
import type { StoredFile, StoredMessage } from "./double-state.ts";
import { isJsonObject, type JsonObject } from "./json-object.ts";
import { type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";

/**
 * The current upload flow (docs.slack.dev/reference/methods/files.getUploadURLExternal):
 * 1. files.getUploadURLExternal(filename, length) -> { upload_url, file_id }
 * 2. POST the bytes (raw or multipart) to upload_url -> HTTP 200 (served by start-slack-double.ts)
 * 3. files.completeUploadExternal(files=[{id,title}], channel_id?, initial_comment?, thread_ts?)
 * Errors from slack-ruby/slack-api-ref methods/files/*.json: missing_argument (length 0), file_not_found,
 * invalid_channel.
 * files.info (docs.slack.dev/reference/methods/files.info; FilesInfoResponse in slackapi/node-slack-sdk
 * packages/web-api/src/types/response/FilesInfoResponse.ts): `{ok, file}` for a file the workspace has,
 * file_not_found for an unknown id, file_deleted for a deleted one.
 */
const MIME_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".txt": "text/plain",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A file object as Slack returns it (files.completeUploadExternal, files.info, file_share events, file_input). */
export function describeFile(
  state: MethodContext["state"],
  file: StoredFile,
  baseUrl: string,
  channels: string[] = [],
): JsonObject {
  const { workspace } = state;
  const user = file.user ?? workspace.bot.userId;
  const created = file.created ?? Math.floor(state.now() / 1000);
  const extension = extname(file.filename).toLowerCase();
  return {
    id: file.id,
    created,
    timestamp: created,
    name: file.filename,
    title: file.title ?? file.filename,
    mimetype: MIME_TYPES[extension] ?? "application/octet-stream",
    filetype: extension.slice(1) || "binary",
    user,
    size: file.bytes?.length ?? file.length,
    is_external: false,
    url_private: `${baseUrl}/files-pri/${workspace.teamId}-${file.id}/${encodeURIComponent(file.filename)}`,
    permalink: `https://${workspace.teamDomain}.slack.com/files/${user}/${file.id}/${encodeURIComponent(file.filename)}`,
    channels,
  };
}

function filesInfo({ state, args, baseUrl }: MethodContext): SlackApiResult {
  const id = stringArg(args, "file");
  const file = id === undefined ? undefined : state.files.get(id);
  if (file === undefined || !file.completed) return slackApiError("file_not_found");
  if (file.deleted) return slackApiError("file_deleted");
  return { ok: true, file: describeFile(state, file, baseUrl) };
}

function getUploadUrlExternal({ state, args, baseUrl }: MethodContext): SlackApiResult {
  const filename = stringArg(args, "filename");
  const length = Number(stringArg(args, "length"));
  if (!filename || stringArg(args, "length") === undefined) return slackApiError("invalid_arguments");
  if (!Number.isInteger(length) || length <= 0) return slackApiError("missing_argument");
  const id = state.ids.id("F");
  state.files.set(id, { id, filename, length, completed: false });
  return { ok: true, upload_url: `${baseUrl}/upload/v1/${id}`, file_id: id };
}

function completeUploadExternal(context: MethodContext): SlackApiResult {
  const { state, args, baseUrl } = context;
  const entries = Array.isArray(args.files) ? args.files.filter(isJsonObject) : [];
  if (entries.length === 0) return slackApiError("invalid_arguments");
  const files = entries.map((entry) => state.files.get(String(entry.id)));
  if (files.some((file) => !file?.bytes)) return slackApiError("file_not_found");
  const channelArg = stringArg(args, "channel_id") ?? stringArg(args, "channels");
  // unlike chat.postMessage, sharing a file needs a conversation id: a user id is refused (open the DM first)
  const conversation = channelArg ? state.visibleChannel(channelArg, { allowUserId: false }) : undefined;
  if (channelArg && !conversation) return slackApiError("invalid_channel");
  if (conversation && state.postingRefusal(conversation)) return slackApiError("posting_to_channel_denied");
  const described = files.flatMap((file, index) => {
    if (!file) return [];
    file.completed = true;
    file.title = String(entries[index]?.title ?? file.filename);
    file.created ??= Math.floor(state.now() / 1000);
    return [describeFile(state, file, baseUrl, conversation ? [conversation.id] : [])];
  });
  if (conversation) {
    const message: StoredMessage = {
      channel: conversation.id,
      ts: state.ids.ts(),
      user: state.workspace.bot.userId,
      botId: state.workspace.bot.botId,
      text: stringArg(args, "initial_comment") ?? "",
      threadTs: stringArg(args, "thread_ts"),
      files: described.map((file) => String(file.id)),
      deleted: false,
    };
    state.messages.push(message);
  }
  return { ok: true, files: described };
}

export const filesMethods: Record<string, WebApiMethod> = {
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
  "files.info": filesInfo,
};
