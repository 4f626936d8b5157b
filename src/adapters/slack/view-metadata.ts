import { z } from "zod";

/** Where a modal was opened from: the message (its channel and ts) whose button opened it, if any. */
const OriginSchema = z.object({ channel: z.string().max(64).optional(), ts: z.string().max(32).optional() });

/** The report modal's private_metadata: the task, the report being edited (if any), and the origin. */
export const ReportFormMetadataSchema = OriginSchema.extend({
  task: z.string().min(1).max(64),
  report: z.string().min(1).max(64).optional(),
});
export type ReportFormMetadata = z.infer<typeof ReportFormMetadataSchema>;

/** The return-reason modal's private_metadata. */
export const ReturnReasonMetadataSchema = OriginSchema.extend({ task: z.string().min(1).max(64) });
export type ReturnReasonMetadata = z.infer<typeof ReturnReasonMetadataSchema>;

export function encodeMetadata(metadata: ReportFormMetadata | ReturnReasonMetadata): string {
  return JSON.stringify(metadata);
}

/** Reads a view's private_metadata with `schema`; null when it is not Duban's. */
export function decodeMetadata<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
