import { departmentSlug } from "./department-slug.ts";
import { normalizeDepartmentName } from "./normalize-department-name.ts";

/**
 * The county counterpart of a city department: the 主送 (recipients) entry of the same kind
 * ("市住房城乡建设局" -> "有关县住房和城乡建设局" -> "县住房和城乡建设局"), else "县" + the name
 * without its level, reported as a guess. Proper names without a recipient get none.
 */
export function deriveCountyCounterpart(
  name: string,
  recipients: readonly string[],
): { counterpart: { name: string; aliases: string[] } | undefined; warning: string | null } {
  const slug = departmentSlug(name);
  const own = normalizeDepartmentName(name);
  const match =
    slug === null
      ? undefined
      : recipients.find(
          (recipient) =>
            departmentSlug(recipient)?.stem === slug.stem && normalizeDepartmentName(recipient) !== own,
        );
  if (match !== undefined)
    return { counterpart: { name: normalizeDepartmentName(match), aliases: [] }, warning: null };
  if (slug?.proper === true || !name.includes("市")) {
    return {
      counterpart: undefined,
      warning: `no county counterpart found for ${name}: add countyCounterpart by hand`,
    };
  }
  const guess = name.startsWith("市") ? `县${name.slice(1)}` : name.replace("市", "县");
  return {
    counterpart: { name: guess, aliases: [] },
    warning: `county counterpart of ${name} guessed as ${guess} (the recipients list names none): check it`,
  };
}
