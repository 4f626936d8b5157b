import type { PrismaClient } from "../../adapters/db/generated/client.ts";
import { createPrismaPlanDirectoryStore } from "../../adapters/db/prisma-plan-directory-store.ts";
import type { Env } from "../../config/env-schema.ts";
import { isDomainError } from "../../domain/errors.ts";
import { findDigestChannel } from "../../services/schedule/find-digest-channel.ts";

/**
 * `duban doctor`'s digest check: fails when the loaded plan's weekly digest has no channel (neither the
 * workflow's schedule.digest.channel nor DUBAN_DIGEST_CHANNEL), naming the fix; passes with where it goes.
 */
export async function checkDigestChannel(
  prisma: PrismaClient,
  env: Pick<Env, "DUBAN_DIGEST_CHANNEL">,
): Promise<{ ok: boolean; label: string; detail: string }> {
  const label = "digest";
  try {
    const found = await findDigestChannel(createPrismaPlanDirectoryStore(prisma), env.DUBAN_DIGEST_CHANNEL);
    if (found.kind === "no_plan") return { ok: true, label, detail: "no plan loaded yet" };
    if (found.kind === "missing") return { ok: false, label, detail: found.problem };
    const from =
      found.from === "workflow" ? "the workflow's schedule.digest.channel" : "DUBAN_DIGEST_CHANNEL";
    return { ok: true, label, detail: `weekly digest of plan ${found.planId} to ${found.channel} (${from})` };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false, label, detail: error.userMessage };
  }
}
