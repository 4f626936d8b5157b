import type { DoubleState } from "./double-state.ts";
import type { ApiArgs } from "./parse-api-request.ts";
import type { SlackApiResult } from "./slack-api-error.ts";

export interface MethodContext {
  state: DoubleState;
  args: ApiArgs;
  /** "http://127.0.0.1:<port>", for URLs the double hands out (upload URLs, permalinks). */
  baseUrl: string;
}

export type WebApiMethod = (context: MethodContext) => SlackApiResult;

/** A string argument; form fields always arrive as strings, JSON bodies may carry numbers. */
export function stringArg(args: ApiArgs, name: string): string | undefined {
  const value = args[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function booleanArg(args: ApiArgs, name: string): boolean {
  const value = args[name];
  return value === true || value === "true" || value === "1" || value === 1;
}
