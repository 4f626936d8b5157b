/** The level of a department from its name: "市…" and "团市委" are city, "县…" county, "省…" province. */
export function departmentLevel(
  name: string,
  fallback: "province" | "city" | "county",
): "province" | "city" | "county" {
  const plain = name.replace(/市场|城市|都市/g, "");
  if (/^省/.test(plain)) return "province";
  if (/^市/.test(plain)) return "city";
  if (/^(?:(?:有关|各)?县)/.test(plain)) return "county";
  if (/市/.test(plain)) return "city";
  if (/县/.test(plain)) return "county";
  return fallback;
}
