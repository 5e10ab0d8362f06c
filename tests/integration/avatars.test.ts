import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/dal/session';
import { DalError } from '@/lib/dal/errors';

// The session lookup only: who is signed in. Everything else (PostgreSQL, S3) is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/dal/session', () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('test: nobody is signed in');
    return session.user;
  },
}));

const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { confirmAvatarUpload, createAvatarUpload, myAvatar, removeAvatar } = await import('@/lib/dal/avatars');
const { cleanupAvatarStorage, CONFIRM_GRACE_SECONDS } = await import('@/lib/dal/avatar-cleanup');
const { AVATAR_CACHE_CONTROL } = await import('@/lib/storage/avatars');
const { deleteObject, headObject } = await import('@/lib/storage/objects');
const { bucket, s3 } = await import('@/lib/storage/client');
const { keys } = await import('@/lib/storage/keys');
const { presignGet, presignPost } = await import('@/lib/storage/presign');
const { explainS3Error } = await import('@/lib/upload-client');

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Form {
  url: string;
  fields: Record<string, string>;
}

/** Posts a form to S3 from Node, as a browser would: the fields, then the file. */
async function post(form: Form, body: Uint8Array<ArrayBuffer>, overrides: Record<string, string> = {}) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...form.fields, ...overrides })) data.append(name, value);
  data.append('file', new Blob([body]));
  const response = await fetch(form.url, { method: 'POST', body: data });
  return { status: response.status, text: await response.text() };
}

async function listKeys(prefix: string): Promise<string[]> {
  const page = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key!).sort();
}

async function newUser(label: string): Promise<SessionUser> {
  return db.user.create({
    data: {
      email: `avatar-${label}-${randomBytes(4).toString('hex')}@example.com`,
      name: `Avatar ${label}`,
      passwordHash: 'not-a-real-hash',
    },
    select: { id: true, email: true, name: true, role: true, avatarUpdatedAt: true },
  });
}

/** As `user`: a form for a photo of this type, the file sent through it, and the upload's id. */
async function uploadAs(user: SessionUser, contentType: string, body: Uint8Array<ArrayBuffer>) {
  session.user = user;
  const created = await createAvatarUpload({ contentType, size: body.length });
  const sent = await post(created, body);
  expect(sent.status, sent.text).toBe(204);
  return created;
}

async function avatarKeyOf(user: SessionUser) {
  return (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarKey: true } })).avatarKey;
}

let alice: SessionUser;
let bob: SessionUser;

beforeAll(async () => {
  alice = await newUser('alice');
  bob = await newUser('bob');
});

afterAll(async () => {
  for (const user of [alice, bob]) {
    session.user = user;
    await removeAvatar();
    for (const key of await listKeys(`avatars/quarantine/${user.id}/`)) await deleteObject(key);
    await db.user.delete({ where: { id: user.id } });
  }
});

beforeEach(() => {
  session.user = alice;
});

