import { DomainError } from "../domain/errors.ts";
import { DubanClockSchema, type Env, EnvSchema } from "./env-schema.ts";

/**
 * Parses the environment once, at start-up. A bad value becomes a DomainError naming the variable and
 * what is expected, so every front end can print one line and exit with code 2.
 */
export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    return `${name}: ${issue.message}`;
  });
  throw new DomainError("bad_config", `invalid configuration: ${problems.join("; ")}`);
}

/**
 * DUBAN_CLOCK alone, for front ends that read no other configuration up front (the CLI): the start instant,
 * or undefined; a bad value is a DomainError naming the variable.
 */
export function parseClockSetting(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const result = DubanClockSchema.safeParse(env.DUBAN_CLOCK);
  if (result.success) return result.data;
  throw new DomainError(
    "bad_config",
    `invalid configuration: DUBAN_CLOCK: ${result.error.issues[0]?.message ?? "invalid"}`,
  );
}
