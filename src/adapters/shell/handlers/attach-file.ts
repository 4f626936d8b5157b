import { randomUUID } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DomainError } from "../../../domain/errors.ts";
import { type EvidenceFile, filetypeFromName } from "../../../domain/evidence/report-evidence.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import { saveAttachment } from "../save-attachments.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { showOutcome } from "./show-outcome.ts";

/**
 * The largest file kept: what Slack's file input takes, 10 MB
 * (docs.slack.dev/reference/block-kit/block-elements/file-input-element).
 */
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * `/attach <path> [text]`: the shell's way of dropping a file into the thread of the last DM from Duban, as a
 * contact does in Slack. A copy is kept under `<DUBAN_DATA_DIR>/evidence` (the file's permalink points to it)
 * and the message goes to the core like a Slack file share: with text it is a report with the file as evidence,
 * without text the file joins the sender's latest report. A missing, unreadable or too large file is one line.
 */
export async function attachFile(context: ShellContext, path: string, text: string): Promise<void> {
  const locale = actorLocale(context);
  const source = resolve(path);
  const refuse = (zh: string, en: string): never => {
    throw new DomainError("attach-refused", pick(locale, { zh, en }));
  };
  const info = await stat(source).catch(() => null);
  if (info === null) refuse(`找不到文件：${path}`, `No such file: ${path}`);
  if (!info?.isFile()) refuse(`不是文件：${path}`, `Not a file: ${path}`);
  if ((info?.size ?? 0) > MAX_EVIDENCE_BYTES)
    refuse(`文件超过 10 MB，未发送：${path}`, `The file is over 10 MB and was not sent: ${path}`);
  const name = basename(source);
  const bytes = await readFile(source);
  const kept = await saveAttachment({ name, title: name, mimeType: "", bytes }, context.evidenceDir);
  const file: EvidenceFile = {
    fileId: `shell-file-${randomUUID()}`,
    name,
    filetype: filetypeFromName(name),
    mimetype: null,
    permalink: pathToFileURL(kept).href,
  };
  const { actor } = context.session;
  const last = context.mailbox.lastReceived(actor.person.id);
  const outcome = await context.core.recordReply({
    user: actor.user,
    text,
    channel: context.ids.dmChannel(actor.person),
    ts: context.ids.nextTs(),
    threadTs: last?.ref.ts ?? null,
    eventId: context.ids.nextEventId(),
    source: "SHELL",
    files: [file],
  });
  await showOutcome(context, outcome);
}
