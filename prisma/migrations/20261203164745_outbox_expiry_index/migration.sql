-- CreateIndex
CREATE INDEX "Reminder_sentAt_closedAt_claimedAt_expiresAt_idx" ON "Reminder"("sentAt", "closedAt", "claimedAt", "expiresAt");
