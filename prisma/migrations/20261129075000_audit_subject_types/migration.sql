-- Data only: audit subject types are spelled one way (lib/audit-vocabulary.ts, camelCase codes).
-- Earlier releases wrote the Prisma model names for library files and shares.
UPDATE "AuditEvent" SET "subjectType" = 'libraryFile' WHERE "subjectType" = 'LibraryFile';
UPDATE "AuditEvent" SET "subjectType" = 'share' WHERE "subjectType" = 'Share';
UPDATE "AuditEvent" SET "subjectType" = 'shareRecipient' WHERE "subjectType" = 'ShareRecipient';
