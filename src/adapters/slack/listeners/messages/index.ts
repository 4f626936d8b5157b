import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { progressReply } from "./progress-reply.ts";
import { replyChanged } from "./reply-changed.ts";
import { replyDeleted } from "./reply-deleted.ts";

/** Message subtypes Duban reads ("" for a plain message); every other subtype is ignored. */
const BY_SUBTYPE = {
  "": progressReply,
  file_share: progressReply,
  thread_broadcast: progressReply,
  message_changed: replyChanged,
  message_deleted: replyDeleted,
} as const;

export function registerMessageListeners(app: App, deps: ListenerDeps): void {
  const listeners = new Map(
    Object.entries(BY_SUBTYPE).map(([subtype, listener]) => [subtype, listener(deps)]),
  );
  app.event("message", async (args) => {
    const subtype =
      "subtype" in args.event && typeof args.event.subtype === "string" ? args.event.subtype : "";
    await listeners.get(subtype)?.(args);
  });
}
