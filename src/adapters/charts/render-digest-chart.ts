import { Resvg } from "@resvg/resvg-js";
import type { DigestChartData } from "../../domain/charts/digest-chart-data.ts";
import { chartFontFiles } from "./chart-font-files.ts";
import { CHART_FONT_FAMILY, digestChartSvg } from "./digest-chart-svg.ts";

/**
 * The weekly digest's chart as a PNG: drawn as SVG and rasterised by resvg (Rust, prebuilt in its npm package;
 * no browser, no system fonts: only the bundled CJK font, so every machine draws the same pixels).
 */
export function renderDigestChart(data: DigestChartData, options: { fontFiles?: string[] } = {}): Buffer {
  const svg = digestChartSvg(data);
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: options.fontFiles ?? chartFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
    },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
