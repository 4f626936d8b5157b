/**
 * Characters no text from a person may carry into Duban: the C0 controls but tab, line feed and carriage return
 * (U+0000-U+001F), DEL (U+007F), the C1 controls (U+0080-U+009F), and a UTF-16 surrogate that is not half of a
 * pair (what a cut-off emoji or a broken encoder leaves; with the `u` flag a pair is one code point, not Cs).
 *
 * Why: PostgreSQL cannot store NUL in text ("The character with code zero (sometimes called NUL) cannot be
 * stored", https://www.postgresql.org/docs/current/datatype-character.html) and refuses the whole statement
 * with error 22021; a lone surrogate is not valid UTF-16, so the drivers silently store U+FFFD in its place;
 * the rest are invisible in chat and in the ledger, and ESC (U+001B) starts terminal escape sequences in the
 * shell. Invalid UTF-8 never reaches here as such: every decoder on the way in (Bolt's body parser, the
 * shell's readline, the file readers) turns it into U+FFFD or refuses the file.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "gu");

/** The text without its control characters (the same string when it has none). */
export function removeControlCharacters(text: string): string {
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, "") : text;
}

/** True when the text had something in it, and all of it was control characters (and white space). */
export function isOnlyControlCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text) && removeControlCharacters(text).trim() === "";
}

/** "U+0000": how messages name a code point (a lone surrogate by its code unit). */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where a control character sits in a nested value: the path to the string, and which character it is. */
export interface ControlCharacterFound {
  path: (string | number)[];
  /** "U+0000" */
  character: string;
}

/** Every string in a plain value (objects, arrays) that holds a control character, with its path. */
export function findControlCharacters(
  value: unknown,
  path: (string | number)[] = [],
): ControlCharacterFound[] {
  if (typeof value === "string") {
    const match = CONTROL_CHARACTER.exec(value);
    return match === null ? [] : [{ path, character: codePointName(match[0]) }];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => findControlCharacters(item, [...path, index]));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) => findControlCharacters(item, [...path, key]));
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A person's input with the control characters removed from every string in it: strings, arrays and plain
 * objects are copied cleaned; anything else (a Date, a Buffer, an object with methods such as a port) is
 * passed on as it is.
 */
export function cleanPersonInput<T>(value: T): T {
  if (typeof value === "string") return removeControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map(cleanPersonInput) as T;
  if (!isPlainObject(value) || Object.values(value).some((item) => typeof item === "function")) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanPersonInput(item)])) as T;
}
