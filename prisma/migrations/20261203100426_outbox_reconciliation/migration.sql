-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "reconciled" TEXT,
ADD COLUMN     "reconciledAt" TIMESTAMPTZ(3);
