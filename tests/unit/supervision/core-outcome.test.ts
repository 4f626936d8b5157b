import { describe, expect, it } from "vitest";
import { buildNoticeMessage } from "../../../src/domain/messages/build-notice-message.ts";
import { XLSX_MIME_TYPE } from "../../../src/domain/messages/outbound-file.ts";
import { outcome } from "../../../src/services/core/core-outcome.ts";

describe("outcome", () => {
  const notice = buildNoticeMessage("zh", "success", ["台账已生成"]);

  it("keeps the files it is given for the actor, and has none when given none", () => {
    const file = {
      name: "台账.xlsx",
      title: "台账",
      mimeType: XLSX_MIME_TYPE,
      bytes: new Uint8Array([1, 2]),
    };
    expect(outcome([notice], { attachments: [file] })).toEqual({
      replies: [notice],
      openForm: null,
      deliveries: [],
      attachments: [file],
    });
    expect(outcome([notice])).not.toHaveProperty("attachments");
  });
});
