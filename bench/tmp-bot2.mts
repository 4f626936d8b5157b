import { spawn, spawnSync } from "node:child_process";
import { createTemporaryPostgresDatabase } from "../src/adapters/db/temporary-postgres-database.ts";
import { startSlackDouble } from "../tests/fakes/slack-double/start-slack-double.ts";

const database = await createTemporaryPostgresDatabase(
  process.env.TEST_DATABASE_URL as string,
  "duban_bench_bot",
);
const double = await startSlackDouble();
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATABASE_URL: database.url,
  LOG_FORMAT: "json",
};
spawnSync(process.execPath, ["bin/duban.js", "db", "migrate"], { env });
spawnSync(process.execPath, ["bin/duban.js", "load", "workflows/nanyang-relocation-2021.yaml"], { env });
const extra = (process.env.EXTRA ?? "").split(" ").filter(Boolean);
const child = spawn(process.execPath, [...extra, "--import", "/tmp/rb-mem.mjs", "dist/main.js"], {
  env: {
    ...env,
    PORT: "3999",
    SLACK_BOT_TOKEN: double.workspace.bot.token,
    SLACK_SIGNING_SECRET: double.workspace.signingSecret,
    SLACK_API_URL: double.apiUrl,
    DUBAN_LOAD_LOG: "/tmp/rb-bot-load.log",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
child.stderr.on("data", (c) => {
  if (String(c).includes("MEM")) {
    process.stdout.write(String(c));
    child.kill("SIGTERM");
  }
});
await new Promise((r) => child.once("exit", r));
await double.close();
await database.drop();
