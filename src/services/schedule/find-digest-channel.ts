import type { PlanDirectoryStore } from "../../domain/ports/supervision-store.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";

/** Where the loaded plan's weekly digest goes, or that it has nowhere to go. */
export type DigestChannelCheck =
  | { kind: "no_plan" }
  | { kind: "found"; planId: string; channel: string; from: "workflow" | "DUBAN_DIGEST_CHANNEL" }
  | { kind: "missing"; planId: string; problem: string };

/** How to give the digest a channel (said at start-up, in the shell's banner and by `duban doctor`). */
export const DIGEST_CHANNEL_FIX =
  "set schedule.digest.channel in the plan's workflow file and run `duban load` again, or set DUBAN_DIGEST_CHANNEL";

/**
 * The digest channel of the loaded plan (or `planId`): the workflow's `schedule.digest.channel`, else
 * `defaultChannel` (DUBAN_DIGEST_CHANNEL). Every schedule posts a weekly digest, so a plan with neither
 * would fail every Monday; `missing` says so in one line with the fix.
 */
export async function findDigestChannel(
  store: PlanDirectoryStore,
  defaultChannel: string | undefined,
  planId?: string,
): Promise<DigestChannelCheck> {
  const plan = await store.readPlanDirectory(planId);
  if (plan === null) return { kind: "no_plan" };
  const { channel } = readPlanSchedule(plan.schedule).digest;
  if (channel) return { kind: "found", planId: plan.planId, channel, from: "workflow" };
  if (defaultChannel)
    return { kind: "found", planId: plan.planId, channel: defaultChannel, from: "DUBAN_DIGEST_CHANNEL" };
  return {
    kind: "missing",
    planId: plan.planId,
    problem: `the weekly digest of plan ${plan.planId} has no channel, so every digest would fail: ${DIGEST_CHANNEL_FIX}`,
  };
}
