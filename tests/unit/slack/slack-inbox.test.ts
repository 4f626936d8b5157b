import type { ReceiverEvent } from "@slack/bolt";
import { describe, expect, it, vi } from "vitest";
import {
  classifySlackRequest,
  createSlackInbox,
  INBOX_LEASE_MS,
} from "../../../src/adapters/slack/slack-inbox.ts";
import type { InboxEntry, InboxStore, NewInboxEntry } from "../../../src/domain/ports/inbox-store.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";

const dm = { channel: "D0CONTACT1", channel_type: "im" };
const event = (body: object, eventId = "Ev1") => ({ type: "event_callback", event_id: eventId, event: body });

describe("which Slack requests the inbox keeps", () => {
  it("a person's DM messages, edits, deletions and file shares by event_id, to replay", () => {
    const message = { type: "message", user: "U0CONTACT1", text: "推进中", ts: "1.1", ...dm };
    expect(classifySlackRequest(event(message))).toEqual({ key: "event:Ev1", kind: "message", replay: true });
    expect(classifySlackRequest(event({ ...message, subtype: "file_share", files: [{ id: "F1" }] }))).toEqual(
      {
        key: "event:Ev1",
        kind: "file_share",
        replay: true,
      },
    );
    const changed = {
      type: "message",
      subtype: "message_changed",
      message,
      previous_message: message,
      ...dm,
    };
    expect(classifySlackRequest(event(changed))?.kind).toBe("message_changed");
    const deleted = { type: "message", subtype: "message_deleted", previous_message: message, ...dm };
    expect(classifySlackRequest(event(deleted))?.kind).toBe("message_deleted");
    expect(classifySlackRequest(event({ type: "app_home_opened", user: "U1", tab: "home" }))).toEqual({
      key: "event:Ev1",
      kind: "app_home_opened",
      replay: false,
    });
  });

  it("not bots' messages (Duban's own included), other channels or events Duban does not handle", () => {
    const own = { type: "message", bot_id: "B0DUBANBOT", user: "U0DUBANBOT", text: "催办", ts: "1.2", ...dm };
    expect(classifySlackRequest(event(own))).toBeNull();
    const ownEdit = { type: "message", subtype: "message_changed", message: own, ...dm };
    expect(classifySlackRequest(event(ownEdit))).toBeNull();
    const inChannel = {
      type: "message",
      user: "U1",
      text: "hi",
      ts: "1.3",
      channel: "C1",
      channel_type: "channel",
    };
    expect(classifySlackRequest(event(inChannel))).toBeNull();
    expect(classifySlackRequest(event({ type: "reaction_added" }))).toBeNull();
    expect(classifySlackRequest({ type: "view_closed", trigger_id: "T1" })).toBeNull();
  });

  it("commands, clicks and form submissions by trigger_id; only clicks that write are replayed", () => {
    expect(classifySlackRequest({ command: "/duban", text: "remind 2", trigger_id: "13345.1" })).toEqual({
      key: "trigger:13345.1",
      kind: "command",
      replay: true,
    });
    const click = (actionId: string) => ({
      type: "block_actions",
      trigger_id: "T2",
      actions: [{ action_id: actionId }],
    });
    expect(classifySlackRequest(click("duban.approve"))?.replay).toBe(true);
    expect(classifySlackRequest(click("duban.report"))).toEqual({
      key: "trigger:T2",
      kind: "block_actions",
      replay: false,
    });
    expect(classifySlackRequest({ type: "view_submission", trigger_id: "T3", view: { id: "V1" } })?.key).toBe(
      "trigger:T3",
    );
    expect(classifySlackRequest({ type: "view_submission", view: { id: "V1" } })?.key).toMatch(
      /^body:[0-9a-f]{64}$/,
    );
  });
});

