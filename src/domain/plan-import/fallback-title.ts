import type { DocumentMetadata } from "./extract-metadata.ts";

/**
 * A title for a plan whose title is missing (its first page lost): built from the document it
 * implements ("关于切实做好…的实施意见" -> "南阳市关于切实做好…的实施方案") and the genre its preamble
 * announces ("现提出如下实施方案"), else the name of the source. Always reported as a warning.
 */
export function fallbackTitle(metadata: DocumentMetadata, introText: string, sourceName: string): string {
  const genre = /提出如下([\u4e00-\u9fa5]{2,4}?)[：:]/.exec(introText)?.[1] ?? "实施方案";
  const topic = /^关于(.+)的[\u4e00-\u9fa5]{2,4}$/.exec(metadata.basisTitle ?? "")?.[1];
  if (topic !== undefined)
    return `${metadata.city === null ? "" : `${metadata.city}市`}关于${topic}的${genre}`;
  return sourceName;
}
