// `npm start`: the composition root. Wires configuration, logging, the database and the chat front end.
import { processClock } from "./adapters/clock/system-clock.ts";
import { createLogger } from "./adapters/logging/create-logger.ts";
import { startDuban } from "./app/start-duban.ts";
import { parseEnv } from "./config/parse-env.ts";
import { isDomainError } from "./domain/errors.ts";

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
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping");
    stopRequested = true;
    if (running) {
      await running.stop();
      process.exit(0);
    }
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
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
