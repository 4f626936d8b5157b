import type { Clock } from "../../domain/ports/clock.ts";

/** The computer's clock. */
export const systemClock: Clock = { now: () => new Date() };
