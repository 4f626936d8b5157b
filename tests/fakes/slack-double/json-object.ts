/** A parsed JSON object: Block Kit payloads are checked field by field, not trusted to a type. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
