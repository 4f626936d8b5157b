// Child process for tests: takes the data directory lock, says "locked", and holds it until killed.
import { lockDataDirectory } from "../../src/adapters/db/data-directory-lock.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-data-dir-lock.ts <dataDir>");
await lockDataDirectory(dataDir, "test holder");
process.stdout.write("locked\n");
setInterval(() => {}, 1000);
