import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The signed-in user is chosen here (the session lookup only); the database, S3 and the real
// requireAdmin()/forbidden() logic are the app's own.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const library = await import('@/lib/dal/library-files');
const { cleanupAbandonedUploads } = await import('@/lib/dal/library-cleanup');
const { abortStaleMultipartUploads, createMultipartUpload, listOpenMultipartUploads, listUploadedParts } =
  await import('@/lib/storage/multipart');
const { keys, PREFIX } = await import('@/lib/storage/keys');
const { libraryLimits } = await import('@/lib/storage/library');

const MIB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const suffix = randomBytes(4).toString('hex');
let adminId = '';
let otherAdminId = '';
let customerId = '';

async function createUser(label: string, role: 'ADMIN' | 'USER') {
  const user = await db.user.create({
    data: { email: `${label}-${suffix}@library.test`, name: `Library ${label}`, passwordHash: 'x', role },
  });
  return user.id;
}

beforeAll(async () => {
  adminId = await createUser('admin', 'ADMIN');
  otherAdminId = await createUser('other-admin', 'ADMIN');
  customerId = await createUser('customer', 'USER');
  session.userId = adminId;
});

afterAll(async () => {
  const ids = [adminId, otherAdminId, customerId];
  const leftovers = await db.libraryFile.findMany({ where: { uploadedById: { in: ids } }, select: { id: true } });
  session.userId = adminId;
  for (const file of leftovers)
    await library.deleteLibraryFile(file.id).catch(() => db.libraryFile.delete({ where: { id: file.id } }));
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await db.$disconnect();
});

function as(userId: string) {
  session.userId = userId;
}

async function putPart(fileId: string, partNumber: number, bytes: Buffer) {
  const { url } = await library.signLibraryFileUploadPart(fileId, partNumber);
  return fetch(url, { method: 'PUT', body: new Uint8Array(bytes) });
}

function partOf(bytes: Buffer, partNumber: number, partSize: number) {
  return bytes.subarray((partNumber - 1) * partSize, partNumber * partSize);
}

async function downloadedHash(fileId: string) {
  const decision = await library.libraryFileDownload(fileId);
  if (decision.outcome !== 'granted') throw new Error(`download ${decision.outcome}`);
  const response = await fetch(decision.url);
  expect(response.status).toBe(200);
  return sha256(new Uint8Array(await response.arrayBuffer()));
}

