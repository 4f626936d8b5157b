/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Approximate width of `text` at `size` px: CJK and full-width characters 1 em, others about 0.56 em. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text)
    ems += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(char) ? 1 : 0.56;
  return ems * size;
}

/** `text` cut to fit `width` px, ending with "…" when cut. */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = "";
  for (const char of text) {
    if (textWidth(`${out}${char}…`, size) > width) break;
    out += char;
  }
  return `${out}…`;
}

export interface TextOptions {
  size?: number;
  anchor?: "start" | "middle" | "end";
  weight?: number;
  fill?: string;
}

/** A <text> element in the chart's font. */
export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const { size = 14, anchor = "start", weight = 400, fill = "#222" } = options;
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}">${escapeXml(text)}</text>`;
}

/** The smallest "nice" axis maximum at or above `value` (at least 4), and how many whole-number steps divide it. */
export function niceAxis(value: number): { max: number; steps: number } {
  const target = Math.max(4, value);
  const power = 10 ** Math.floor(Math.log10(target));
  const max = [1, 2, 2.5, 4, 5, 8, 10].map((step) => step * power).find((nice) => nice >= target) as number;
  return { max, steps: Number.isInteger(max / 4) ? 4 : 5 };
}
