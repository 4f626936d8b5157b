-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "schedule" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "Reminder_chatChannel_chatTs_idx" ON "Reminder"("chatChannel", "chatTs");
