import type { webApi } from "@slack/bolt";
import type { OutboundFile } from "../../domain/messages/outbound-file.ts";

export interface UploadTarget {
  /** A channel or DM id (C…/D…); a user id is refused by Slack, so open the DM first. */
  channelId: string;
  threadTs?: string | undefined;
  initialComment?: string | undefined;
}

export interface UploadedFile {
  fileId: string;
  permalink: string | null;
}

/**
 * Uploads a file the way current Slack requires (files.upload is retired): 1. files.getUploadURLExternal with
 * the name and length, 2. POST the bytes to the URL it returns (HTTP 200 means received), 3.
 * files.completeUploadExternal with the file id, sharing it into `channelId` (in the thread, with a comment).
 * A Slack error (e.g. not_in_channel) is thrown by the client; a failed POST throws naming the status.
 */
export async function uploadFile(
  client: webApi.WebClient,
  file: OutboundFile,
  target: UploadTarget,
): Promise<UploadedFile> {
  const ticket = await client.files.getUploadURLExternal({
    filename: file.name,
    length: file.bytes.byteLength,
  });
  if (ticket.upload_url === undefined || ticket.file_id === undefined)
    throw new Error("files.getUploadURLExternal returned no upload_url");
  const posted = await fetch(ticket.upload_url, {
    method: "POST",
    headers: { "content-type": file.mimeType },
    body: file.bytes,
  });
  if (!posted.ok) throw new Error(`uploading ${file.name} failed: HTTP ${posted.status}`);
  const completed = await client.files.completeUploadExternal({
    files: [{ id: ticket.file_id, title: file.title }],
    channel_id: target.channelId,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
    ...(target.initialComment === undefined ? {} : { initial_comment: target.initialComment }),
  });
  const shared = completed.files?.[0];
  return { fileId: ticket.file_id, permalink: shared?.permalink ?? null };
}
