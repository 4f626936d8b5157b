// `npm start`: the composition root. Wires configuration, logging, the database and the chat front end.
import os from "node:os";
import { processClock } from "./adapters/clock/system-clock.ts";
import { createLogger } from "./adapters/logging/create-logger.ts";
import { startDuban } from "./app/start-duban.ts";
import { parseEnv } from "./config/parse-env.ts";
import { isDomainError } from "./domain/errors.ts";

/** A clean stop takes at most this long (systemd's and Docker's kill follows after 90 s and 10 s). */
const STOP_LIMIT_MS = 9_000;

async function main(): Promise<void> {
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.stderr.write(`duban: ${error.userMessage}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT });
  // registered before start-up, so a signal during start-up still shuts down cleanly
  let running: Awaited<ReturnType<typeof startDuban>> | undefined;
  let stopRequested = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopRequested) {
      // a second signal: the operator does not want to wait (what was acknowledged is in the inbox already)
      logger.warn({ signal }, "stopping at once");
      logger.flush?.();
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    }
    stopRequested = true;
    logger.info({ signal }, "stopping: finishing the requests and the message in flight");
    // a Socket Mode reconnect under way when the client is stopped rejects with nothing to catch it
    // (@slack/socket-mode's delayed start()): that must not turn a clean stop into a crash
    process.on("unhandledRejection", (reason) =>
      logger.warn({ err: reason }, "stopping: ignored a rejection left by a connection being closed"),
    );
    // never more than STOP_LIMIT_MS: what is left unfinished is taken up by the next start (inbox, outbox, claims)
    setTimeout(() => {
      logger.error({ limitMs: STOP_LIMIT_MS }, "did not stop in time; exiting");
      logger.flush?.();
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    if (running) {
      await running.stop();
      logger.info("stopped");
      logger.flush?.();
      process.exit(0);
    }
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
  try {
    running = await startDuban(env, logger, processClock(env.DUBAN_CLOCK));
    if (stopRequested) {
      await running.stop();
      process.exit(0);
    }
    await running.finished;
    await running.stop();
    // The embedded database's engines leave timers running for seconds after closing: end now.
    process.exit(0);
  } catch (error) {
    if (isDomainError(error)) {
      logger.flush?.();
      process.stderr.write(`duban: ${error.userMessage}\n`);
      process.exit(2);
    }
    logger.fatal({ err: error }, "Duban stopped on an unexpected error");
    process.exit(1);
  }
}

await main();
