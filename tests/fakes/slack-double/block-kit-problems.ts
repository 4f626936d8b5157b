import { isJsonObject } from "./json-object.ts";

/** Collects problems worded like Slack's: "<message> [json-pointer:/blocks/0/text/text]". */
export class BlockKitProblems {
  readonly messages: string[] = [];

  add(message: string, pointer: string): void {
    this.messages.push(`${message} [json-pointer:${pointer}]`);
  }

  /** Checks an optional (or required) string field: a string, non-empty when required, at most `max` chars. */
  string(value: unknown, pointer: string, max: number, required = false): void {
    if (value === undefined) {
      if (required) this.missing(pointer);
    } else if (typeof value !== "string") {
      this.add("expected string", pointer);
    } else if (required && value.length === 0) {
      this.add("must be more than 0 characters", pointer);
    } else if ([...value].length > max) {
      this.add(`must be less than ${max + 1} characters`, pointer);
    }
  }

  /** Checks a text object: type plain_text|mrkdwn (plain_text only where Slack says so), 1..max chars. */
  text(
    value: unknown,
    pointer: string,
    max: number,
    options: { plainOnly?: boolean; required?: boolean } = {},
  ): void {
    const { plainOnly = false, required = true } = options;
    const allowed = plainOnly ? ["plain_text"] : ["plain_text", "mrkdwn"];
    if (value === undefined) {
      if (required) this.missing(pointer);
    } else if (!isJsonObject(value)) {
      this.add("expected object", pointer);
    } else if (!allowed.includes(String(value.type))) {
      this.add(`must be one of: ${allowed.join(", ")}`, `${pointer}/type`);
    } else {
      this.string(value.text, `${pointer}/text`, max, true);
    }
  }

  /** Checks an array's item count; returns the items worth walking. */
  items(value: unknown, pointer: string, max: number, min = 0): unknown[] {
    if (value === undefined && min === 0) return [];
    if (!Array.isArray(value)) {
      this.add(value === undefined ? "missing required field" : "expected array", pointer);
      return [];
    }
    if (value.length > max) this.add(`no more than ${max} items allowed`, pointer);
    if (value.length < min) this.add(`must provide at least ${min} items`, pointer);
    return value;
  }

  private missing(pointer: string): void {
    const cut = pointer.lastIndexOf("/");
    this.add(`missing required field: ${pointer.slice(cut + 1)}`, pointer.slice(0, cut) || "/");
  }
}
