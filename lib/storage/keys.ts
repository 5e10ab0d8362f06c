/**
 * The bucket's key layout. Keys are built here, on the server, from ids the server generated: never
 * from a client's input or a file's name (names are display data).
 *
 *   avatars/quarantine/<userId>/<uploadId>   browser uploads awaiting verification; never signed for GET
 *   avatars/<userId>/<photoId>               verified profile photos
 *   invoices/uploads/<invoiceId>.pdf         invoice PDFs as uploaded, awaiting verification; never signed for GET
 *   invoices/<customerId>/<invoiceId>.pdf    verified invoice PDFs
 *   library/uploads/<fileId>                 library files sent in one PUT, awaiting verification; never signed for GET
 *   library/<fileId>                         file library objects (verified single PUTs, or multipart)
 *
 * A browser only ever writes to an upload key; the server copies what it checked (pinned by its ETag)
 * to the final key, which no browser can write. An upload URL that is still valid after the check can
 * then only replace the unchecked upload, never the file people download. (A multipart upload writes
 * to its final key: its part URLs stop working once the server completes it with the parts it checked.)
 * Upload ids are at least 8 characters, so "uploads" and "quarantine" never collide with one.
 */
const ID = /^[a-z0-9]{8,64}$/;

export const PREFIX = {
  avatarQuarantine: 'avatars/quarantine/',
  avatars: 'avatars/',
  invoiceUploads: 'invoices/uploads/',
  invoices: 'invoices/',
  libraryUploads: 'library/uploads/',
  library: 'library/',
} as const;

/** Where browsers' uploads wait for the server's check: objects there are never signed for download. */
export const UNCHECKED_PREFIXES = [PREFIX.avatarQuarantine, PREFIX.invoiceUploads, PREFIX.libraryUploads] as const;

function id(value: string, what: string): string {
  if (!ID.test(value)) throw new TypeError(`invalid ${what} for an object key: ${JSON.stringify(value)}`);
  return value;
}

export const keys = {
  avatarQuarantine: (userId: string, uploadId: string) =>
    `${PREFIX.avatarQuarantine}${id(userId, 'user id')}/${id(uploadId, 'upload id')}`,
  avatar: (userId: string, photoId: string) => `${PREFIX.avatars}${id(userId, 'user id')}/${id(photoId, 'photo id')}`,
  invoiceUpload: (invoiceId: string) => `${PREFIX.invoiceUploads}${id(invoiceId, 'invoice id')}.pdf`,
  invoice: (customerId: string, invoiceId: string) =>
    `${PREFIX.invoices}${id(customerId, 'customer id')}/${id(invoiceId, 'invoice id')}.pdf`,
  libraryFileUpload: (fileId: string) => `${PREFIX.libraryUploads}${id(fileId, 'file id')}`,
  libraryFile: (fileId: string) => `${PREFIX.library}${id(fileId, 'file id')}`,
};

/** True when `key` is an upload the server has not checked yet: such objects are never signed for download. */
export function isQuarantined(key: string): boolean {
  return UNCHECKED_PREFIXES.some((prefix) => key.startsWith(prefix));
}
