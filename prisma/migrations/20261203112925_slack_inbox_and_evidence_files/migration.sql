-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "fileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filetype" TEXT,
    "mimetype" TEXT,
    "permalink" TEXT,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxEntry" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "replay" BOOLEAN NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "processedAt" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "InboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_reportId_fileId_key" ON "EvidenceFile"("reportId", "fileId");

-- CreateIndex
CREATE UNIQUE INDEX "InboxEntry_key_key" ON "InboxEntry"("key");

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
