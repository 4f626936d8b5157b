import { isCollectiveLocalGovernment } from "../workflow/collective-local-government.ts";
import { isGenericParty } from "./department-name-checks.ts";

/** A level prefix: 市, 县, 省, or a collective one as in 主送 lists ("有关县", "各县（市、区）"). */
const LEVEL_PREFIX = /^(?:(?:有关|各)县(?:[（(]市、区[）)])?|市(?!场)|县(?!级)|省|区)/;
/**
 * What a list item may end with that is not part of the name: "等", "等部门", "等有关部门和单位",
 * "会同有关部门" ("水利部会同有关部门负责").
 */
const TRAILING_ETC =
  /(?:等(?:有关|相关)?(?:部门|单位)?(?:和单位|和部门|及单位)?等?|(?:会同|协同)(?:有关|相关)?(?:部门|单位)(?:和单位)?)$/;
/** Proper names that take no level prefix: 人行南阳中心支行, 南阳银保监局, 共青团中央, 全国妇联 ... */
const PROPER =
  /^(?:人行|人民银行|中国|国家|共青团|全国|中华全国|中央|国务院)|银保监|银监|保监|证监|海关|供电|邮政/;
/** A piece that ends in "各县" or "、市" continues into the next: "人民银行各县、市、油田支行", "各区、县级市". */
const CONTINUES = /(?:各(?:有关)?|、)(?:省|市|县|区)$/;

export interface SplitNamesOptions {
  /** Place names (e.g. "南阳"): a name containing one carries its own level. */
  placeNames?: readonly string[];
  /** Prefix for names when the list's first name has none (e.g. the 牵头单位's "市"). */
  defaultPrefix?: string;
}

function carriesOwnLevel(name: string, placeNames: readonly string[]): boolean {
  if (LEVEL_PREFIX.test(name) || PROPER.test(name) || isCollectiveLocalGovernment(name)) return true;
  if (/[市县省]/.test(name.replace(/市场|城市|都市/g, ""))) return true; // 团市委, 银保监各县监管组
  if (/^[\u4e00-\u9fa5]{2,}区$/.test(name)) return true; // 城关区
  return placeNames.some((place) => place !== "" && name.includes(place));
}

/** Splits on the separators outside brackets, keeping each separator after its piece. */
function splitOutsideBrackets(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let piece = "";
  for (const char of list) {
    if (char === "（" || char === "(") depth++;
    if ((char === "）" || char === ")") && depth > 0) depth--;
    if (depth === 0 && /[、，,；;]/.test(char)) {
      parts.push(piece, char);
      piece = "";
    } else {
      piece += char;
    }
  }
  parts.push(piece);
  return parts;
}

/**
 * Splits on 、，,；; outside brackets and on "和" before a collective ("…等和各省级人民政府"); keeps
 * "各区、县级市" and "各县（市、区）人民政府" whole.
 */
function splitPieces(list: string): string[] {
  const parts = splitOutsideBrackets(list.replace(/等?和(?=各)/g, "、"));
  const names: string[] = [];
  let pending = "";
  for (let index = 0; index < parts.length; index += 2) {
    const separator = parts[index + 1] ?? "";
    const candidate = pending + (parts[index] ?? "").trim();
    if (CONTINUES.test(candidate) && index + 2 < parts.length) {
      pending = candidate + separator;
      continue;
    }
    pending = "";
    const name = candidate.replace(TRAILING_ETC, "").trim();
    if (name !== "" && !isGenericParty(name)) names.push(name);
  }
  return names;
}

/**
 * Splits a list of departments ("市农业农村局、发展改革委、乡村振兴局等部门") into names, drops "等",
 * "等部门", "等有关部门和单位", generic wording ("各有关部门和单位"), and gives names after the first the
 * first one's level prefix ("发展改革委" -> "市发展改革委") unless they carry their own, are proper names
 * or collective local governments ("各省级人民政府", kept as written).
 */
export function splitDepartmentNames(list: string, options: SplitNamesOptions = {}): string[] {
  const placeNames = options.placeNames ?? [];
  const names = splitPieces(list.replace(/\s+/g, ""));
  const first = names[0];
  const prefix = first === undefined ? "" : (LEVEL_PREFIX.exec(first)?.[0] ?? options.defaultPrefix ?? "");
  return names.map((name) => (carriesOwnLevel(name, placeNames) ? name : prefix + name));
}