describe('the upload form: S3 itself enforces the policy', () => {
  it('accepts the declared image under the user’s quarantine key, and records a row that points at it', async () => {
    const form = await uploadAs(alice, 'image/png', PNG);
    const key = keys.avatarQuarantine(alice.id, form.uploadId);
    expect(form.fields.key).toBe(key);
    expect(form.maxBytes).toBe(env.AVATAR_MAX_BYTES);
    expect(form.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    expect(await headObject(key)).toMatchObject({ size: PNG.length, contentType: 'image/png' });
    expect(await db.avatarUpload.findUniqueOrThrow({ where: { id: form.uploadId } })).toMatchObject({
      userId: alice.id,
      key,
      contentType: 'image/png',
    });
  });

  it('rejects a body over the size limit with EntityTooLarge, and an empty one', async () => {
    const created = await createAvatarUpload({ contentType: 'image/jpeg', size: 1000 });
    const tooLarge = await post(created, Buffer.alloc(env.AVATAR_MAX_BYTES + 1, 0xff));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.text).toContain('EntityTooLarge');
    expect(explainS3Error(tooLarge.status, tooLarge.text).message).toMatch(/larger than allowed/);
    const empty = await post(created, new Uint8Array());
    expect(empty.status).toBe(400);
    expect(explainS3Error(empty.status, empty.text).code).toBe('EntityTooSmall');
    expect(await headObject(created.fields.key)).toBeNull();
  });

  it('rejects a Content-Type other than the one declared', async () => {
    const created = await createAvatarUpload({ contentType: 'image/png', size: PNG.length });
    expect((await post(created, PNG, { 'Content-Type': 'text/html' })).status).toBe(403);
    expect(await headObject(created.fields.key)).toBeNull();
  });

  it('rejects a key outside the one signed: another user’s prefix, or the verified photo prefix', async () => {
    const created = await createAvatarUpload({ contentType: 'image/png', size: PNG.length });
    for (const key of [
      keys.avatarQuarantine(bob.id, created.uploadId),
      keys.avatar(alice.id, created.uploadId),
      `${created.fields.key}x`,
    ]) {
      expect((await post(created, PNG, { key })).status).toBe(403);
      expect(await headObject(key)).toBeNull();
    }
  });

  it('rejects a form used after it expired', async () => {
    const key = keys.avatarQuarantine(alice.id, randomBytes(16).toString('hex'));
    const form = await presignPost(key, { contentType: 'image/png', maxBytes: env.AVATAR_MAX_BYTES, ttlSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const expired = await post(form, PNG);
    expect(expired.status).toBe(403);
    expect(explainS3Error(expired.status, expired.text).code).toBe('Expired');
    expect(await headObject(key)).toBeNull();
  });

  it('issues no form for a type that cannot be a photo, an empty file or an oversize one', async () => {
    const before = await db.avatarUpload.count({ where: { userId: alice.id } });
    await expect(createAvatarUpload({ contentType: 'application/pdf', size: 100 })).rejects.toThrow(
      /JPEG, PNG or WebP/,
    );
    await expect(createAvatarUpload({ contentType: 'image/png', size: 0 })).rejects.toThrow(/empty/);
    await expect(createAvatarUpload({ contentType: 'image/png', size: 6 * 1024 * 1024 })).rejects.toThrow(
      /6\.0 MB; the limit is 5\.0 MB/,
    );
    expect(await db.avatarUpload.count({ where: { userId: alice.id } })).toBe(before);
  });
});

describe('the confirm step', () => {
  it('moves a verified photo to the user’s key and serves it through a reusable, cacheable URL; a second confirm changes nothing', async () => {
    const form = await uploadAs(alice, 'image/png', PNG);
    await confirmAvatarUpload(form.uploadId);
    const photoKey = keys.avatar(alice.id, form.uploadId);
    expect(await avatarKeyOf(alice)).toBe(photoKey);
    expect(await headObject(form.fields.key)).toBeNull();
    expect(await db.avatarUpload.findUnique({ where: { id: form.uploadId } })).toBeNull();

    const view = await myAvatar();
    expect(view).not.toBeNull();
    expect(new URL(view!.url).origin).toBe(new URL(env.S3_ENDPOINT!).origin);
    expect(view!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect((await myAvatar())!.url).toBe(view!.url); // same window, same URL: the browser cache answers
    const response = await fetch(view!.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe(AVATAR_CACHE_CONTROL);
    // The server stores its own encoding of the photo, not the uploaded bytes.
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({
      format: 'png',
      width: 1,
      height: 1,
    });

    const again = await confirmAvatarUpload(form.uploadId);
    expect(again).toEqual({ url: view!.url, expiresAt: view!.expiresAt });
    expect(await listKeys(`avatars/${alice.id}/`)).toEqual([photoKey]);
  });

  it('rejects a PDF declared as a JPEG: deletes the object and the upload, keeps the current photo, says why', async () => {
    const current = await avatarKeyOf(alice);
    const form = await uploadAs(alice, 'image/jpeg', PDF);
    await expect(confirmAvatarUpload(form.uploadId)).rejects.toThrow(
      new DalError(
        'The file is not a real JPEG image (its content is a PDF document). Choose a JPEG, PNG or WebP photo.',
      ),
    );
    expect(await headObject(form.fields.key)).toBeNull();
    expect(await db.avatarUpload.findUnique({ where: { id: form.uploadId } })).toBeNull();
    expect(await avatarKeyOf(alice)).toBe(current);
    expect(
      await db.auditEvent.count({ where: { actorId: alice.id, action: 'avatar.reject', subjectId: form.uploadId } }),
    ).toBe(1);
  });

  it('refuses a file that only starts like an image (an image header followed by HTML)', async () => {
    const current = await avatarKeyOf(alice);
    const polyglot = Buffer.concat([PNG.subarray(0, 16), Buffer.from('<html><script>alert(1)</script></html>')]);
    const form = await uploadAs(alice, 'image/png', polyglot);
    await expect(confirmAvatarUpload(form.uploadId)).rejects.toThrow(/not a real PNG image/);
    expect(await headObject(form.fields.key)).toBeNull();
    expect(await avatarKeyOf(alice)).toBe(current);
  });

  it('stores a re-encoded photo: bytes after the image and its metadata (EXIF) are gone', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'where-alice-lives' } })
      .toBuffer();
    const upload = Buffer.concat([jpeg, Buffer.from('<html><script>alert(1)</script></html>')]);
    const form = await uploadAs(alice, 'image/jpeg', upload);
    const view = await confirmAvatarUpload(form.uploadId);
    const stored = Buffer.from(await (await fetch(view!.url)).arrayBuffer());
    expect(stored.includes('where-alice-lives')).toBe(false);
    expect(stored.includes('<script>')).toBe(false);
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'jpeg', width: 8, height: 4 });
  });

  it('refuses an upload whose form expired; a new upload works', async () => {
    const form = await uploadAs(alice, 'image/png', PNG);
    await db.avatarUpload.update({
      where: { id: form.uploadId },
      data: { expiresAt: new Date(Date.now() - (CONFIRM_GRACE_SECONDS + 1) * 1000) },
    });
    await expect(confirmAvatarUpload(form.uploadId)).rejects.toThrow(/expired/);
    expect(await headObject(form.fields.key)).toBeNull();

    const retry = await uploadAs(alice, 'image/png', PNG);
    await expect(confirmAvatarUpload(retry.uploadId)).resolves.not.toBeNull();
    expect(await avatarKeyOf(alice)).toBe(keys.avatar(alice.id, retry.uploadId));
  });

  it('two tabs confirming at once: one photo wins, every other object is deleted', async () => {
    const [first, second] = [await uploadAs(alice, 'image/png', PNG), await uploadAs(alice, 'image/png', PNG)];
    const results = await Promise.all([confirmAvatarUpload(first.uploadId), confirmAvatarUpload(second.uploadId)]);
    expect(results.every((view) => view !== null)).toBe(true);
    const winner = await avatarKeyOf(alice);
    expect([keys.avatar(alice.id, first.uploadId), keys.avatar(alice.id, second.uploadId)]).toContain(winner);
    expect(await listKeys(`avatars/${alice.id}/`)).toEqual([winner]);
    expect(await headObject(first.fields.key)).toBeNull();
    expect(await headObject(second.fields.key)).toBeNull();
  });

  it('a double submit racing itself confirms once and leaves one photo', async () => {
    const form = await uploadAs(alice, 'image/png', PNG);
    const results = await Promise.allSettled([confirmAvatarUpload(form.uploadId), confirmAvatarUpload(form.uploadId)]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(await avatarKeyOf(alice)).toBe(keys.avatar(alice.id, form.uploadId));
    expect(await listKeys(`avatars/${alice.id}/`)).toEqual([keys.avatar(alice.id, form.uploadId)]);
  });

  it('removes the photo from S3 and the database; removing again changes nothing', async () => {
    const key = await avatarKeyOf(alice);
    expect(key).not.toBeNull();
    expect(await removeAvatar()).toEqual({ removed: true });
    expect(await avatarKeyOf(alice)).toBeNull();
    expect(await headObject(key!)).toBeNull();
    expect(await myAvatar()).toBeNull();
    expect(await removeAvatar()).toEqual({ removed: false });
  });
});

