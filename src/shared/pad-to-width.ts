import stringWidth from "string-width";

/** Pads text to a display width, counting a CJK character as two columns, so tables of Chinese line up. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** Cuts text to at most `width` display columns, ending with "…" when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (stringWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…`;
}
