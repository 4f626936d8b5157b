import type { Localized } from "../supervision/locale.ts";

/** Why a command could not be read: one line for the help answer, in both languages. */
export const commandProblems = {
  unknownSubcommand: (word: string): Localized => ({
    zh: `没有“${word}”这个子命令。`,
    en: `There is no subcommand "${word}".`,
  }),
  missingArgument: (usage: string): Localized => ({
    zh: `缺少参数，用法：${usage}`,
    en: `Missing argument. Usage: ${usage}`,
  }),
  unknownMeasure: (ref: string): Localized => ({
    zh: `找不到措施“${ref}”：请写编号（5、五、（五））或标题中的词。`,
    en: `No measure "${ref}": give its number (5, 五, （五）) or a word of its title.`,
  }),
  ambiguousMeasure: (ref: string, labels: readonly string[]): Localized => ({
    zh: `“${ref}”对应多项措施：${labels.join("、")}，请写编号。`,
    en: `"${ref}" matches several measures: ${labels.join(", ")}. Give the number.`,
  }),
  unknownDepartment: (ref: string): Localized => ({
    zh: `找不到部门“${ref}”：请写部门全称或简称。`,
    en: `No department "${ref}": give its name or an alias.`,
  }),
  ambiguousDepartment: (ref: string, names: readonly string[]): Localized => ({
    zh: `“${ref}”对应多个部门：${names.join("、")}，请写全称。`,
    en: `"${ref}" matches several departments: ${names.join(", ")}. Give the full name.`,
  }),
  unknownTarget: (ref: string): Localized => ({
    zh: `“${ref}”既不是措施也不是部门：请写措施编号、标题中的词或部门名称。`,
    en: `"${ref}" is neither a measure nor a department: give a measure number, a title word or a department name.`,
  }),
  measureOrDepartment: (
    ref: string,
    measures: readonly string[],
    departments: readonly string[],
  ): Localized => ({
    zh: `“${ref}”既可指措施${measures.join("、")}，也可指部门${departments.join("、")}，请写得更具体（措施可写编号）。`,
    en: `"${ref}" could be measure ${measures.join(", ")} or department ${departments.join(", ")}: be more specific (a measure by number).`,
  }),
  missingMention: (): Localized => ({
    zh: "请用 @ 指明用户，用法：/duban assign <部门> <@用户> [角色]",
    en: "Mention the user with @. Usage: /duban assign <department> <@user> [role]",
  }),
  unknownRole: (word: string): Localized => ({
    zh: `没有“${word}”这个角色：可选 联络员、督查人员、读者、管理员。`,
    en: `No role "${word}": choose contact, supervisor, reader or admin.`,
  }),
  extraWords: (words: string): Localized => ({
    zh: `多余的内容：“${words}”。`,
    en: `Unexpected words: "${words}".`,
  }),
};
