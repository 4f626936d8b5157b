import { describe, expect, it } from "vitest";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import { validateView } from "../../fakes/slack-double/validate-view.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const button = (text: string, extra: object = {}) => ({
  type: "button",
  text: plain(text),
  action_id: "go",
  ...extra,
});
const option = (text: string, value = "v") => ({ text: plain(text), value });
const select = (options: unknown[]) => ({ type: "static_select", action_id: "pick", options });
const input = (label: string, element: object = { type: "plain_text_input", action_id: "done" }) => ({
  type: "input",
  block_id: "done_block",
  label: plain(label),
  element,
});
const many = <T>(count: number, make: (index: number) => T) =>
  Array.from({ length: count }, (_, i) => make(i));

/** Each case: a block at its limit (accepted) and one past it (refused, naming the place). */
const messageCases: [string, object, object, string][] = [
  [
    "header text <= 150",
    { type: "header", text: plain("字".repeat(150)) },
    { type: "header", text: plain("字".repeat(151)) },
    "/blocks/0/text/text",
  ],
  [
    "header is plain_text only",
    { type: "header", text: plain("标题") },
    { type: "header", text: { type: "mrkdwn", text: "*标题*" } },
    "/blocks/0/text/type",
  ],
  [
    "button text <= 75",
    { type: "actions", elements: [button("字".repeat(75))] },
    { type: "actions", elements: [button("字".repeat(76))] },
    "/blocks/0/elements/0/text/text",
  ],
  [
    "block_id <= 255",
    { type: "divider", block_id: "b".repeat(255) },
    { type: "divider", block_id: "b".repeat(256) },
    "/blocks/0/block_id",
  ],
  [
    "action_id <= 255",
    { type: "actions", elements: [button("去", { action_id: "a".repeat(255) })] },
    { type: "actions", elements: [button("去", { action_id: "a".repeat(256) })] },
    "/blocks/0/elements/0/action_id",
  ],
  [
    "context elements <= 10",
    { type: "context", elements: many(10, () => plain("注")) },
    { type: "context", elements: many(11, () => plain("注")) },
    "/blocks/0/elements",
  ],
  [
    "actions elements <= 25",
    { type: "actions", elements: many(25, (i) => button("去", { action_id: `go.${i}` })) },
    { type: "actions", elements: many(26, (i) => button("去", { action_id: `go.${i}` })) },
    "/blocks/0/elements",
  ],
  [
    "option text <= 75",
    { type: "actions", elements: [select([option("项".repeat(75))])] },
    { type: "actions", elements: [select([option("项".repeat(76))])] },
    "/blocks/0/elements/0/options/0/text/text",
  ],
  [
    "static_select options <= 100",
    { type: "actions", elements: [select(many(100, (i) => option(`${i}`, `${i}`)))] },
    { type: "actions", elements: [select(many(101, (i) => option(`${i}`, `${i}`)))] },
    "/blocks/0/elements/0/options",
  ],
  [
    "text type is plain_text or mrkdwn",
    { type: "section", text: { type: "mrkdwn", text: "x" } },
    { type: "section", text: { type: "markdown", text: "x" } },
    "/blocks/0/text/type",
  ],
  [
    "section fields <= 10",
    { type: "section", fields: many(10, () => plain("f")) },
    { type: "section", fields: many(11, () => plain("f")) },
    "/blocks/0/fields",
  ],
  [
    "text is not empty",
    { type: "section", text: plain("x") },
    { type: "section", text: plain("") },
    "/blocks/0/text/text",
  ],
  ["input label <= 2000", input("签".repeat(2000)), input("签".repeat(2001)), "/blocks/0/label/text"],
  ["known block types only", { type: "divider" }, { type: "separator" }, "/blocks/0"],
];

describe("Slack limits for message blocks", () => {
  it.each(messageCases)("%s", (_name, atLimit, pastLimit, pointer) => {
    expect(validateMessage({ text: "x", blocks: [atLimit] })).toBeUndefined();
    const refused = validateMessage({ text: "x", blocks: [pastLimit] });
    expect(refused).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(String(refused?.errors)).toContain(`[json-pointer:${pointer}]`);
  });

  it("answers no_text, msg_too_long and invalid_blocks_format like chat.postMessage", () => {
    expect(validateMessage({})).toMatchObject({ error: "no_text" });
    expect(validateMessage({ text: "", blocks: [] })).toMatchObject({ error: "no_text" });
    expect(validateMessage({ text: "字".repeat(40_000) })).toBeUndefined();
    expect(validateMessage({ text: "字".repeat(40_001) })).toMatchObject({ error: "msg_too_long" });
    expect(validateMessage({ text: "x", blocks: "[not json" })).toMatchObject({
      error: "invalid_blocks_format",
    });
  });
});

describe("Slack limits for views", () => {
  const modal = (extra: object, blocks: unknown[] = []) => ({
    type: "modal",
    title: plain("填报进展"),
    blocks,
    ...extra,
  });

  it.each([
    [
      "title <= 24",
      modal({ title: plain("字".repeat(24)) }),
      modal({ title: plain("字".repeat(25)) }),
      "/view/title/text",
    ],
    ["title is plain_text", modal({}), modal({ title: { type: "mrkdwn", text: "t" } }), "/view/title/type"],
    [
      "submit <= 24",
      modal({ submit: plain("字".repeat(24)) }),
      modal({ submit: plain("字".repeat(25)) }),
      "/view/submit/text",
    ],
    [
      "close <= 24",
      modal({ close: plain("字".repeat(24)) }),
      modal({ close: plain("字".repeat(25)) }),
      "/view/close/text",
    ],
    [
      "submit required with inputs",
      modal({ submit: plain("提交") }, [input("进展")]),
      modal({}, [input("进展")]),
      "/view",
    ],
    [
      "blocks <= 100",
      modal(
        {},
        many(100, () => ({ type: "divider" })),
      ),
      modal(
        {},
        many(101, () => ({ type: "divider" })),
      ),
      "/view/blocks",
    ],
    [
      "private_metadata <= 3000",
      modal({ private_metadata: "m".repeat(3000) }),
      modal({ private_metadata: "m".repeat(3001) }),
      "/view/private_metadata",
    ],
  ])("modal %s", (_name, atLimit, pastLimit, pointer) => {
    expect(validateView(atLimit, ["modal"])).toEqual([]);
    expect(validateView(pastLimit, ["modal"]).join("\n")).toContain(`[json-pointer:${pointer}]`);
  });

  it("takes only Home views where a Home view is expected", () => {
    expect(validateView({ type: "home", blocks: [] }, ["home"])).toEqual([]);
    expect(validateView(modal({}), ["home"])).toEqual(["must be one of: home [json-pointer:/view/type]"]);
  });
});
