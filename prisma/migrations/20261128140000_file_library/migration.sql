-- CreateEnum
CREATE TYPE "LibraryScope" AS ENUM ('ADMIN');

-- CreateEnum
CREATE TYPE "LibraryFileStatus" AS ENUM ('UPLOADING', 'READY');

-- CreateTable
CREATE TABLE "LibraryFile" (
    "id" TEXT NOT NULL,
    "scope" "LibraryScope" NOT NULL DEFAULT 'ADMIN',
    "name" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "contentType" TEXT NOT NULL,
    "objectKey" TEXT NOT NULL,
    "status" "LibraryFileStatus" NOT NULL DEFAULT 'UPLOADING',
    "uploadedById" TEXT,
    "multipartUploadId" TEXT,
    "partSize" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "LibraryFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LibraryFile_objectKey_key" ON "LibraryFile"("objectKey");

-- CreateIndex
CREATE INDEX "LibraryFile_scope_createdAt_id_idx" ON "LibraryFile"("scope", "createdAt", "id");

-- CreateIndex
CREATE INDEX "LibraryFile_scope_name_id_idx" ON "LibraryFile"("scope", "name", "id");

-- CreateIndex
CREATE INDEX "LibraryFile_scope_sizeBytes_id_idx" ON "LibraryFile"("scope", "sizeBytes", "id");

-- CreateIndex
CREATE INDEX "LibraryFile_uploadedById_status_idx" ON "LibraryFile"("uploadedById", "status");

-- CreateIndex
CREATE INDEX "LibraryFile_status_updatedAt_idx" ON "LibraryFile"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "LibraryFile" ADD CONSTRAINT "LibraryFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
