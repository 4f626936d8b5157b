-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "claimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "groupKey" TEXT;

-- CreateTable
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "deputyId" UUID NOT NULL,
    "fromOn" DATE NOT NULL,
    "toOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snooze" (
    "id" UUID NOT NULL,
    "planId" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "cycleKey" TEXT NOT NULL,
    "untilAt" TIMESTAMPTZ(3) NOT NULL,
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Snooze_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_personId_toOn_idx" ON "Absence"("personId", "toOn");

-- CreateIndex
CREATE INDEX "Snooze_remindedAt_untilAt_idx" ON "Snooze"("remindedAt", "untilAt");

-- CreateIndex
CREATE UNIQUE INDEX "Snooze_planId_personId_cycleKey_key" ON "Snooze"("planId", "personId", "cycleKey");

-- CreateIndex
CREATE INDEX "Reminder_groupKey_idx" ON "Reminder"("groupKey");

-- CreateIndex
CREATE INDEX "Reminder_sentAt_closedAt_claimedAt_nextAttemptAt_idx" ON "Reminder"("sentAt", "closedAt", "claimedAt", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snooze" ADD CONSTRAINT "Snooze_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
