import type { Command } from "commander";
import type { CliIo } from "../cli-io.ts";
import { withDatabase } from "../with-database.ts";

/** Exit code when the audit chain is broken. */
export const EXIT_CHAIN_BROKEN = 1;

/** `duban audit verify`: recomputes the audit log's hash chain and names the first broken link. */
export function registerAuditCommand(program: Command, io: CliIo): void {
  const audit = program.command("audit").description("the tamper-evident audit log (hash chain)");
  audit
    .command("verify")
    .description("recompute the audit log's hash chain; report the first broken link (exit 1) or the head")
    .action(async () => {
      const { verifyAuditChain } = await import("../../adapters/db/verify-audit-chain.ts");
      await withDatabase(io, "duban audit verify", async ({ db }) => {
        const verdict = await verifyAuditChain(db.prisma);
        if (!verdict.intact) {
          io.err(
            `chain broken at event ${verdict.brokenAt} (after ${verdict.events - 1} good events): ${verdict.reason}`,
          );
          io.exitCode = EXIT_CHAIN_BROKEN;
          return;
        }
        const older =
          verdict.unchained > 0 ? ` (${verdict.unchained} written before the chain began, not covered)` : "";
        io.out(`chain intact, ${verdict.events} events${older}, head ${verdict.head ?? "(none)"}`);
      });
    });
}
