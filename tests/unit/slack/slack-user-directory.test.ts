import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackUserDirectoryFor } from "../../../src/adapters/slack/create-slack-user-directory.ts";
import { isDomainError } from "../../../src/domain/errors.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";

let double: SlackDouble;
beforeAll(async () => {
  double = await startSlackDouble();
});
afterAll(() => double.close());

describe("duban contacts import's look-ups when Slack refuses", () => {
  const directory = () =>
    createSlackUserDirectoryFor({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });

  it("finds a member, and answers null for an address nobody has", async () => {
    double.reset();
    expect(await directory().lookupByEmail("li.na@nanyang.gov.cn")).toMatchObject({
      externalId: "U0CONTACT1",
    });
    expect(await directory().lookupByEmail("nobody@nanyang.gov.cn")).toBeNull();
  });

  it("says in one line what to do about a refused token or a missing scope, never Slack's raw error", async () => {
    double.reset();
    double.refuseToken("token_revoked");
    const revoked = await directory()
      .lookupByEmail("li.na@nanyang.gov.cn")
      .catch((error: unknown) => error);
    expect(isDomainError(revoked) && revoked.userMessage).toBe(
      "Slack refused users.lookupByEmail (token_revoked): the app was removed or its token revoked: reinstall it and set the new SLACK_BOT_TOKEN",
    );
    double.reset();
    double.setScopes(["chat:write"]);
    const scope = await directory()
      .lookupByEmail("li.na@nanyang.gov.cn")
      .catch((error: unknown) => error);
    expect(isDomainError(scope) && scope.userMessage).toContain("the token lacks users:read.email");
  });
});
