import { setTimeout as sleep } from "node:timers/promises";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { DomainError } from "../../../domain/errors.ts";

/** Duban's own advisory lock key ("duba"); the schema engine separately uses Prisma's key 72707369. */
export const DUBAN_MIGRATION_LOCK_KEY = 0x64756261;

export interface MigrationLockOptions {
  log?: ((message: string) => void) | undefined;
  /** How long to wait for another process's migration before giving up (default 10 minutes). */
  timeoutMs?: number | undefined;
  pollMs?: number | undefined;
}

async function tryLock(session: SqlDriverAdapter): Promise<boolean> {
  const result = await session.queryRaw({
    sql: `SELECT pg_try_advisory_lock(${DUBAN_MIGRATION_LOCK_KEY})`,
    args: [],
    argTypes: [],
  });
  return result.rows[0]?.[0] === true;
}

async function unlock(session: SqlDriverAdapter): Promise<void> {
  await session.executeRaw({
    sql: `SELECT pg_advisory_unlock(${DUBAN_MIGRATION_LOCK_KEY})`,
    args: [],
    argTypes: [],
  });
}

async function acquire(session: SqlDriverAdapter, options: MigrationLockOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let announced = false;
  while (!(await tryLock(session))) {
    if (Date.now() >= deadline) {
      throw new DomainError(
        "migration_lock_timeout",
        "gave up waiting for another process that is applying migrations to this database",
      );
    }
    if (!announced) options.log?.("another process is applying migrations to this database; waiting for it");
    announced = true;
    await sleep(options.pollMs ?? 250);
  }
}

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock, so processes that start together
 * migrate one after the other. The schema engine takes its own lock too, but gives up after 10 seconds;
 * this one waits for a long migration to finish. The lock lives on a connection of its own (on PGlite,
 * the single session, where it never blocks) and is released even if `work` fails.
 */
export async function withMigrationLock<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: MigrationLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const session = await adapterFactory.connect();
  try {
    await acquire(session, options);
    try {
      return await work();
    } finally {
      await unlock(session);
    }
  } finally {
    await session.dispose(); // on a server this closes the connection, which would release the lock anyway
  }
}
