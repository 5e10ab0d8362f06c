import { z } from 'zod';
import { formFields, type FormSpec } from '@/lib/action-state';

export const libraryFileId = z.string().min(1).max(64);

/** Renaming a library file: its display name only (the object key never changes). */
const renameInput = z.object({
  fileId: libraryFileId,
  name: z.string().trim().min(1, 'Enter a name.').max(1000, 'Use at most 1,000 characters.'),
});
export const renameFileForm = {
  input: renameInput,
  fromForm: (form) => formFields(form, 'fileId', 'name'),
} satisfies FormSpec<typeof renameInput>;
