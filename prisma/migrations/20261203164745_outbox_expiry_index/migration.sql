-- CreateIndex
CREATE INDEX "Reminder_sentAt_closedAt_claimedAt_expiresAt_idx" ON "Reminder"("sentAt", "closedAt", "claimedAt", "expiresAt");

-- The outbox is analyzed after each large release (releaseHeld); a small sample (300 x 10 rows) is enough to
-- tell pending rows and groups apart, and keeps that ANALYZE cheap (on the embedded database above all).
ALTER TABLE "Reminder" ALTER COLUMN "groupKey" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "sentAt" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "closedAt" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "claimedAt" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "claimedBy" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "nextAttemptAt" SET STATISTICS 10;
ALTER TABLE "Reminder" ALTER COLUMN "expiresAt" SET STATISTICS 10;
