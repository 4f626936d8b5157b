import { Prisma } from "./generated/client.ts";

/** A raw query's failure (P2010) carries the driver adapter's error: its kind says a unique constraint failed. */
function isRawUniqueViolation(error: Prisma.PrismaClientKnownRequestError): boolean {
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined;
  return error.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/**
 * True for Prisma's "unique constraint failed" (P2002, or a raw query's P2010 from the same violation),
 * optionally on a given column.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code !== "P2002" && !isRawUniqueViolation(error)) return false;
  if (column === undefined) return true;
  return JSON.stringify(error.meta ?? {}).includes(column);
}
