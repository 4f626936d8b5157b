import type { webApi } from "@slack/bolt";
import { z } from "zod";
import { type EvidenceFile, filetypeFromName } from "../../domain/evidence/report-evidence.ts";

/**
 * A file as Slack describes it: in a message event's `files` (subtype file_share; FileShareMessageEvent in
 * slackapi/node-slack-sdk packages/types/src/events/message.ts), in a file_input's state on view_submission
 * (`files`, UploadedFile in slackapi/bolt-js src/types/view/index.ts) and in files.info's `file`
 * (packages/web-api/src/types/response/FilesInfoResponse.ts). Only the id is certain: an event may carry
 * `{"id": "F…", "mode": "file_access", "file_access": "check_file_info"}` and nothing else (files shared
 * through Slack Connect, hidden_by_limit), and then files.info tells the rest.
 */
const SlackFileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(1000).nullish(),
  title: z.string().max(1000).nullish(),
  filetype: z.string().max(64).nullish(),
  mimetype: z.string().max(255).nullish(),
  permalink: z.string().max(3000).nullish(),
  file_access: z.string().max(64).nullish(),
  mode: z.string().max(64).nullish(),
});
type SlackFile = z.infer<typeof SlackFileSchema>;

/** At most this many files are read from one message or form (a file_input takes up to 10). */
const MAX_FILES = 20;

/** The files of a message event or a file_input's state, as far as they can be read; others are left out. */
export function readSlackFiles(files: unknown): SlackFile[] {
  if (!Array.isArray(files)) return [];
  return files.slice(0, MAX_FILES).flatMap((file) => {
    const parsed = SlackFileSchema.safeParse(file);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Whether Slack described the file fully enough to keep, or files.info must be asked. */
function isDescribed(file: SlackFile): boolean {
  return file.file_access !== "check_file_info" && !!(file.name || file.title) && !!file.permalink;
}

function toEvidenceFile(file: SlackFile): EvidenceFile {
  const name = file.name || file.title || file.id;
  return {
    fileId: file.id,
    name,
    filetype: file.filetype || filetypeFromName(name),
    mimetype: file.mimetype || null,
    permalink: file.permalink || null,
  };
}

/**
 * The files as evidence: id, name, type and permalink, read with files.info (scope files:read) when Slack's
 * description lacks them. A file files.info cannot tell about is still kept, by its id (`onError` hears why).
 */
export async function toEvidenceFiles(
  client: webApi.WebClient,
  files: readonly SlackFile[],
  onError: (error: unknown, fileId: string) => void,
): Promise<EvidenceFile[]> {
  const evidence: EvidenceFile[] = [];
  for (const file of files) {
    if (isDescribed(file)) {
      evidence.push(toEvidenceFile(file));
      continue;
    }
    try {
      const info = await client.files.info({ file: file.id });
      const described = SlackFileSchema.safeParse(info.file);
      evidence.push(toEvidenceFile(described.success ? { ...file, ...described.data, id: file.id } : file));
    } catch (error) {
      onError(error, file.id);
      evidence.push(toEvidenceFile(file));
    }
  }
  return evidence;
}
