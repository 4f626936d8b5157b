import { DriverAdapterError } from "@prisma/driver-adapter-utils";

interface PostgresErrorFields {
  code: string;
  message: string;
  severity?: string | undefined;
  detail?: string | undefined;
  column?: string | undefined;
  hint?: string | undefined;
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  const candidate = error as Partial<PostgresErrorFields> | null;
  return typeof candidate?.code === "string" && typeof candidate.message === "string";
}

/**
 * Wraps an error reported by PostgreSQL (pg or PGlite) the way driver adapters do, so Prisma's engines
 * can report it (SQLSTATE code and message); anything else is returned as it is.
 */
export function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}
