-- CreateEnum
CREATE TYPE "ShareAccessKind" AS ENUM ('OPEN', 'UNLOCK', 'UNLOCK_FAILED', 'DOWNLOAD', 'REFUSED');

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "passwordHash" TEXT,
    "maxDownloads" INTEGER,
    "createdById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareFile" (
    "shareId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareFile_pkey" PRIMARY KEY ("shareId","fileId")
);

-- CreateTable
CREATE TABLE "ShareRecipient" (
    "id" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "lastAccessAt" TIMESTAMP(3),
    "lastIp" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareAccessLog" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" "ShareAccessKind" NOT NULL,
    "reason" TEXT,
    "fileId" TEXT,
    "fileName" TEXT,
    "urlExpiresAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareAccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Share_createdAt_idx" ON "Share"("createdAt");

-- CreateIndex
CREATE INDEX "ShareFile_fileId_idx" ON "ShareFile"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "ShareRecipient_tokenHash_key" ON "ShareRecipient"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareRecipient_shareId_idx" ON "ShareRecipient"("shareId");

-- CreateIndex
CREATE INDEX "ShareAccessLog_recipientId_createdAt_idx" ON "ShareAccessLog"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareAccessLog_recipientId_kind_createdAt_idx" ON "ShareAccessLog"("recipientId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareFile" ADD CONSTRAINT "ShareFile_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareFile" ADD CONSTRAINT "ShareFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "LibraryFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareRecipient" ADD CONSTRAINT "ShareRecipient_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareAccessLog" ADD CONSTRAINT "ShareAccessLog_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "ShareRecipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
