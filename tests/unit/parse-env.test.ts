import { describe, expect, it } from "vitest";
import { parseClockSetting, parseEnv } from "../../src/config/parse-env.ts";
import { DomainError } from "../../src/domain/errors.ts";

function messageOf(env: NodeJS.ProcessEnv): string {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).userMessage;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DUBAN_DATA_DIR).toBe("./data");
    expect(env.PORT).toBe(3000);
    expect(env.TZ).toBe("Asia/Shanghai");
    expect(env.DUBAN_ADMINS).toEqual([]);
    expect(env.DUBAN_AUTO_MIGRATE).toBe(false);
  });

  it("reads a server URL, admins and flags", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/duban",
      DUBAN_ADMINS: "U1, U2,,",
      DUBAN_AUTO_MIGRATE: "1",
      PORT: "8080",
    });
    expect(env.DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/duban");
    expect(env.DUBAN_ADMINS).toEqual(["U1", "U2"]);
    expect(env.DUBAN_AUTO_MIGRATE).toBe(true);
    expect(env.PORT).toBe(8080);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/x" }, "DATABASE_URL: expected a PostgreSQL URL"],
    [{ PORT: "abc" }, "PORT: expected a port number"],
    [{ PORT: "70000" }, "PORT: expected a port number"],
    [{ TZ: "Mars/Olympus" }, "TZ: expected an IANA time zone"],
    [{ SLACK_BOT_TOKEN: "abc" }, "SLACK_BOT_TOKEN: expected a bot token starting with xoxb-"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL:"],
    [{ DUBAN_CLOCK: "2027-01-04 09:30" }, "DUBAN_CLOCK: expected an ISO time with its offset"],
    [{ DUBAN_CLOCK: "2027-01-04T09:30:00" }, "DUBAN_CLOCK: expected an ISO time with its offset"],
  ])("names the bad variable %o", (env, expected) => {
    const message = messageOf(env);
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });

  it("reads DUBAN_CLOCK (tests and demos) as an instant, with its offset; unset or empty is the computer's clock", () => {
    expect(parseEnv({ DUBAN_CLOCK: "2027-01-04T09:30:00+08:00" }).DUBAN_CLOCK?.toISOString()).toBe(
      "2027-01-04T01:30:00.000Z",
    );
    expect(parseEnv({}).DUBAN_CLOCK).toBeUndefined();
    expect(parseClockSetting({ DUBAN_CLOCK: "" })).toBeUndefined();
    expect(parseClockSetting({ DUBAN_CLOCK: "2028-02-29T02:00:00Z" })?.toISOString()).toBe(
      "2028-02-29T02:00:00.000Z",
    );
    expect(() => parseClockSetting({ DUBAN_CLOCK: "tomorrow" })).toThrow(
      "invalid configuration: DUBAN_CLOCK: expected an ISO time with its offset",
    );
  });
});
