/** Names end with the kind of body they are: 局, 委, 办, 联, 支行, 监管组 ... */
const ORG_SUFFIX = /(?:局|委|办|会|联|行|组|院|厅|部|署|处|所|站|中心|队|社|司|团|室|府|协|馆)$/;
/** A level prefix: 市, 县, 省, or a collective one as in 主送 lists ("有关县", "各县（市、区）"). */
const LEVEL_PREFIX = /^(?:(?:有关|各)县(?:[（(]市、区[）)])?|市(?!场)|县(?!级)|省|区)/;
const GENERIC = /^(?:各?有关部门|相关部门|各相关部门|有关单位|相关单位)$/;
const TRAILING_ETC = /(?:等部门等|等有关部门|等相关部门|等部门|等单位|等)$/;
/** Proper names that take no level prefix: 人行南阳中心支行, 南阳银保监局 ... */
const PROPER = /^(?:人行|人民银行|中国|国家|共青团)|银保监|银监|保监|证监|海关|供电|邮政/;

export interface SplitNamesOptions {
  /** Place names (e.g. "南阳"): a name containing one carries its own level. */
  placeNames?: readonly string[];
  /** Prefix for names when the list's first name has none (e.g. the 牵头单位's "市"). */
  defaultPrefix?: string;
}

function carriesOwnLevel(name: string, placeNames: readonly string[]): boolean {
  if (LEVEL_PREFIX.test(name) || PROPER.test(name)) return true;
  if (/[市县省]/.test(name.replace(/市场|城市|都市/g, ""))) return true; // 团市委, 银保监各县监管组
  return placeNames.some((place) => place !== "" && name.includes(place));
}

/** Splits on 、，,；; but keeps "人民银行各县、市、油田支行" whole: a piece that is no name joins the next. */
function splitPieces(list: string): string[] {
  const parts = list.split(/([、，,；;])/);
  const names: string[] = [];
  let pending = "";
  for (let index = 0; index < parts.length; index += 2) {
    const piece = (parts[index] ?? "").trim().replace(TRAILING_ETC, "").trim();
    const separator = parts[index + 1] ?? "";
    if (piece === "" || GENERIC.test(piece)) continue;
    const candidate = pending + piece;
    const isLast = index + 2 >= parts.length;
    if (ORG_SUFFIX.test(candidate) || isLast) {
      names.push(candidate);
      pending = "";
    } else {
      pending = candidate + separator;
    }
  }
  return names;
}

/**
 * Splits a list of departments ("市农业农村局、发展改革委、乡村振兴局等部门") into names, drops "等",
 * "等部门", "有关部门", and gives names after the first the first one's level prefix
 * ("发展改革委" -> "市发展改革委") unless they carry their own or are proper names that take none.
 */
export function splitDepartmentNames(list: string, options: SplitNamesOptions = {}): string[] {
  const placeNames = options.placeNames ?? [];
  const names = splitPieces(list.replace(/\s+/g, ""));
  const first = names[0];
  const prefix = first === undefined ? "" : (LEVEL_PREFIX.exec(first)?.[0] ?? options.defaultPrefix ?? "");
  return names.map((name) => (carriesOwnLevel(name, placeNames) ? name : prefix + name));
}
