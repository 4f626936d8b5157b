import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "../slack/support/expect-every-call-accepted.ts";
import {
  CONTACT,
  DIGEST_CHANNEL,
  type SlackE2e,
  SUPERVISOR,
  startSlackE2e,
} from "../slack/support/start-slack-e2e.ts";

describe.each(testDatabaseTargets())("the digest's 在网页中查看 button, on %s", (target) => {
  let e: SlackE2e;
  beforeAll(async () => {
    e = await startSlackE2e(target, { webBoardUrl: "https://duban.example.gov.cn" });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("gives each clicker their own sign-in link, shown only to them", async () => {
    const posted = await e.driver.slashCommand({ user: SUPERVISOR, text: "digest" });
    expect(posted.status).toBe(200);
    await e.slack.idle();
    const digest = e.double.messages(DIGEST_CHANNEL).find((message) => message.threadTs === undefined);
    if (digest === undefined) throw new Error("no digest posted");
    const links: string[] = [];
    for (const user of [SUPERVISOR, CONTACT]) {
      const click = await e.driver.blockAction({ user, actionId: "duban.web_board", message: digest });
      expect(click.status).toBe(200);
      await e.slack.idle();
      const path = new URL(String(click.responseUrl)).pathname;
      const answer = e.double.calls("response_url").find((call) => call.path === path);
      const text = JSON.stringify(answer?.args);
      expect(text).toContain('"response_type":"ephemeral"');
      const link = /https:\/\/duban\.example\.gov\.cn\/web\/sign-in\?token=[\w-]+/.exec(text)?.[0];
      expect(link, text).toBeDefined();
      links.push(link as string);
    }
    expect(new Set(links).size).toBe(2);
    const owners = await e.db.prisma.webSignInLink.findMany({
      select: { person: { select: { externalId: true } } },
    });
    expect(owners.map((o) => o.person.externalId).sort()).toEqual([CONTACT, SUPERVISOR].sort());
    expectEveryCallAccepted(e.double);
  });
});
