import type { DigestChartData } from "../../domain/charts/digest-chart-data.ts";
import type { OutboundFile } from "../../domain/messages/outbound-file.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";

export type ChartRenderer = (data: DigestChartData) => Uint8Array;

let resvg: Promise<ChartRenderer> | undefined;

/** resvg (a native module) is loaded on the first chart drawn, not when a front end starts. */
function drawWithResvg(): Promise<ChartRenderer> {
  resvg ??= import("./render-digest-chart.ts").then((module) => module.renderDigestChart);
  return resvg;
}

/** The digest's chart as a PNG file ("督办周报-2026-W49.png"); null when the digest carries no chart data. */
export async function digestChartFile(
  digest: DigestMessage,
  render?: ChartRenderer,
): Promise<OutboundFile | null> {
  if (digest.chart === null) return null;
  const draw = render ?? (await drawWithResvg());
  const zh = digest.locale === "zh";
  return {
    name: `${zh ? "督办周报" : "duban-digest"}-${digest.weekKey}.png`,
    title: zh ? `督办进展图 ${digest.weekKey}` : `Progress chart ${digest.weekKey}`,
    mimeType: "image/png",
    bytes: draw(digest.chart),
  };
}
