import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { ReceiverEvent } from "@slack/bolt";
import type { Clock } from "../../domain/ports/clock.ts";
import type { InboxStore } from "../../domain/ports/inbox-store.ts";
import { ACTION_IDS } from "./ids.ts";
import { SNOOZE_ACTION_ID } from "./snooze-action.ts";

/**
 * How long a request stays in the inbox after it was processed, so that the same request again is known:
 * longer than Slack's event retries (immediately, after 1 minute and after 5 minutes;
 * docs.slack.dev/apis/events-api/#retries), its 5-minute signature window and the 10 minutes in which a
 * replayed trigger_id is refused.
 */
export const INBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * An entry still unprocessed this long after its claim is taken over by another process even when its owner
 * cannot be told dead (it runs on another host): processing one request never takes this long.
 */
export const INBOX_LEASE_MS = 10 * 60 * 1000;

/** Buttons whose click writes (approve, snooze): replayed at start when left unprocessed. */
const WRITING_ACTIONS: ReadonlySet<string> = new Set([ACTION_IDS.approve, SNOOZE_ACTION_ID]);

/** Message subtypes a person's message can have that Duban reads ("" for a plain message). */
const NEW_MESSAGE_SUBTYPES: ReadonlySet<string> = new Set(["", "file_share", "thread_broadcast"]);

