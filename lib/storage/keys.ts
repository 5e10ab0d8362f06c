/**
 * The bucket's key layout. Keys are built here, on the server, from ids the server generated: never
 * from a client's input or a file's name (names are display data).
 *
 *   avatars/quarantine/<userId>/<uploadId>   browser uploads awaiting verification; never signed for GET
 *   avatars/<userId>/<photoId>               verified profile photos
 *   invoices/<customerId>/<invoiceId>.pdf    invoice PDFs
 *   library/<fileId>                         file library objects (single PUT or multipart)
 */
const ID = /^[a-z0-9]{8,64}$/;

export const PREFIX = {
  avatarQuarantine: 'avatars/quarantine/',
  avatars: 'avatars/',
  invoices: 'invoices/',
  library: 'library/',
} as const;

function id(value: string, what: string): string {
  if (!ID.test(value)) throw new TypeError(`invalid ${what} for an object key: ${JSON.stringify(value)}`);
  return value;
}

export const keys = {
  avatarQuarantine: (userId: string, uploadId: string) =>
    `${PREFIX.avatarQuarantine}${id(userId, 'user id')}/${id(uploadId, 'upload id')}`,
  avatar: (userId: string, photoId: string) => `${PREFIX.avatars}${id(userId, 'user id')}/${id(photoId, 'photo id')}`,
  invoice: (customerId: string, invoiceId: string) =>
    `${PREFIX.invoices}${id(customerId, 'customer id')}/${id(invoiceId, 'invoice id')}.pdf`,
  libraryFile: (fileId: string) => `${PREFIX.library}${id(fileId, 'file id')}`,
};

/** True when `key` is a quarantined upload: such objects are never signed for download. */
export function isQuarantined(key: string): boolean {
  return key.startsWith(PREFIX.avatarQuarantine);
}
