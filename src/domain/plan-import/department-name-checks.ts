/**
 * Words a responsibility clause uses for "everyone concerned" rather than a unit: 各有关部门和单位,
 * 有关部门, 各地区各部门, 国务院有关部门, 各项目牵头单位 ... A clause naming only these names nobody.
 */
const GENERIC =
  /^(?:国务院|中央|省直|市直|县直|区直)?(?:各|有关|相关|其他|其他有关|各有关|各相关)?(?:地区|地方|地|级)?、?(?:各|有关|相关)?(?:部门|单位|成员单位|项目牵头单位|部门和单位|部门及单位|单位和部门)$/;

/** True for generic wording ("各有关部门和单位") that names no identifiable unit. */
export function isGenericParty(name: string): boolean {
  return GENERIC.test(name.replace(/\s+/g, ""));
}

/** Longest name a department plausibly has; longer means a clause was read wrong. */
const MAX_DEPARTMENT_NAME_LENGTH = 30;

/**
 * Why a name looks like a piece of a clause rather than a department ("全国总工会等和各省级人民政府",
 * "各有关部门和单位，各省级人民政府"), or null when it looks like a name. Names need no 局/委/办 ending
 * (共青团中央, 全国妇联, 团市委 are names).
 */
export function fragmentReason(name: string): string | null {
  if (name.length < 2) return "it is shorter than two characters";
  if (name.length > MAX_DEPARTMENT_NAME_LENGTH)
    return `it is longer than ${MAX_DEPARTMENT_NAME_LENGTH} characters`;
  if (/等/.test(name)) return 'it contains "等"';
  if (/和各/.test(name)) return 'it contains "和各"';
  if (/负责/.test(name)) return 'it contains "负责"';
  if (/[，,。；;：:]/.test(name)) return "it contains punctuation";
  const verb = /^(?:由|在|对|向|并|要|将|请|按)/.exec(name);
  if (verb !== null) return `it starts like a sentence ("${verb[0]}")`;
  return null;
}