/** A request the inbox keeps: its identity, its kind, and whether it is processed again after a crash. */
export interface SlackRequest {
  key: string;
  kind: string;
  replay: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** A person's message (not a bot's, Duban's own included) in their DM with the bot. */
function isPersonsDirectMessage(event: Json, message: unknown): boolean {
  return (
    event.channel_type === "im" &&
    isObject(message) &&
    text(message.user) !== undefined &&
    message.bot_id === undefined &&
    message.subtype !== "bot_message"
  );
}

/** The Events API request's kind, when it is one Duban handles; null for the rest. */
function eventKind(event: Json): { kind: string; replay: boolean } | null {
  if (event.type === "app_home_opened") return { kind: "app_home_opened", replay: false };
  if (event.type !== "message") return null;
  const subtype = typeof event.subtype === "string" ? event.subtype : "";
  if (NEW_MESSAGE_SUBTYPES.has(subtype))
    return isPersonsDirectMessage(event, event) ? { kind: subtype || "message", replay: true } : null;
  if (subtype === "message_changed" && isPersonsDirectMessage(event, event.message))
    return { kind: subtype, replay: true };
  if (subtype === "message_deleted" && isPersonsDirectMessage(event, event.previous_message))
    return { kind: subtype, replay: true };
  return null;
}

/** The request's identity: its event_id or trigger_id, else a hash of the whole body. */
function keyOf(prefix: "event" | "trigger", id: unknown, body: Json): string {
  const named = text(id);
  if (named !== undefined) return `${prefix}:${named}`;
  return `body:${createHash("sha256").update(JSON.stringify(body)).digest("hex")}`;
}

/**
 * What the inbox keeps of a request as Bolt received it (HTTP or Socket Mode, the same bodies): events Duban
 * handles (a person's messages in its DMs, their edits and deletions, file shares, app_home_opened) by
 * event_id; slash commands, button clicks and form submissions by trigger_id. Null for requests that write
 * nothing and need no dedupe (other events, a modal closed, Duban's own messages): Bolt handles them as they are.
 */
export function classifySlackRequest(body: unknown): SlackRequest | null {
  if (!isObject(body)) return null;
  if (body.type === "event_callback" && isObject(body.event)) {
    const kind = eventKind(body.event);
    return kind === null ? null : { key: keyOf("event", body.event_id, body), ...kind };
  }
  if (typeof body.command === "string")
    return { key: keyOf("trigger", body.trigger_id, body), kind: "command", replay: true };
  if (body.type === "block_actions") {
    const actions = Array.isArray(body.actions) ? body.actions.filter(isObject) : [];
    const writes = actions.some((action) => WRITING_ACTIONS.has(String(action.action_id)));
    return { key: keyOf("trigger", body.trigger_id, body), kind: "block_actions", replay: writes };
  }
  if (body.type === "view_submission")
    return { key: keyOf("trigger", body.trigger_id, body), kind: "view_submission", replay: true };
  return null;
}

/** Where the inbox logs: once per duplicate, replay or recovery. */
export interface InboxLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export interface SlackInboxOptions {
  store: InboxStore;
  clock: Clock;
  logger: InboxLogger;
  /** Names this process in claims; default host:pid:random. */
  owner?: string;
  /** Whether a process that claimed entries is gone; default: same host and no such pid (or this pid, reused). */
  isOwnerGone?: (owner: string) => boolean;
}

export interface SlackInbox {
  /**
   * Stores a request that may write (one insert), then hands it to Bolt, which acknowledges it (HTTP 200, or
   * the Socket Mode envelope's ack) and runs its listeners; marks it processed when they are done. A request
   * whose event_id or trigger_id is already stored (a redelivery, a replay) is acknowledged and goes no further.
   * A request the store cannot take is not acknowledged: the error reaches the receiver (HTTP 500), so Slack
   * delivers it again. Requests that write nothing go straight to Bolt.
   */
  receive(event: ReceiverEvent, dispatch: (event: ReceiverEvent) => Promise<void>): Promise<void>;
  /**
   * Processes, oldest first and one at a time, the entries left unprocessed by processes that died (or whose
   * claim is older than INBOX_LEASE_MS), with `replay` (Bolt's listeners, nothing acknowledged); how many.
   */
  recover(replay: (body: Json) => Promise<void>): Promise<number>;
  /** Forgets processed entries older than INBOX_RETENTION_MS; how many. */
  prune(): Promise<number>;
}

/** Whether the process named `owner` ("host:pid:random") is known to be gone. */
function ownerGone(me: string, owner: string): boolean {
  const [host, pid] = owner.split(":");
  if (host !== hostname() || pid === undefined || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return owner !== me; // this pid, an earlier life (a restarted container)
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The durable inbox in front of Bolt: store, then acknowledge, then process; on start, what was left. */
export function createSlackInbox(options: SlackInboxOptions): SlackInbox {
  const { store, clock, logger } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const isGone = options.isOwnerGone ?? ((other: string) => ownerGone(owner, other));

  async function finish(id: string, error: string | null): Promise<void> {
    await store.markProcessed(id, clock.now(), error).catch((markError: unknown) => {
      // left unprocessed: a process starting later replays it, and its listeners find it done
      logger.warn({ err: markError, inboxEntry: id }, "inbox: could not mark a request processed");
    });
  }

  return {
    async receive(event, dispatch) {
      const request = classifySlackRequest(event.body);
      if (request === null) return dispatch(event);
      const id = await store.accept({
        ...request,
        payload: event.body,
        receivedAt: clock.now(),
        owner,
      });
      if (id === null) {
        if (request.key.startsWith("event:"))
          logger.debug(
            { key: request.key, retryNum: event.retryNum, retryReason: event.retryReason },
            "inbox: an event delivered again was already received; acknowledged, not processed again",
          );
        else
          logger.warn(
            { key: request.key, kind: request.kind },
            "inbox: refused a replayed request (its trigger_id was seen before); acknowledged, nothing done",
          );
        await event.ack();
        return;
      }
      try {
        await dispatch(event);
      } catch (error) {
        await finish(id, errorText(error));
        throw error;
      }
      await finish(id, null);
    },

    async recover(replay) {
      const owners = (await store.listUnprocessedOwners()).filter(
        (other) => other !== owner && isGone(other),
      );
      let count = 0;
      for (;;) {
        const now = clock.now();
        const claimedBefore = new Date(now.getTime() - INBOX_LEASE_MS);
        const entry = await store.claimNext(owner, { owners, claimedBefore }, now);
        if (entry === null) break;
        let failure: string | null = null;
        try {
          await replay(entry.payload as Json);
        } catch (error) {
          failure = errorText(error);
          logger.warn({ err: error, key: entry.key }, "inbox: replaying a request failed");
        }
        await finish(entry.id, failure);
        count += 1;
      }
      if (count > 0)
        logger.info({ count }, `inbox: processed ${count} request(s) a stopped process had left unprocessed`);
      return count;
    },

    prune: () => store.prune(new Date(clock.now().getTime() - INBOX_RETENTION_MS)),
  };
}
