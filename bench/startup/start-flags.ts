import { readFileSync } from "node:fs";

/**
 * The node flags `npm start` runs Duban with (package.json's start script: `node <flags> dist/main.js`), so
 * the benches measure the process a user runs, flags included.
 */
export function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    scripts: { start: string };
  };
  const match = /node ((?:--\S+ )*)dist\/main\.js/.exec(manifest.scripts.start);
  if (match === null) throw new Error("package.json's start script does not run node … dist/main.js");
  return (match[1] ?? "").split(" ").filter(Boolean);
}
