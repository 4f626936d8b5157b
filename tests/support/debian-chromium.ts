import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium (installed by .ci/run); no browser is downloaded. CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumFound = existsSync(CHROMIUM);
/** axe-core's browser build, injected into pages for the accessibility checks. */
export const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Screenshots land here (git-ignored). */
export const SHOTS = resolve(import.meta.dirname, "../../test-output/web");

/** A browser test's title, saying why it is skipped when there is no chromium. */
export function browserTestTitle(what: string): string {
  return chromiumFound ? what : `${what} — SKIPPED: no chromium at ${CHROMIUM} (apt-get install -y chromium)`;
}

/** Starts Debian's chromium headless (no sandbox: root in CI containers lacks its user namespaces). */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}