describe('one user cannot reach another’s upload or photo', () => {
  it('bob cannot confirm alice’s upload; it stays hers to confirm', async () => {
    const form = await uploadAs(alice, 'image/png', PNG);
    session.user = bob;
    await expect(confirmAvatarUpload(form.uploadId)).rejects.toThrow(/not waiting for confirmation/);
    expect(await avatarKeyOf(bob)).toBeNull();
    expect(await headObject(form.fields.key)).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { actorId: bob.id, action: 'avatar.confirm', outcome: 'refused', subjectId: form.uploadId },
      }),
    ).toBe(1);

    session.user = alice;
    await expect(confirmAvatarUpload(form.uploadId)).resolves.not.toBeNull();
  });

  it('bob gets no URL for alice’s photo, quarantined uploads are never signed, and the bucket is not public', async () => {
    session.user = bob;
    expect(await myAvatar()).toBeNull();
    const aliceKey = (await avatarKeyOf(alice))!;
    expect(aliceKey).toMatch(new RegExp(`^avatars/${alice.id}/`));
    await expect(
      presignGet(keys.avatarQuarantine(alice.id, 'abcdef0123456789'), { purpose: 'download' }),
    ).rejects.toThrow(/quarantined/);
    const unsigned = await fetch(`${env.S3_ENDPOINT}/${bucket()}/${aliceKey}`);
    expect(unsigned.status).toBe(403);
  });
});

