import { DomainError } from "../../../domain/errors.ts";

/**
 * The schema engine's errors carry a Rust span trace after the message ("   0: schema_engine_wasm::…").
 * Keeps the part a person can act on.
 */
export function schemaEngineErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutTrace = message.split(/\n\s+0: /)[0] ?? message;
  return withoutTrace.trim().replace(/\s*\n\s*/g, " ");
}

/** Runs a schema engine command; its failure becomes a DomainError with a one-line message. */
export async function reportingSchemaEngineErrors<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const failure = new DomainError(
      "migration_failed",
      `${action} failed: ${schemaEngineErrorMessage(error)}`,
    );
    throw Object.assign(failure, { cause: error });
  }
}
