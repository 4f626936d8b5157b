// Is the compiled build in dist/ older than its sources? Used by `npm run build -- --if-stale` (npm start),
// by bin/duban.js (which refuses a stale build) and by the test suite's global set-up.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const STAMP = join(ROOT, "dist", ".build-stamp");
const INPUTS = ["src", "package.json", "scripts/build.mjs"];

function newestFile(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) return null;
  return info.isDirectory() ? newestFileUnder(path) : { path, mtimeMs: info.mtimeMs };
}

// Every `duban` call in a checkout walks src/ (~500 files): directories are told apart by their entries'
// types, so only files are stat'ed (a directory's mtime changes on renames, never on an edit of a file).
function newestFileUnder(directory) {
  let newest = null;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = `${directory}/${entry.name}`;
    const found = entry.isDirectory() ? newestFileUnder(path) : { path, mtimeMs: statSync(path).mtimeMs };
    if (found !== null && (newest === null || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Why the build can't be used as it is, or null when it is current: no build yet, or the newest source
 * (relative to the project) changed after the last build. Without src/ (the release package) it is current.
 */
export function staleBuildReason() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  const sources = newestFile(join(ROOT, "src"));
  if (sources === null) return null;
  if (stamp === undefined) return "there is no build in dist/";
  for (const input of INPUTS) {
    // src/ was walked above: every `duban` call runs this, so each tree is walked once
    const newest = input === "src" ? sources : newestFile(join(ROOT, input));
    if (newest !== null && newest.mtimeMs > stamp.mtimeMs) {
      return `the build in dist/ is older than ${relative(ROOT, newest.path)}`;
    }
  }
  return null;
}
