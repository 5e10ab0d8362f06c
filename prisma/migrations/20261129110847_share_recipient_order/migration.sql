-- DropIndex
DROP INDEX "ShareRecipient_shareId_idx";

-- CreateIndex
CREATE INDEX "ShareRecipient_shareId_createdAt_id_idx" ON "ShareRecipient"("shareId", "createdAt", "id");
