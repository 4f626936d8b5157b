/**
 * JSON with object keys sorted at every level, so the same value always gives the same text (jsonb does not
 * keep key order): the audit chain hashes it, `duban load` compares stored rows with it. As JSON.stringify,
 * an undefined property is left out and a Date is its ISO text; an undefined value (alone or in an array) is null.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
