/** English slugs for the usual departments of a Chinese city or county government, by name stem. */
const STEMS: [RegExp, string][] = [
  [/^发展(?:和)?改革委(?:员会)?$|^发改委$/, "development-reform"],
  [/^农业农村局$/, "agriculture"],
  [/^乡村振兴局$/, "rural-revitalization"],
  [/^文化广电(?:和)?旅游局$|^文旅局$/, "culture-tourism"],
  [/^林业局$/, "forestry"],
  [/^商务局$/, "commerce"],
  [/^财政局$/, "finance"],
  [/^人力资源(?:和)?社会保障局$|^人社局$/, "human-resources"],
  [/^应急管理局$/, "emergency-management"],
  [/^住房(?:和)?城乡建设局$|^住建局$/, "housing"],
  [/^交通运输局$/, "transport"],
  [/^教育(?:体育)?局$/, "education"],
  [/^卫生健康委(?:员会)?$|^卫健委$/, "health"],
  [/^民政局$/, "civil-affairs"],
  [/^自然资源(?:和规划)?局$/, "natural-resources"],
  [/^公安局$/, "public-security"],
  [/^总工会$/, "trade-union"],
  [/^团[市县]?委$/, "youth-league"],
  [/^妇联$|^妇女联合会$/, "womens-federation"],
  [/^残联$|^残疾人联合会$/, "disabled-persons-federation"],
  [/^生态环境(?:分)?局$/, "ecology-environment"],
  [/^水利局$/, "water-resources"],
  [/^市场监(?:督)?管(?:理)?局$/, "market-regulation"],
  [/^审计局$/, "audit"],
  [/^统计局$/, "statistics"],
  [/^司法局$/, "justice"],
  [/^工业和信息化局$|^工信局$/, "industry-it"],
  [/^科(?:学)?技(?:术)?局$/, "science-technology"],
  [/^医疗保障局$|^医保局$/, "healthcare-security"],
  [/^退役军人事务局$/, "veterans-affairs"],
  [/^城市管理局$|^城管局$/, "urban-management"],
  [/^税务局$/, "taxation"],
  [/^人民政府$/, "government"],
];
/** Vertically managed units named after their place, which take no level prefix. */
const PROPER: [RegExp, string][] = [
  [/^(?:人行|(?:中国)?人民银行).*支行$/, "pbc"],
  [/银保监/, "cbirc"],
];
const LEVEL = /^(?:(?:有关|各)县(?:[（(]市、区[）)])?|市(?!场)|县|省)/;

/**
 * The English stem of a department name, for ids and for matching a city department with its county
 * counterpart: "市住房城乡建设局" and "有关县住房和城乡建设局" both give "housing"; "人行南阳中心支行"
 * gives "pbc", a proper name (it takes no level prefix). Null for a name the table does not know.
 */
export function departmentSlug(name: string): { stem: string; proper: boolean } | null {
  const proper = PROPER.find(([pattern]) => pattern.test(name));
  if (proper !== undefined) return { stem: proper[1], proper: true };
  const plain = name.replace(LEVEL, "").replace(/^团[市县]委$/, "团委");
  const known = STEMS.find(([pattern]) => pattern.test(plain));
  return known === undefined ? null : { stem: known[1], proper: false };
}
