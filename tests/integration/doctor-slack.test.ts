import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { type SlackDouble, startSlackDouble } from "../fakes/slack-double/start-slack-double.ts";
import { createEmbeddedDataDir } from "../support/embedded-data-dir.ts";
import { recordingCliIo } from "../support/recording-cli-io.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";

describe.each(testDatabaseTargets())("duban doctor with Slack configured (%s)", (target) => {
  let double: SlackDouble;
  let dataDir: string | undefined;
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    double = await startSlackDouble();
    if (target === "postgres") db = await createTestDatabase(target);
    else dataDir = await createEmbeddedDataDir();
  }, 60_000);
  afterAll(async () => {
    await double?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => double.reset());

  async function doctor(env: Record<string, string>) {
    const io = recordingCliIo(process.cwd(), {
      ...(db?.url ? { DATABASE_URL: db.url } : { DUBAN_DATA_DIR: dataDir ?? "" }),
      SLACK_BOT_TOKEN: double.workspace.bot.token,
      SLACK_SIGNING_SECRET: double.workspace.signingSecret,
      SLACK_API_URL: double.apiUrl,
      ...env,
    });
    const code = await runCli(["doctor"], io);
    const line = (label: string) => io.stdout.find((text) => text.includes(label)) ?? "";
    return { code, token: line("slack token"), channel: line("digest channel") };
  }

  it("checks the token with auth.test and that Duban is in the digest channel", async () => {
    double.inviteBot("C0DUBANSUP");
    const ok = await doctor({ DUBAN_DIGEST_CHANNEL: "#督办周报" });
    expect(ok.token).toMatch(/^✓ slack token\s+bot @duban in 南阳督办 \(T0DUBAN001\)/);
    expect(ok.channel).toMatch(/^✓ digest channel\s+#督办周报 \(C0DUBANSUP\), public, Duban is in it/);
  });

  it("names the fix: not in a public channel, a private one it cannot see, an archived one", async () => {
    const notIn = await doctor({ DUBAN_DIGEST_CHANNEL: "C0DUBANSUP" });
    expect(notIn.code).toBe(1);
    expect(notIn.channel).toContain("✗ digest channel");
    expect(notIn.channel).toContain("Duban is not in #督办周报: type /invite @duban in #督办周报");
    const hidden = await doctor({ DUBAN_DIGEST_CHANNEL: "#duban-leaders" });
    expect(hidden.channel).toContain(
      "Duban cannot see #duban-leaders: if it is private, type /invite @duban in it",
    );
    double.inviteBot("C0GENERAL1");
    double.archiveChannel("C0GENERAL1");
    const archived = await doctor({ DUBAN_DIGEST_CHANNEL: "#general" });
    expect(archived.channel).toContain("#general is archived: name another channel");
  });

  it("says what to do when Slack refuses the token, in one line", async () => {
    double.refuseToken("token_revoked");
    const revoked = await doctor({});
    expect(revoked.code).toBe(1);
    expect(revoked.token).toBe(
      "✗ slack token   Slack refused the token (token_revoked): the app was removed or its token revoked: reinstall it and set the new SLACK_BOT_TOKEN",
    );
    const wrong = await doctor({ SLACK_BOT_TOKEN: "xoxb-wrong" });
    expect(wrong.token).toContain("Slack refused the token (invalid_auth): copy the Bot User OAuth Token");
  });
});
