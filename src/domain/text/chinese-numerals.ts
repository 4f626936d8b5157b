const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral below 10,000 ("二十一" -> 21, "十" -> 10, "一百零五" -> 105); null if it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const char of text) {
    const digit = DIGITS[char];
    const unit = UNITS[char];
    if (digit !== undefined) {
      current = digit;
    } else if (unit !== undefined) {
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}

const SMALL = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Formats 1..99 as a Chinese numeral (21 -> "二十一", 10 -> "十"). */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99)
    throw new RangeError(`unsupported numeral ${value}`);
  if (value < 10) return SMALL[value] as string;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : SMALL[tens]}十${ones === 0 ? "" : SMALL[ones]}`;
}
