/** The id of a city department's counterpart in a county: "city-housing@nanzhao". */
export function countyDepartmentId(cityDepartmentId: string, countyId: string): string {
  return `${cityDepartmentId}@${countyId}`;
}

/**
 * A county counterpart's name in one county: the workflow writes it with "县" standing for the county
 * ("县住房和城乡建设局" -> "邓州市住房和城乡建设局", "人民银行县支行" -> "人民银行南召县支行"); a name
 * without "县" gets the county's name in front.
 */
export function countyDepartmentName(counterpartName: string, countyName: string): string {
  return counterpartName.includes("县")
    ? counterpartName.replace("县", countyName)
    : `${countyName}${counterpartName}`;
}
