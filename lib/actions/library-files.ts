'use server';

import { z } from 'zod';
import { defineAction, defineFormAction } from '@/lib/actions/builder';
import { formFields } from '@/lib/action-state';
import { libraryFileId, renameFileForm } from '@/lib/library-input';
import {
  abortLibraryFileUpload,
  completeLibraryFileUpload,
  createLibraryFileUpload,
  deleteLibraryFile,
  renameLibraryFile,
  resumeLibraryFileUpload,
  signLibraryFileUploadPart,
} from '@/lib/dal/library-files';
import type { RequestContext } from '@/lib/request-context';

const fileId = libraryFileId;
const oneFile = z.object({ fileId });
const library = () => ['/admin/files'];

/** Starts a library upload; the browser then sends the bytes straight to S3. */
export const createLibraryFileUploadAction = defineAction({
  role: 'admin',
  input: z.object({
    name: z.string().max(4096),
    sizeBytes: z.number().int().nonnegative(),
    contentType: z.string().max(255),
  }),
  invalid: 'The file could not be read. Choose it again.',
  run: (input, { request }) => createLibraryFileUpload(input, request),
});

/** Picks up an unfinished upload: which parts S3 already has, so only the rest is sent. */
export const resumeLibraryFileUploadAction = defineAction({
  role: 'admin',
  input: oneFile,
  invalid: 'This upload cannot be resumed. Start it again.',
  run: (input, { request }) => resumeLibraryFileUpload(input.fileId, request),
});

/** One part URL of the caller's own upload, signed as that part starts. */
export const signLibraryFileUploadPartAction = defineAction({
  role: 'admin',
  input: z.object({ fileId, partNumber: z.number().int().min(1).max(10_000) }),
  invalid: 'That part is not part of this upload.',
  run: async (input, { request }) => ({
    url: (await signLibraryFileUploadPart(input.fileId, input.partNumber, request)).url,
  }),
});

/** Ending an upload, either way, differs only in the DAL verb and the wording; the list changes. */
function endUploadAction<Data>(verb: (fileId: string, context: RequestContext) => Promise<Data>, invalid: string) {
  return defineAction({
    role: 'admin',
    input: oneFile,
    invalid,
    run: (input, { request }) => verb(input.fileId, request),
    revalidate: library,
  });
}

/** Finishes an upload once S3 confirms every byte; only then is the file listed as ready. */
export const completeLibraryFileUploadAction = endUploadAction(
  completeLibraryFileUpload,
  'This upload cannot be finished. Start it again.',
);

/** Cancels the caller's own upload and aborts it in S3, so no parts are left behind. */
export const abortLibraryFileUploadAction = endUploadAction(abortLibraryFileUpload, 'This upload no longer exists.');

/** Renames a library file (its display name only; the object key never changes). */
export const renameLibraryFileAction = defineFormAction({
  role: 'admin',
  ...renameFileForm,
  invalid: 'Check the name.',
  run: (input, { request }) => renameLibraryFile(input.fileId, input.name, request),
  success: (file) => `Renamed to “${file.name}”.`,
  revalidate: library,
});

/** Deletes a library file and its object in S3. */
export const deleteLibraryFileAction = defineFormAction({
  role: 'admin',
  input: oneFile,
  fromForm: (form) => formFields(form, 'fileId'),
  invalid: 'This file no longer exists. Reload the page.',
  run: (input, { request }) => deleteLibraryFile(input.fileId, request),
  success: 'File deleted.',
  revalidate: library,
});
