import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import type { DigestChartData } from "../../domain/charts/digest-chart-data.ts";
import { chartFontFiles } from "./chart-font-files.ts";
import { CHART_FONT_FAMILY, digestChartSvg } from "./digest-chart-svg.ts";

function resvgOptions(fontFiles: string[] | undefined): ResvgRenderOptions {
  return {
    font: {
      fontFiles: fontFiles ?? chartFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
    },
    background: "#ffffff",
  };
}

/**
 * The weekly digest's chart as a PNG: drawn as SVG and rasterised by resvg (Rust, prebuilt in its npm package;
 * no browser, no system fonts: only the bundled CJK font, so every machine draws the same pixels).
 */
export function renderDigestChart(data: DigestChartData, options: { fontFiles?: string[] } = {}): Buffer {
  return new Resvg(digestChartSvg(data), resvgOptions(options.fontFiles)).render().asPng();
}

/** The same PNG, drawn on libuv's thread pool: a server answering other requests meanwhile (the web board). */
export async function renderDigestChartAsync(data: DigestChartData): Promise<Buffer> {
  return (await renderAsync(digestChartSvg(data), resvgOptions(undefined))).asPng();
}
