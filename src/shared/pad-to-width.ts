import { createRequire } from "node:module";

type StringWidth = (text: string) => number;

// string-width builds an Intl.Segmenter and Unicode-property regexes when it loads (~10 ms); the command
// definitions import this module, so `duban --help` would pay for it. It loads on the first non-ASCII text
// (require of an ES module, supported by the node versions package.json's engines allow).
let stringWidthModule: StringWidth | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  stringWidthModule ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth }).default;
  return stringWidthModule(text);
}

/** Pads text to a display width, counting a CJK character as two columns, so tables of Chinese line up. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to at most `width` display columns, ending with "…" when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (displayWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…`;
}
