import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The CJK font the charts are drawn with: Noto Sans Hans (Noto Sans CJK SC, GB2312 subset, SIL OFL) from the npm
 * package @embedpdf/fonts-sc, so `npm ci` alone brings it and no system font is needed.
 */
export function chartFontFiles(): string[] {
  const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
  const fonts = join(dirname(entry), "..", "fonts");
  return [join(fonts, "NotoSansHans-Regular.otf"), join(fonts, "NotoSansHans-Bold.otf")];
}