describe('storage:cleanup', () => {
  it('removes expired uploads and stale quarantined objects, and leaves pending uploads alone', async () => {
    const expired = await uploadAs(bob, 'image/png', PNG);
    await db.avatarUpload.update({
      where: { id: expired.uploadId },
      data: { expiresAt: new Date(Date.now() - (CONFIRM_GRACE_SECONDS + 1) * 1000) },
    });
    const orphan = await uploadAs(bob, 'image/png', PNG);
    await db.avatarUpload.delete({ where: { id: orphan.uploadId } }); // as if a confirm crashed half-way
    const pending = await uploadAs(bob, 'image/png', PNG);

    // Now: only the expired upload is due; the orphan is not old enough yet.
    const now = await cleanupAvatarStorage();
    expect(now.expiredUploads).toBeGreaterThanOrEqual(1);
    expect(await headObject(expired.fields.key)).toBeNull();
    expect(await db.avatarUpload.findUnique({ where: { id: expired.uploadId } })).toBeNull();
    expect(await headObject(orphan.fields.key)).not.toBeNull();

    // Two hours on, the orphan is stale; the pending upload is past its time too.
    const later = await cleanupAvatarStorage({ now: new Date(Date.now() + 2 * 3600_000) });
    expect(later.staleObjects).toBeGreaterThanOrEqual(1);
    expect(await headObject(orphan.fields.key)).toBeNull();
    expect(await headObject(pending.fields.key)).toBeNull();
    expect(await listKeys(`avatars/quarantine/${bob.id}/`)).toEqual([]);
  });

  it('runs as `npm run storage:cleanup`, outside Next, without the variables it does not use', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'scripts/storage-cleanup.ts', ...args],
        { env: { ...process.env, APP_URL: undefined, AUTH_SECRET: undefined } },
      );
    const { stdout } = await run('--older-than-minutes', '60');
    expect(stdout).toMatch(
      /^Removed \d+ expired photo upload\(s\) and \d+ stale quarantined object\(s\) older than 60 min\./,
    );
    await expect(run('--older-than-minutes', 'soon')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/whole number of minutes/),
    });
  });

  it('refuses a threshold short enough to delete uploads still in progress', async () => {
    await expect(cleanupAvatarStorage({ staleAfterSeconds: 60 })).rejects.toThrow(RangeError);
  });
});
