/** A person (or another bot) in the fake workspace. `locale` is only returned by users.info with include_locale. */
export interface SlackUserFixture {
  id: string;
  name: string;
  realName: string;
  email?: string;
  locale?: string;
  isBot?: boolean;
  botId?: string;
  tz?: string;
  /** Deactivated: users.info answers `deleted: true`. */
  deleted?: boolean;
}

/**
 * A public or private channel. A new bot is in no channel (`botIsMember` default false): it posts only after
 * someone invites it (SlackDouble.inviteBot) or it joins a public one (conversations.join).
 */
export interface SlackChannelFixture {
  id: string;
  name: string;
  isPrivate?: boolean;
  botIsMember?: boolean;
  isArchived?: boolean;
  /** When given, chat.postEphemeral refuses users outside this list (user_not_in_channel). */
  members?: string[];
}

export interface SlackBotFixture {
  userId: string;
  botId: string;
  name: string;
  token: string;
}

/** Everything the double and the driver need to agree on: ids, secrets, people and channels. */
export interface SlackWorkspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  appId: string;
  signingSecret: string;
  /** The deprecated verification token Slack still puts in every payload's `token` field. */
  verificationToken: string;
  bot: SlackBotFixture;
  /** Further tokens auth.test accepts (e.g. a user token); each acts as the bot. */
  extraTokens: string[];
  users: SlackUserFixture[];
  channels: SlackChannelFixture[];
}

const defaultUsers: SlackUserFixture[] = [
  { id: "U0SUPERV01", name: "wang.jun", realName: "王军", email: "wang.jun@nanyang.gov.cn", locale: "zh-CN" },
  { id: "U0CONTACT1", name: "li.na", realName: "李娜", email: "li.na@nanyang.gov.cn", locale: "zh-CN" },
  {
    id: "U0CONTACT2",
    name: "zhang.wei",
    realName: "张伟",
    email: "zhang.wei@nanyang.gov.cn",
    locale: "zh-CN",
  },
  {
    id: "U0ENGLISH1",
    name: "alice.chen",
    realName: "Alice Chen",
    email: "alice@example.com",
    locale: "en-US",
  },
  { id: "U0OTHERBOT", name: "other-bot", realName: "Other Bot", isBot: true, botId: "B0OTHERBOT" },
];

const defaultChannels: SlackChannelFixture[] = [
  { id: "C0GENERAL1", name: "general" },
  { id: "C0DUBANSUP", name: "督办周报" }, // the supervisors' channel, named as the Nanyang workflow's digest channel
  { id: "C0NOBOTHER", name: "random" },
  { id: "C0LEADERS1", name: "duban-leaders", isPrivate: true },
];

/** A workspace with a bot, Chinese- and English-speaking users, another bot and a few channels. */
export function createSlackWorkspace(overrides: Partial<SlackWorkspace> = {}): SlackWorkspace {
  return {
    teamId: "T0DUBAN001",
    teamName: "南阳督办",
    teamDomain: "nanyang-duban",
    appId: "A0DUBAN001",
    signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
    verificationToken: "duban-verification-token",
    bot: { userId: "U0DUBANBOT", botId: "B0DUBANBOT", name: "duban", token: "xoxb-0000-duban-test-token" },
    extraTokens: [],
    users: defaultUsers.map((user) => ({ ...user })),
    channels: defaultChannels.map((channel) => ({ ...channel })),
    ...overrides,
  };
}
