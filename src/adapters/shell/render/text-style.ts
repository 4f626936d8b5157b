import { createColors } from "picocolors";
import type { StatusLight } from "../../../domain/lights/status-light.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";

/** How the shell draws emphasis and status lights: coloured on a terminal, plain words otherwise. */
export interface TextStyle {
  color: boolean;
  bold(text: string): string;
  dim(text: string): string;
  /** For errors and refusals. */
  error(text: string): string;
  success(text: string): string;
  /** A status light: a coloured ● with colour, "[红]" / "[red]" without. */
  light(light: StatusLight, locale: Locale): string;
}

const LIGHT_WORD: Record<StatusLight, { zh: string; en: string }> = {
  green: { zh: "绿", en: "green" },
  yellow: { zh: "黄", en: "yellow" },
  red: { zh: "红", en: "red" },
};

/** Colour is used on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function createTextStyle(color: boolean): TextStyle {
  const colors = createColors(color);
  const paint: Record<StatusLight, (text: string) => string> = {
    green: colors.green,
    yellow: colors.yellow,
    red: colors.red,
  };
  return {
    color,
    bold: colors.bold,
    dim: colors.dim,
    error: colors.red,
    success: colors.green,
    light: (light, locale) => (color ? paint[light]("●") : `[${LIGHT_WORD[light][locale]}]`),
  };
}
