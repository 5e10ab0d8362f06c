-- AlterEnum
ALTER TYPE "ShareAccessKind" ADD VALUE 'PREVIEW';

-- AlterTable
ALTER TABLE "ShareRecipient" ADD COLUMN     "previewCount" INTEGER NOT NULL DEFAULT 0;
