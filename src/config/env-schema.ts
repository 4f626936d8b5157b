import { z } from "zod";

const port = z.coerce
  .number({ error: "expected a port number between 1 and 65535" })
  .int({ error: "expected a port number between 1 and 65535" })
  .min(1, { error: "expected a port number between 1 and 65535" })
  .max(65535, { error: "expected a port number between 1 and 65535" });

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const flag = z
  .enum(["0", "1", "true", "false", ""], { error: "expected 1 or 0" })
  .optional()
  .transform((value) => value === "1" || value === "true");

/** DUBAN_CLOCK: an ISO date-time with its offset, read as the instant the process's clock starts at. */
export const DubanClockSchema = optionalText.pipe(
  z.iso
    .datetime({ offset: true, error: "expected an ISO time with its offset, like 2027-01-04T09:30:00+08:00" })
    .transform((text) => new Date(text))
    .optional(),
);

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every environment variable Duban reads. Documented in .env.example and README.md. */
export const EnvSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, {
        error:
          "expected a PostgreSQL URL like postgres://user@host:5432/dbname (or leave it unset for the embedded database)",
      })
      .optional(),
  ),
  DUBAN_DATA_DIR: z.string().trim().min(1).default("./data"),
  DUBAN_AUTO_MIGRATE: flag,
  /** Daily snapshots of the embedded database kept in DUBAN_DATA_DIR/backups/ (0: none are written). */
  DUBAN_BACKUP_KEEP: z.coerce
    .number({ error: "expected a whole number of backups to keep (0 turns them off)" })
    .int({ error: "expected a whole number of backups to keep (0 turns them off)" })
    .min(0, { error: "expected a whole number of backups to keep (0 turns them off)" })
    .max(1000, { error: "expected at most 1000 backups to keep" })
    .default(7),
  DUBAN_ADMINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", { error: "expected a bot token starting with xoxb-" }).optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", { error: "expected an app-level token starting with xapp-" }).optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url({ error: "expected a URL like https://slack.com/api/" }).optional()),
  /** Where the weekly digest is posted when the workflow's schedule names no channel (a channel id or #name). */
  DUBAN_DIGEST_CHANNEL: optionalText,
  PORT: port.default(3000),
  /** Opt-in: serve /healthz and /readyz on this port too (Socket Mode has no HTTP server of its own). */
  HEALTH_PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    port.optional(),
  ),
  /** The web board's port in Socket Mode and in the shell (in HTTP mode it is served on PORT under /web). */
  WEB_PORT: port.default(3001),
  /** The address the web board binds to in Socket Mode and the shell; 127.0.0.1 unless set. */
  WEB_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** The board's address as people open it (behind a proxy: https://duban.example.gov.cn); an https one makes the cookie Secure. */
  WEB_PUBLIC_URL: optionalText.pipe(
    z.url({ error: "expected a URL like https://duban.example.gov.cn" }).optional(),
  ),
  TZ: z
    .string()
    .default("Asia/Shanghai")
    .refine(isValidTimeZone, { error: "expected an IANA time zone like Asia/Shanghai" }),
  /**
   * Tests and demos only: the time Duban starts at (an ISO time with its offset, e.g. 2027-01-04T09:30:00+08:00);
   * the clock runs on from there. Unset: the computer's clock.
   */
  DUBAN_CLOCK: DubanClockSchema,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["pretty", "json", "auto"]).default("auto"),
});

export type Env = z.infer<typeof EnvSchema>;
