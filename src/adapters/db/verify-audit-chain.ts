import {
  type AuditChainVerdict,
  createAuditChainChecker,
  type StoredAuditEvent,
} from "../../domain/audit/check-audit-chain.ts";
import type { PrismaClient } from "./generated/client.ts";

const BATCH = 1000;

/** Recomputes the audit log's hash chain from the first event to the last, in batches; stops at the first broken link. */
export async function verifyAuditChain(prisma: PrismaClient): Promise<AuditChainVerdict> {
  const checker = createAuditChainChecker();
  let after: bigint | null = null;
  for (;;) {
    const rows: StoredAuditEvent[] = await prisma.auditEvent.findMany({
      ...(after === null ? {} : { where: { id: { gt: after } } }),
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (!checker.add(row)) return checker.verdict();
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < BATCH) return checker.verdict();
    after = last.id;
  }
}
