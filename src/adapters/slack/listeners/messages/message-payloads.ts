import { z } from "zod";

/** A message as it appears inside message events, reduced to what Duban reads. */
const MessageSchema = z.object({
  user: z.string().min(1).max(64).optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().max(40_000).optional(),
  ts: z.string().min(1).max(32),
  thread_ts: z.string().max(32).optional(),
  /** Files shared with the message (subtype file_share): read with readSlackFiles. */
  files: z.array(z.unknown()).optional(),
});
type Message = z.infer<typeof MessageSchema>;

const Conversation = { channel: z.string().min(1).max(64), channel_type: z.string().optional() };

/** A new message (no subtype, file_share or thread_broadcast), with its files when it shares some. */
export const NewMessageEventSchema = MessageSchema.extend(Conversation);

/** message_changed: the message as it is now, and as it was. */
export const MessageChangedEventSchema = z.object({
  ...Conversation,
  message: MessageSchema,
  previous_message: MessageSchema.partial().optional(),
});

/** message_deleted: which message, and who wrote it (previous_message). */
export const MessageDeletedEventSchema = z.object({
  ...Conversation,
  deleted_ts: z.string().min(1).max(32),
  previous_message: MessageSchema.partial().optional(),
});

/** Replies Duban reads are people's messages in their DM with the bot: not bots' (its own or others'). */
export function isPersonInDirectMessage(
  conversation: { channel_type?: string | undefined },
  message: Partial<Message> | undefined,
): message is Partial<Message> & { user: string } {
  if (conversation.channel_type !== "im" || message === undefined) return false;
  return (
    typeof message.user === "string" && message.bot_id === undefined && message.subtype !== "bot_message"
  );
}

/** The thread a message is in; null for a top-level message (a thread's parent carries thread_ts = ts). */
export function threadOf(message: Partial<Message>): string | null {
  return message.thread_ts !== undefined && message.thread_ts !== message.ts ? message.thread_ts : null;
}