describe('library multipart uploads against radosgw', () => {
  it('a 50 MB upload through pre-signed part URLs, several parts at once, completes with the same bytes', async () => {
    as(adminId);
    const bytes = randomBytes(50 * 1000 * 1000);
    const start = await library.createLibraryFileUpload({
      name: 'big dataset.bin',
      sizeBytes: bytes.length,
      contentType: 'application/octet-stream',
    });
    if (start.kind !== 'multipart') throw new Error('expected a multipart upload');
    expect(start.partSize).toBe(libraryLimits().partSizeBytes);
    expect(start.partCount).toBe(Math.ceil(bytes.length / start.partSize));

    const queue = Array.from({ length: start.partCount }, (_, i) => i + 1);
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let n = queue.shift(); n; n = queue.shift()) {
          const response = await putPart(start.fileId, n, partOf(bytes, n, start.partSize));
          expect(response.status).toBe(200);
          expect(response.headers.get('etag')).toBeTruthy();
        }
      }),
    );
    const listed = await db.libraryFile.findUniqueOrThrow({ where: { id: start.fileId } });
    expect(listed.status).toBe('UPLOADING'); // not ready before S3 confirms

    const file = await library.completeLibraryFileUpload(start.fileId);
    expect(file).toMatchObject({ status: 'READY', sizeBytes: bytes.length, name: 'big dataset.bin' });
    expect(await downloadedHash(start.fileId)).toBe(sha256(bytes));
    const audit = await db.auditEvent.findMany({
      where: { subjectId: start.fileId },
      select: { action: true, outcome: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'library.upload.create', outcome: 'changed' },
        { action: 'library.upload.sign-part', outcome: 'granted' },
        { action: 'library.upload.complete', outcome: 'changed' },
        { action: 'library.download', outcome: 'granted' },
      ]),
    );
  });

  it('refuses a part URL whose part number was changed (signed for 2, used as 3)', async () => {
    as(adminId);
    const start = await library.createLibraryFileUpload({
      name: 'tamper.bin',
      sizeBytes: 20 * MIB,
      contentType: 'application/octet-stream',
    });
    const { url } = await library.signLibraryFileUploadPart(start.fileId, 2);
    expect(url).toContain('partNumber=2');
    const tampered = url.replace('partNumber=2', 'partNumber=3');
    const response = await fetch(tampered, { method: 'PUT', body: randomBytes(1024) });
    expect(response.status).toBe(403);
    await library.abortLibraryFileUpload(start.fileId);
  });

  it('resumes after a crash by sending only the parts S3 does not have (ListParts)', async () => {
    as(adminId);
    const bytes = randomBytes(2 * libraryLimits().partSizeBytes + 3 * MIB);
    const start = await library.createLibraryFileUpload({
      name: 'resumable.iso',
      sizeBytes: bytes.length,
      contentType: 'application/x-iso9660-image',
    });
    if (start.kind !== 'multipart') throw new Error('expected a multipart upload');
    expect(start.partCount).toBe(3);
    expect((await putPart(start.fileId, 1, partOf(bytes, 1, start.partSize))).status).toBe(200);
    expect((await putPart(start.fileId, 3, partOf(bytes, 3, start.partSize))).status).toBe(200);
    // The "tab" dies here: all the browser keeps is the file id.
    await expect(library.completeLibraryFileUpload(start.fileId)).rejects.toThrow(
      /1 of 3 parts .* have not arrived yet/,
    );

    const resumed = await library.resumeLibraryFileUpload(start.fileId);
    if (resumed.kind !== 'multipart') throw new Error('expected a multipart upload');
    expect(resumed.uploadedParts).toEqual([1, 3]);
    const missing = Array.from({ length: resumed.partCount }, (_, i) => i + 1).filter(
      (n) => !resumed.uploadedParts.includes(n),
    );
    expect(missing).toEqual([2]);
    for (const n of missing)
      expect((await putPart(start.fileId, n, partOf(bytes, n, resumed.partSize))).status).toBe(200);

    await library.completeLibraryFileUpload(start.fileId);
    expect(await downloadedHash(start.fileId)).toBe(sha256(bytes));
  });

  it('cancelling aborts the multipart upload and leaves no parts behind', async () => {
    as(adminId);
    const start = await library.createLibraryFileUpload({
      name: 'cancel me.mov',
      sizeBytes: 30 * MIB,
      contentType: 'video/quicktime',
    });
    expect((await putPart(start.fileId, 1, randomBytes(libraryLimits().partSizeBytes))).status).toBe(200);
    const row = await db.libraryFile.findUniqueOrThrow({ where: { id: start.fileId } });
    expect(await listUploadedParts(row.objectKey, row.multipartUploadId!)).toHaveLength(1);

    await library.abortLibraryFileUpload(start.fileId);
    expect(await listUploadedParts(row.objectKey, row.multipartUploadId!)).toBeNull();
    expect((await listOpenMultipartUploads(PREFIX.library)).map((u) => u.uploadId)).not.toContain(
      row.multipartUploadId,
    );
    expect(await db.libraryFile.findUnique({ where: { id: start.fileId } })).toBeNull();
  });

  it('refuses parts whose sizes do not add up to the declared size, and keeps nothing', async () => {
    as(adminId);
    const partSize = libraryLimits().partSizeBytes;
    const start = await library.createLibraryFileUpload({
      name: 'liar.bin',
      sizeBytes: 2 * partSize + 4 * MIB,
      contentType: 'application/octet-stream',
    });
    expect((await putPart(start.fileId, 1, randomBytes(partSize))).status).toBe(200);
    expect((await putPart(start.fileId, 2, randomBytes(partSize))).status).toBe(200);
    expect((await putPart(start.fileId, 3, randomBytes(6 * MIB))).status).toBe(200); // declared: 4 MiB
    const row = await db.libraryFile.findUniqueOrThrow({ where: { id: start.fileId } });
    await expect(library.completeLibraryFileUpload(start.fileId)).rejects.toThrow(/did not arrive as declared/);
    expect(await db.libraryFile.findUnique({ where: { id: start.fileId } })).toBeNull();
    expect(await listUploadedParts(row.objectKey, row.multipartUploadId!)).toBeNull();
  });

  it('a small file goes in one PUT with its type signed; a body of another size is refused on complete', async () => {
    as(adminId);
    const bytes = randomBytes(1000);
    const start = await library.createLibraryFileUpload({
      name: 'notes.txt',
      sizeBytes: bytes.length,
      contentType: 'text/plain',
    });
    if (start.kind !== 'single') throw new Error('expected a single PUT');
    expect(
      (await fetch(start.url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'text/html' } })).status,
    ).toBe(403);
    expect((await fetch(start.url, { method: 'PUT', body: bytes, headers: start.headers })).status).toBe(200);
    expect(await library.completeLibraryFileUpload(start.fileId)).toMatchObject({
      status: 'READY',
      sizeBytes: 1000,
      contentType: 'text/plain',
    });
    expect(await downloadedHash(start.fileId)).toBe(sha256(bytes));

    const lying = await library.createLibraryFileUpload({
      name: 'small.txt',
      sizeBytes: 10,
      contentType: 'text/plain',
    });
    if (lying.kind !== 'single') throw new Error('expected a single PUT');
    expect((await fetch(lying.url, { method: 'PUT', body: randomBytes(5000), headers: lying.headers })).status).toBe(
      200,
    );
    await expect(library.completeLibraryFileUpload(lying.fileId)).rejects.toThrow(/did not arrive as declared/);
    expect(await db.libraryFile.findUnique({ where: { id: lying.fileId } })).toBeNull();
  });

  it('a PUT URL still valid after complete cannot replace the file partners download', async () => {
    as(adminId);
    const bytes = randomBytes(1000);
    const start = await library.createLibraryFileUpload({ name: 'a.txt', sizeBytes: 1000, contentType: 'text/plain' });
    if (start.kind !== 'single') throw new Error('expected a single PUT');
    expect((await fetch(start.url, { method: 'PUT', body: bytes, headers: start.headers })).status).toBe(200);
    await library.completeLibraryFileUpload(start.fileId);
    // Within its lifetime the URL still writes, but only to the upload key, never to the file.
    const replaced = await fetch(start.url, { method: 'PUT', body: randomBytes(1000), headers: start.headers });
    expect(replaced.status).toBe(200);
    expect(await downloadedHash(start.fileId)).toBe(sha256(bytes));
  });

  it('enforces the per-file limit and the per-uploader quota; refuses empty files', async () => {
    as(otherAdminId);
    const { quotaBytes, maxFileBytes } = libraryLimits();
    await expect(
      library.createLibraryFileUpload({ name: 'empty.txt', sizeBytes: 0, contentType: 'text/plain' }),
    ).rejects.toThrow(/is empty/);
    await expect(
      library.createLibraryFileUpload({
        name: 'huge.bin',
        sizeBytes: maxFileBytes + 1,
        contentType: 'application/octet-stream',
      }),
    ).rejects.toThrow(/at most/);

    // The quota counts what this uploader already holds: here, a file that leaves 1 MiB free.
    const held = await db.libraryFile.create({
      data: {
        id: `heldfile${suffix}`,
        name: 'held.bin',
        sizeBytes: BigInt(quotaBytes - MIB),
        contentType: 'application/octet-stream',
        objectKey: `library/heldfile${suffix}`,
        status: 'READY',
        uploadedById: otherAdminId,
      },
    });
    await expect(
      library.createLibraryFileUpload({
        name: 'one more.bin',
        sizeBytes: 2 * MIB,
        contentType: 'application/octet-stream',
      }),
    ).rejects.toThrow(/storage quota/);

    // Declaring a small size does not dodge the quota: the real bytes are checked on complete.
    const sneaky = await library.createLibraryFileUpload({
      name: 'sneaky.bin',
      sizeBytes: 1000,
      contentType: 'application/octet-stream',
    });
    await db.libraryFile.update({ where: { id: held.id }, data: { sizeBytes: BigInt(quotaBytes - 500) } }); // quota filled meanwhile
    if (sneaky.kind !== 'single') throw new Error('expected a single PUT');
    expect((await fetch(sneaky.url, { method: 'PUT', body: randomBytes(1000), headers: sneaky.headers })).status).toBe(
      200,
    );
    await expect(library.completeLibraryFileUpload(sneaky.fileId)).rejects.toThrow(/storage quota/);
    expect(await db.libraryFile.findUnique({ where: { id: sneaky.fileId } })).toBeNull();
    await db.libraryFile.delete({ where: { id: held.id } });
    const refusals = await db.auditEvent.count({
      where: { actorId: otherAdminId, action: 'library.upload.create', outcome: 'refused' },
    });
    expect(refusals).toBe(3);
  });

  it('only the uploader may sign or finish an upload; customers are refused (403) everywhere', async () => {
    as(adminId);
    const start = await library.createLibraryFileUpload({
      name: 'mine.bin',
      sizeBytes: 20 * MIB,
      contentType: 'application/octet-stream',
    });
    as(otherAdminId);
    await expect(library.signLibraryFileUploadPart(start.fileId, 1)).rejects.toThrow(/no longer exists/);
    await expect(library.completeLibraryFileUpload(start.fileId)).rejects.toThrow(/no longer exists/);
    await expect(library.abortLibraryFileUpload(start.fileId)).rejects.toThrow(/no longer exists/);

    as(customerId);
    const forbidden = expect.objectContaining({ digest: expect.stringContaining('403') });
    await expect(library.listLibraryFiles()).rejects.toEqual(forbidden);
    await expect(
      library.createLibraryFileUpload({ name: 'x.bin', sizeBytes: 10, contentType: 'text/plain' }),
    ).rejects.toEqual(forbidden);
    await expect(library.signLibraryFileUploadPart(start.fileId, 1)).rejects.toEqual(forbidden);
    await expect(library.completeLibraryFileUpload(start.fileId)).rejects.toEqual(forbidden);
    await expect(library.deleteLibraryFile(start.fileId)).rejects.toEqual(forbidden);
    expect(await library.libraryFileDownload(start.fileId)).toEqual({ outcome: 'forbidden' });
    as(adminId);
    await library.abortLibraryFileUpload(start.fileId);
  });

  it('names are display data: sanitised, never in the key; rename and delete work and are audited', async () => {
    as(adminId);
    const evil = `../../etc/pass\u0000wd\u202e ${'é'.repeat(1000)}.txt`;
    const start = await library.createLibraryFileUpload({
      name: evil,
      sizeBytes: 3,
      contentType: 'text/plain; charset=utf-8',
    });
    if (start.kind !== 'single') throw new Error('expected a single PUT');
    await fetch(start.url, { method: 'PUT', body: 'abc', headers: start.headers });
    const file = await library.completeLibraryFileUpload(start.fileId);
    expect(file.name.startsWith('.._.._etc_passwd ')).toBe(true);
    expect([...file.name]).toHaveLength(255);
    expect(file.name.endsWith('.txt')).toBe(true);
    const row = await db.libraryFile.findUniqueOrThrow({ where: { id: start.fileId } });
    expect(row.objectKey).toBe(`library/${start.fileId}`);

    expect((await library.renameLibraryFile(start.fileId, 'Quarterly report 📈.txt')).name).toBe(
      'Quarterly report 📈.txt',
    );
    await library.deleteLibraryFile(start.fileId);
    expect(await db.libraryFile.findUnique({ where: { id: start.fileId } })).toBeNull();
    const head = await fetch(
      (await (await import('@/lib/storage/presign')).presignGet(row.objectKey, { purpose: 'download' })).url,
    );
    expect(head.status).toBe(404);
    const actions = (
      await db.auditEvent.findMany({ where: { subjectId: start.fileId }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['library.rename', 'library.delete']));
  });

  it('the cleanup task aborts uploads left idle and multipart uploads no record tracks, and keeps live ones', async () => {
    as(adminId);
    const abandoned = await library.createLibraryFileUpload({
      name: 'abandoned.bin',
      sizeBytes: 20 * MIB,
      contentType: 'application/octet-stream',
    });
    expect((await putPart(abandoned.fileId, 1, randomBytes(libraryLimits().partSizeBytes))).status).toBe(200);
    const live = await library.createLibraryFileUpload({
      name: 'live.bin',
      sizeBytes: 20 * MIB,
      contentType: 'application/octet-stream',
    });
    const abandonedRow = await db.libraryFile.update({
      where: { id: abandoned.fileId },
      data: { updatedAt: new Date(Date.now() - 48 * 3_600_000) },
    });
    const liveRow = await db.libraryFile.findUniqueOrThrow({ where: { id: live.fileId } });

    const result = await cleanupAbandonedUploads(24);
    expect(result.forgotten).toEqual([abandoned.fileId]);
    expect(await listUploadedParts(abandonedRow.objectKey, abandonedRow.multipartUploadId!)).toBeNull();
    expect(await db.libraryFile.findUnique({ where: { id: abandoned.fileId } })).toBeNull();
    expect(await db.libraryFile.findUnique({ where: { id: live.fileId } })).not.toBeNull();

    // An upload S3 has but no record tracks (the server died between the two), swept by age.
    const orphanKey = keys.libraryFile(randomBytes(16).toString('hex'));
    const orphanId = await createMultipartUpload(orphanKey, 'application/octet-stream');
    const aborted = await abortStaleMultipartUploads({
      prefix: PREFIX.library,
      startedBefore: new Date(Date.now() + 60_000),
      keep: new Set([liveRow.multipartUploadId!]),
    });
    expect(aborted.map((u) => u.uploadId)).toContain(orphanId);
    const open = (await listOpenMultipartUploads(PREFIX.library)).map((u) => u.uploadId);
    expect(open).toContain(liveRow.multipartUploadId);
    expect(open).not.toContain(orphanId);
    await library.abortLibraryFileUpload(live.fileId);
  });
});
