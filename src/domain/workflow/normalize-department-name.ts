/**
 * A department name with spelling differences that do not make another department removed: spaces,
 * bracket width, and the collective "有关县" / "各县" of 主送 lists, which stand for "县".
 */
export function normalizeDepartmentName(name: string): string {
  return name
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/^(?:有关|各)县(?:（市、区）)?/, "县");
}
