/** A level-prefixed department named in running text: "市发展改革委", "市乡村振兴局", "县财政局". */
const NAMED =
  /(?<![城都我全本该各省市县设])[市县](?!场|县|级|直|区|委|政府)[\u4e00-\u9fa5]{1,12}?(?:局|委员会|委|办公室|办|总工会|妇联|残联|科协|中心|支行|分行)/g;

/**
 * Departments a measure's body names, for a measure that has no lead clause: in (二十一)
 * "市发展改革委同市乡村振兴局等有关部门…" gives 市发展改革委 and 市乡村振兴局. Only suggestions: a human
 * confirms them.
 */
export function suggestDepartments(text: string): string[] {
  return [...new Set(text.match(NAMED) ?? [])];
}
