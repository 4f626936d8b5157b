const ORG_SUFFIX = /(?:局|委|办|会|联|行|组|院|厅|部|署|处|所|站|中心|队|社|司|团|室|府|协|馆)$/;

/** True when a name ends the way department names do (局, 委, 办, 联, 支行 ...), 2 to 30 characters. */
export function looksLikeDepartmentName(name: string): boolean {
  return name.length >= 2 && name.length <= 30 && ORG_SUFFIX.test(name) && !/[，。；：\s]/.test(name);
}
