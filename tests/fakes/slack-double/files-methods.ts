import { extname } from "node:path";
import type { StoredMessage } from "./double-state.ts";
import { isJsonObject } from "./json-object.ts";
import { type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";

/**
 * The current upload flow (docs.slack.dev/reference/methods/files.getUploadURLExternal):
 * 1. files.getUploadURLExternal(filename, length) -> { upload_url, file_id }
 * 2. POST the bytes (raw or multipart) to upload_url -> HTTP 200 (served by start-slack-double.ts)
 * 3. files.completeUploadExternal(files=[{id,title}], channel_id?, initial_comment?, thread_ts?)
 * Errors from slack-ruby/slack-api-ref methods/files/*.json: missing_argument (length 0), file_not_found,
 * invalid_channel.
 */
const MIME_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".txt": "text/plain",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

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
  const now = Math.floor(state.now() / 1000);
  const described = files.flatMap((file, index) => {
    if (!file) return [];
    file.completed = true;
    file.title = String(entries[index]?.title ?? file.filename);
    const extension = extname(file.filename).toLowerCase();
    return [
      {
        id: file.id,
        created: now,
        timestamp: now,
        name: file.filename,
        title: file.title,
        mimetype: MIME_TYPES[extension] ?? "application/octet-stream",
        filetype: extension.slice(1) || "binary",
        user: state.workspace.bot.userId,
        size: file.bytes?.length ?? 0,
        is_external: false,
        url_private: `${baseUrl}/files-pri/${state.workspace.teamId}-${file.id}/${file.filename}`,
        permalink: `https://${state.workspace.teamDomain}.slack.com/files/${state.workspace.bot.userId}/${file.id}`,
        channels: conversation ? [conversation.id] : [],
      },
    ];
  });
  if (conversation) {
    const message: StoredMessage = {
      channel: conversation.id,
      ts: state.ids.ts(),
      user: state.workspace.bot.userId,
      botId: state.workspace.bot.botId,
      text: stringArg(args, "initial_comment") ?? "",
      threadTs: stringArg(args, "thread_ts"),
      files: described.map((file) => file.id),
      deleted: false,
    };
    state.messages.push(message);
  }
  return { ok: true, files: described };
}

export const filesMethods: Record<string, WebApiMethod> = {
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
};
