import type { ChatMessageRef } from "../../domain/ports/chat.ts";
import type { InDoubtGroup } from "../../domain/ports/schedule-store.ts";
import { readPayloads } from "./outbox-payload.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** In-doubt groups looked at per pass (each costs a history read). */
const MAX_PER_PASS = 50;
/** History is read from a little before the claim: the clocks of Duban and Slack may differ. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ReconcileReport {
  /** Found in the chat: marked sent. */
  found: number;
  /** Not in the chat: released, to be sent again in this pass. */
  resent: number;
  /** Could not be looked up now (the chat failed): left in doubt for the next pass. */
  unsettled: number;
}

/** Where the group's message would be: the recipient's DM, or the digest's channel. */
async function lookUp(
  deps: ResolvedScheduleDeps,
  group: InDoubtGroup,
  since: Date,
): Promise<ChatMessageRef | null | "cannot-tell"> {
  const [payload] = readPayloads([group.payload]) ?? [];
  if (payload?.type === "digest") {
    const find = deps.digestPublisher.findPublished;
    return find ? find(payload.channel, group.groupKey, since) : "cannot-tell";
  }
  const person = group.recipientId === null ? null : await deps.store.findPersonById(group.recipientId);
  if (person === null) return null; // nobody to look at: released, and its send closes it
  const find = deps.notifier.findSent;
  return find ? find(person, group.groupKey, since) : "cannot-tell";
}

/**
 * Settles the groups whose sender died mid-send (claimed longer ago than `inDoubtAfterMs`, neither sent nor
 * closed): each message carries its group key into the chat (chat.postMessage metadata), so the DM's (or the
 * digest channel's) recent history says whether it arrived. Found: marked sent, never sent again. Not found:
 * released and sent again. A chat that cannot be asked (no findSent) leaves the group in doubt, as before:
 * at most once rather than twice.
 */
export async function reconcileInDoubt(deps: ResolvedScheduleDeps, now: Date): Promise<ReconcileReport> {
  const report: ReconcileReport = { found: 0, resent: 0, unsettled: 0 };
  const claimedBefore = new Date(now.getTime() - deps.tuning.inDoubtAfterMs);
  const groups = await deps.schedules.listInDoubt(claimedBefore, MAX_PER_PASS);
  for (const group of groups) {
    let found: ChatMessageRef | null | "cannot-tell";
    try {
      found = await lookUp(deps, group, new Date(group.claimedAt.getTime() - CLOCK_SKEW_MS));
    } catch (error) {
      report.unsettled += 1;
      deps.logger.warn(
        { groupKey: group.groupKey, err: error },
        "outbox: could not look up a message in doubt",
      );
      continue;
    }
    if (found === "cannot-tell") {
      report.unsettled += 1;
      continue;
    }
    if (!(await deps.schedules.settleInDoubt(group, found, now))) continue;
    if (found === null) report.resent += 1;
    else report.found += 1;
    deps.logger.info(
      {
        groupKey: group.groupKey,
        claimedBy: group.claimedBy,
        claimedAt: group.claimedAt,
        arrived: found !== null,
      },
      found === null
        ? "outbox: a message in doubt had not arrived; sending it again"
        : "outbox: a message in doubt had arrived; marked sent",
    );
  }
  return report;
}
