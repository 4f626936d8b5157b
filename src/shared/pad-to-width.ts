import { createRequire } from "node:module";

type StringWidth = (text: string) => number;

// string-width is exact for any text (grapheme clusters, emoji, ANSI codes), but costly to start: loading it
// and its first call (an Intl.Segmenter, Unicode-property regexes, East Asian width tables) took ~80 ms of the
// shell's start here. Most of Duban's text is plain ASCII and CJK ideographs, whose widths are fixed: one
// column each for printable ASCII, two for each ideograph and fullwidth punctuation (Unicode's East Asian Width
// "W"/"F", UAX #11; the ideographic tone marks U+302A–302F, which combine, are left out), each a grapheme of
// its own. Such text is measured here; anything else (emoji, combining
// marks, other scripts) goes to string-width, loaded on first need (require of an ES module, supported by the
// node versions package.json's engines allow).
let stringWidthModule: StringWidth | undefined;
const ASCII_AND_IDEOGRAPHS =
  /^[\x20-\x7e\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]*$/;
const ASCII = /[\x20-\x7e]/g;

/** Display columns of `text` in a terminal: a CJK character counts two. */
export function displayWidth(text: string): number {
  if (ASCII_AND_IDEOGRAPHS.test(text)) {
    const ascii = text.match(ASCII)?.length ?? 0;
    return ascii + 2 * (text.length - ascii);
  }
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
