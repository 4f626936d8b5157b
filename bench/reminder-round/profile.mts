import { spawnSync } from "node:child_process";
import { prepareRoundDatabase } from "./prepare-round-database.ts";
const db = await prepareRoundDatabase("synthetic");
const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/reminder-round/profile-child.mts"], { env: { ...process.env, ...db.env }, stdio: "inherit" });
await db.discard();
