/**
 * Collective local governments (各省级人民政府, 各区、县级市, 各县（市、区）人民政府): a clause that names one
 * makes every local government of that level responsible. The directory marks them, and loading gives
 * each of the plan's counties its own task where the plan lists counties.
 */
const PROVINCE = `省级|省|省、自治区、直辖市|省[（(]区、市[）)]|省[（(]自治区、直辖市[）)]`;
const CITY = `市级|地市|设区市|地级市|市[（(]州[）)]|市、州|市[（(]地、州、盟[）)]`;
const COUNTY = `县级|县|区|县[（(]市、区[）)]|县[（(]市、区、旗[）)]|县[（(]区[）)]|县[（(]市[）)]|县市区|县区|区县|区、县级市|区[（(]县级市[）)]|区[（(]县、市[）)]|市、县|市县|乡镇|乡[（(]镇[）)]|镇[（(]街道[）)]|镇街`;
const COLLECTIVE = new RegExp(
  `^各(?:有关)?(?:(?<province>${PROVINCE})|(?<city>${CITY})|(?<county>${COUNTY}))(?:人民政府|政府)?$`,
);

type CollectiveLevel = "province" | "city" | "county";

/** The level of a collective local government's members, or null when the name is not one. */
export function collectiveLevel(name: string): CollectiveLevel | null {
  const groups = COLLECTIVE.exec(name.replace(/\s+/g, ""))?.groups;
  if (groups === undefined) return null;
  if (groups.province !== undefined) return "province";
  if (groups.city !== undefined) return "city";
  return "county";
}

/** True for "各省级人民政府", "各有关省级人民政府", "各区、县级市", "各县（市、区）人民政府" ... */
export function isCollectiveLocalGovernment(name: string): boolean {
  return collectiveLevel(name) !== null;
}

/** An id stem for a collective: "各有关省级人民政府" -> "relevant-provincial-governments". */
export function collectiveSlug(name: string): string | null {
  const level = collectiveLevel(name);
  if (level === null) return null;
  const stem = { province: "provincial", city: "city", county: "county" }[level];
  return `${/^各有关/.test(name) ? "relevant-" : ""}${stem}-governments`;
}
