import { DomainError } from "../domain/errors.ts";
import { type Env, EnvSchema } from "./env-schema.ts";

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
