import type { DigestMessage } from "../../src/domain/messages/schedule-message-types.ts";
import type { ChatMessageRef, DigestPublisher } from "../../src/domain/ports/chat.ts";

export interface RecordingDigestPublisher extends DigestPublisher {
  posted: Array<{ channel: string | null; digest: DigestMessage; ref: ChatMessageRef }>;
}

/** A DigestPublisher that records each digest and answers with a fresh ts in the channel (or "CDIGEST"). */
export function createRecordingDigestPublisher(): RecordingDigestPublisher {
  const posted: RecordingDigestPublisher["posted"] = [];
  return {
    posted,
    publish: async (channel, digest) => {
      const ref = {
        channel: channel ?? "CDIGEST",
        ts: `1790000000.${String(posted.length + 1).padStart(6, "0")}`,
      };
      posted.push({ channel, digest, ref });
      return [ref];
    },
  };
}
