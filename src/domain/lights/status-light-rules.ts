/** Defaults of the status-light thresholds, in working days (工作日). */
export const STATUS_LIGHT_DEFAULTS = {
  dueSoonWorkingDays: 3,
  approvalStaleWorkingDays: 5,
  reportWindowWorkingDays: 5,
} as const;

const { dueSoonWorkingDays, approvalStaleWorkingDays, reportWindowWorkingDays } = STATUS_LIGHT_DEFAULTS;

/** The status-light rules as Markdown, for the README and help texts. Kept next to the code that applies them. */
export const STATUS_LIGHT_RULES = `### Status lights (green / yellow / red)

A task's light is decided by the first rule that applies, on the plan's calendar (Asia/Shanghai, Chinese
working days: weekends and public holidays off, 调休 make-up days on):

1. **Green** — done (办结: a supervisor approved the completion).
2. **Red** — blocked (受阻), whatever the due day.
3. Awaiting approval (the contact reported 已完成):
   **yellow** when it has waited more than ${approvalStaleWorkingDays} working days for a supervisor, else **green**.
   It is never red: the department's part is done, the delay is the supervisor's.
4. **Red** — overdue: the due day has passed and the task is neither done nor awaiting approval.
5. **Yellow** — not started (未启动).
6. **Yellow** — due soon and not reported this cycle: at most ${dueSoonWorkingDays} working days left until
   the due day (the due day itself counts as 0 left), and no report since the current reporting cycle
   opened (without a cycle: none in the last ${reportWindowWorkingDays} working days).
7. **Green** — on track: in progress, not overdue, and reported (or not yet due soon).

The percent a contact reports does not change the light: lights rest on status and dates, which a
supervisor can check. Thresholds are options; the numbers above are the defaults.
`;
