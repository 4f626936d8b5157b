const OPEN = new Set(["（", "("]);
const CLOSE = new Set(["）", ")"]);

/**
 * The parenthesised group a text ends with (a trailing "。" is allowed), either bracket width:
 * "…发展。（市民政局、公安局等部门按职责分工牵头负责）" -> its inside and where the group starts. Null if
 * the text does not end with a closed group.
 */
export function findTrailingParenthesis(text: string): { inner: string; start: number } | null {
  const trimmed = text.replace(/[。.\s]+$/, "");
  const chars = Array.from(trimmed);
  const last = chars.at(-1);
  if (last === undefined || !CLOSE.has(last)) return null;
  let depth = 0;
  for (let index = chars.length - 1; index >= 0; index--) {
    const char = chars[index] as string;
    if (CLOSE.has(char)) depth++;
    if (OPEN.has(char)) depth--;
    if (depth === 0) {
      const start = chars.slice(0, index).join("").length;
      return { inner: chars.slice(index + 1, -1).join(""), start };
    }
  }
  return null;
}