/** An in-memory InboxStore, enough to drive the inbox's logic. */
function memoryStore(): InboxStore & {
  rows: Array<NewInboxEntry & { id: string; processedAt: Date | null }>;
} {
  const rows: Array<NewInboxEntry & { id: string; processedAt: Date | null; claimedAt: Date }> = [];
  return {
    rows,
    async accept(entry) {
      if (rows.some((row) => row.key === entry.key)) return null;
      const id = String(rows.length + 1);
      rows.push({ ...entry, id, processedAt: null, claimedAt: entry.receivedAt });
      return id;
    },
    async markProcessed(id, at) {
      const row = rows.find((candidate) => candidate.id === id);
      if (row) row.processedAt = at;
    },
    listUnprocessedOwners: async () => [
      ...new Set(rows.filter((row) => !row.processedAt).map((row) => row.owner)),
    ],
    async claimNext(owner, from, at): Promise<InboxEntry | null> {
      const row = rows.find(
        (candidate) =>
          candidate.processedAt === null &&
          candidate.replay &&
          (from.owners.includes(candidate.owner) || candidate.claimedAt < from.claimedBefore),
      );
      if (!row) return null;
      Object.assign(row, { owner, claimedAt: at });
      return row;
    },
    prune: async () => 0,
  };
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), debug: vi.fn() });

describe("the inbox in front of Bolt", () => {
  const message = event({ type: "message", user: "U0CONTACT1", text: "推进中", ts: "1.1", ...dm }, "EvA");

  it("stores before Bolt acknowledges; the same request again is acknowledged and goes no further", async () => {
    const store = memoryStore();
    const log = logger();
    const inbox = createSlackInbox({
      store,
      clock: createSettableClock("2026-11-20T02:00:00Z"),
      logger: log,
    });
    const order: string[] = [];
    const dispatch = vi.fn(async (received: ReceiverEvent) => {
      order.push(`dispatch, stored ${store.rows.length}`);
      await received.ack();
    });
    const ack = vi.fn(async () => {
      order.push("ack");
    });
    await inbox.receive({ body: message, ack }, dispatch);
    expect(order).toEqual(["dispatch, stored 1", "ack"]);
    expect(store.rows[0]?.processedAt).toEqual(new Date("2026-11-20T02:00:00Z"));

    await inbox.receive({ body: message, ack, retryNum: 1, retryReason: "http_timeout" }, dispatch);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledTimes(2);

    const command = { command: "/duban", text: "remind 2", trigger_id: "T9" };
    await inbox.receive({ body: command, ack }, dispatch);
    await inbox.receive({ body: command, ack }, dispatch);
    expect(dispatch).toHaveBeenCalledTimes(2);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[1]).toMatch(/refused a replayed request/);
  });

  it("a request the store cannot take is not acknowledged: the receiver answers an error and Slack retries", async () => {
    const store = { ...memoryStore(), accept: async () => Promise.reject(new Error("database down")) };
    const inbox = createSlackInbox({
      store,
      clock: createSettableClock("2026-11-20T02:00:00Z"),
      logger: logger(),
    });
    const ack = vi.fn();
    await expect(inbox.receive({ body: message, ack }, async (e) => e.ack())).rejects.toThrow(
      "database down",
    );
    expect(ack).not.toHaveBeenCalled();
  });

  it("replays, in order and once, what a gone process left and what outlived the lease; not a living one's", async () => {
    const store = memoryStore();
    const clock = createSettableClock("2026-11-20T02:00:00Z");
    const entry = (key: string, owner: string, replay = true): NewInboxEntry => ({
      key,
      kind: "message",
      replay,
      payload: { key },
      receivedAt: clock.now(),
      owner,
    });
    await store.accept(entry("event:1", "host:1:gone"));
    await store.accept(entry("event:2", "host:2:alive"));
    await store.accept(entry("event:3", "host:1:gone", false));
    await store.accept(entry("event:4", "host:1:gone"));
    const inbox = createSlackInbox({
      store,
      clock,
      logger: logger(),
      owner: "host:3:me",
      isOwnerGone: (owner) => owner === "host:1:gone",
    });
    const replayed: unknown[] = [];
    expect(await inbox.recover(async (body) => void replayed.push(body))).toBe(2);
    expect(replayed).toEqual([{ key: "event:1" }, { key: "event:4" }]);
    expect(await inbox.recover(async (body) => void replayed.push(body))).toBe(0);
    clock.advance(INBOX_LEASE_MS + 1);
    expect(await inbox.recover(async (body) => void replayed.push(body))).toBe(1);
    expect(replayed.at(-1)).toEqual({ key: "event:2" });
  });
});
