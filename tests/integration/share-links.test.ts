import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The signed-in admin is chosen here (the session lookup only); the database, S3, the route
// handler and the DAL are the app's own.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const shares = await import('@/lib/dal/shares');
const access = await import('@/lib/dal/share-access');
const { GET, POST } = await import('@/app/s/[token]/files/[fileId]/route');
const { GET: PREVIEW } = await import('@/app/s/[token]/files/[fileId]/preview/route');
const { keys } = await import('@/lib/storage/keys');
const { deleteObject, putObject } = await import('@/lib/storage/objects');
const { createShareSchema } = await import('@/lib/shares/input');
const { generateShareToken } = await import('@/lib/shares/token');
const { stopProducer } = await import('@/lib/jobs/boss');
const { PEER_ADDRESS_HEADER } = await import('@/lib/peer-address');
const { UNLOCK_COOKIE } = await import('@/lib/shares/unlock-cookie');

const suffix = randomBytes(4).toString('hex');
const context = { ip: '203.0.113.7', userAgent: 'vitest' };
let adminId = '';
const files: { id: string; name: string; bytes: Buffer }[] = [];

async function libraryFile(name: string, bytes: Buffer, contentType = 'application/pdf') {
  const id = `c${randomBytes(12).toString('hex')}`;
  const objectKey = keys.libraryFile(id);
  await putObject(objectKey, bytes, contentType);
  await db.libraryFile.create({
    data: {
      id,
      name,
      sizeBytes: bytes.length,
      contentType,
      objectKey,
      status: 'READY',
      uploadedById: adminId,
      completedAt: new Date(),
    },
  });
  files.push({ id, name, bytes });
  return files.at(-1)!;
}

beforeAll(async () => {
  const admin = await db.user.create({
    data: { email: `share-admin-${suffix}@shares.test`, name: 'Share Admin', passwordHash: 'x', role: 'ADMIN' },
  });
  adminId = admin.id;
  session.userId = adminId;
  await libraryFile(`Quarterly report “Q3” ${suffix}.pdf`, randomBytes(4096));
  await libraryFile(`Appendix ${suffix}.pdf`, randomBytes(1024));
});

afterAll(async () => {
  await db.share.deleteMany({ where: { createdById: adminId } });
  for (const file of files) {
    await deleteObject(keys.libraryFile(file.id)).catch(() => undefined);
    await db.libraryFile.delete({ where: { id: file.id } });
  }
  await db.user.delete({ where: { id: adminId } });
  await stopProducer();
  await db.$disconnect();
});

interface ShareOptions {
  password?: string;
  maxDownloads?: number | null;
  recipients?: number;
  fileIds?: string[];
}

async function createShare(options: ShareOptions = {}) {
  const input = createShareSchema.parse({
    title: `Share for partners ${suffix}`,
    message: 'Here are the files we discussed.',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    password: options.password ?? '',
    maxDownloads: options.maxDownloads === undefined ? '' : options.maxDownloads,
    fileIds: options.fileIds ?? files.map((f) => f.id),
    recipients: Array.from({ length: options.recipients ?? 1 }, (_, i) => ({
      name: `Partner ${i + 1}`,
      email: `partner${i + 1}@example.net`,
    })),
  });
  const created = await shares.createShare(input, context);
  return { ...created, tokens: created.links.map((l) => new URL(l.url).pathname.split('/')[2]) };
}

async function click(token: string, fileId = files[0].id, cookie?: string) {
  // As the server stamps every request with its connection's address (lib/peer-address.ts).
  const headers: Record<string, string> = { [PEER_ADDRESS_HEADER]: context.ip, 'user-agent': 'vitest' };
  if (cookie) headers.cookie = cookie;
  return GET(new Request(`http://app.test/s/${token}/files/${fileId}`, { headers }), {
    params: Promise.resolve({ token, fileId }),
  });
}

/** A preview, or the Download all button's POST (`site`: the browser's Sec-Fetch-Site). */
async function partnerRequest(
  kind: 'preview' | 'post',
  token: string,
  fileId: string,
  options: { cookie?: string; site?: string } = {},
) {
  const headers: Record<string, string> = { 'x-forwarded-for': context.ip, 'user-agent': 'vitest' };
  if (options.cookie) headers.cookie = options.cookie;
  const params = { params: Promise.resolve({ token, fileId }) };
  if (kind === 'preview')
    return PREVIEW(new Request(`http://app.test/s/${token}/files/${fileId}/preview`, { headers }), params);
  headers['sec-fetch-site'] = options.site ?? 'same-origin';
  return POST(new Request(`http://app.test/s/${token}/files/${fileId}`, { method: 'POST', headers }), params);
}

async function bytesAt(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    disposition: response.headers.get('content-disposition'),
    contentType: response.headers.get('content-type'),
  };
}

async function recipientCounts(recipientId: string) {
  return db.shareRecipient.findUniqueOrThrow({
    where: { id: recipientId },
    select: { downloadCount: true, previewCount: true },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('share links against PostgreSQL and radosgw', () => {
  it('answers a click with a 303 to a short-lived URL that delivers the bytes as an attachment', async () => {
    const { tokens, links } = await createShare();
    const response = await click(tokens[0]);
    expect(response.status).toBe(303);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = response.headers.get('location')!;
    const expires = Number(new URL(location).searchParams.get('X-Amz-Expires'));
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(60);
    const got = await bytesAt(location);
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(files[0].bytes);
    expect(got.disposition).toContain('attachment');
    expect(got.disposition).toContain(encodeURIComponent(files[0].name));

    const detail = await shares.getShare(
      (await db.shareRecipient.findUniqueOrThrow({ where: { id: links[0].recipientId }, select: { shareId: true } }))
        .shareId,
    );
    const recipients = await shares.listShareRecipients(detail!);
    expect(recipients.rows[0]).toMatchObject({ downloadCount: 1, lastIp: context.ip });
    const log = await db.shareAccessLog.findMany({ where: { recipientId: links[0].recipientId } });
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'DOWNLOAD',
        fileId: files[0].id,
        ip: context.ip,
        urlExpiresAt: expect.any(Date),
      }),
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { action: 'share.download', subjectId: links[0].recipientId },
    });
    expect(audit).toMatchObject({ actorId: null, outcome: 'granted', urlExpiresAt: expect.any(Date) });
  });

  it('queues a mail to the recipient and to the share’s creator on a link’s first download only', async () => {
    const { tokens, links } = await createShare();
    await click(tokens[0]);
    await click(tokens[0]);
    const mails = await db.mailMessage.findMany({
      where: { dedupeKey: { endsWith: `:${links[0].recipientId}` } },
      orderBy: { kind: 'desc' },
    });
    expect(mails).toEqual([
      expect.objectContaining({ kind: 'share.first-download.partner', to: 'partner1@example.net', status: 'QUEUED' }),
      expect.objectContaining({
        kind: 'share.first-download.owner',
        to: `share-admin-${suffix}@shares.test`,
        subject: expect.stringContaining('Partner 1 downloaded'),
      }),
    ]);
  });

  it('refuses a file that is not in the share with 404', async () => {
    const { tokens } = await createShare({ fileIds: [files[0].id] });
    expect((await click(tokens[0], files[1].id)).status).toBe(404);
  });

  it('after revocation mints no new URL, and a URL minted before dies within its lifetime', async () => {
    const { shareId, tokens, links } = await createShare();
    const before = await access.clickShareFile(tokens[0], files[0].id, { unlockCookies: [], context, ttlSeconds: 2 });
    expect(before.outcome).toBe('granted');
    const url = (before as { url: string }).url;
    expect((await bytesAt(url)).status).toBe(200);

    await shares.revokeShare(shareId, context);
    const after = await click(tokens[0]);
    expect(after.status).toBe(410);
    expect(after.headers.get('location')).toBeNull();
    expect(await after.text()).toContain('This link has been revoked');
    expect(await db.shareAccessLog.count({ where: { recipientId: links[0].recipientId, kind: 'DOWNLOAD' } })).toBe(1);

    await sleep(2_500);
    expect((await bytesAt(url)).status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: 'share.revoke', subjectId: shareId } })).toBe(1);
  });

  it('stops at expiry with 410 and says so', async () => {
    const { shareId, tokens } = await createShare();
    expect((await click(tokens[0])).status).toBe(303);
    await db.share.update({ where: { id: shareId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const response = await click(tokens[0]);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('This link has expired');
  });

  it('needs the password first; a password change re-locks; wrong guesses are throttled', async () => {
    const { shareId, tokens, links } = await createShare({ password: 'correct horse battery' });
    const token = tokens[0];
    const locked = await click(token);
    expect(locked.status).toBe(303);
    expect(locked.headers.get('location')).toBe(`/s/${token}`);

    // Behind the password the page gets nothing of the share but when it ends.
    const lockedView = await access.openShareLink(token, [], context);
    expect(lockedView).toEqual({ outcome: 'live', view: { unlocked: false, expiresAt: expect.any(Date) } });

    expect(await access.unlockShareLink(token, 'wrong password!', context)).toEqual({ outcome: 'wrong-password' });
    const unlocked = await access.unlockShareLink(token, 'correct horse battery', context);
    if (unlocked.outcome !== 'unlocked' || !unlocked.cookie)
      throw new Error(`expected an unlock, got ${unlocked.outcome}`);
    expect(unlocked.cookie.path).toBe(`/s/${token}`);
    const cookie = `${UNLOCK_COOKIE}=${encodeURIComponent(unlocked.cookie.value)}`;
    const unlockedView = await access.openShareLink(token, [unlocked.cookie.value], context);
    expect(unlockedView.outcome === 'live' && unlockedView.view.unlocked && unlockedView.view.files).toHaveLength(2);
    const granted = await click(token, files[0].id, cookie);
    expect(granted.status).toBe(303);
    expect((await bytesAt(granted.headers.get('location')!)).bytes).toEqual(files[0].bytes);

    // A cookie for one link opens no other link of the same share.
    const other = await shares.addRecipients(shareId, [{ name: 'Other', email: 'other@example.net' }], context);
    const otherToken = new URL(other[0].url).pathname.split('/')[2];
    expect((await click(otherToken, files[0].id, cookie)).headers.get('location')).toBe(`/s/${otherToken}`);

    const detail = (await shares.getShare(shareId))!;
    await shares.updateShare(
      shareId,
      {
        title: detail.title,
        message: detail.message,
        expiresAt: detail.expiresAt,
        passwordMode: 'set',
        password: 'a brand new secret',
        maxDownloads: null,
        fileIds: files.map((f) => f.id),
      },
      context,
    );
    expect((await click(token, files[0].id, cookie)).headers.get('location')).toBe(`/s/${token}`);

    for (let i = 0; i < 5; i++)
      expect((await access.unlockShareLink(token, `guess ${i}`, context)).outcome).toBe('wrong-password');
    const throttled = await access.unlockShareLink(token, 'a brand new secret', context);
    expect(throttled.outcome).toBe('throttled');
    expect((throttled as { retryAt: Date }).retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.shareAccessLog.count({ where: { recipientId: links[0].recipientId, kind: 'UNLOCK_FAILED' } })).toBe(
      6,
    );
  });

  it('revoking one recipient leaves the others working', async () => {
    const { shareId, tokens, links } = await createShare({ recipients: 2 });
    await shares.revokeRecipient(shareId, links[0].recipientId, context);
    const revoked = await click(tokens[0]);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('This link has been revoked');
    const still = await click(tokens[1]);
    expect(still.status).toBe(303);
    expect((await bytesAt(still.headers.get('location')!)).bytes).toEqual(files[0].bytes);
  });

  it('holds a download limit exactly under concurrency: 20 simultaneous clicks on 20 files against a limit of 5 yield 5 URLs', async () => {
    // Rows only: no object is fetched, so none is stored.
    const many = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const id = `c${randomBytes(12).toString('hex')}`;
        await db.libraryFile.create({
          data: {
            id,
            name: `Part ${i} ${suffix}.pdf`,
            sizeBytes: 1,
            contentType: 'application/pdf',
            objectKey: keys.libraryFile(id),
            status: 'READY',
            uploadedById: adminId,
          },
        });
        return id;
      }),
    );
    try {
      const { tokens, links } = await createShare({ maxDownloads: 5, fileIds: many });
      const responses = await Promise.all(many.map((fileId) => click(tokens[0], fileId)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 303)).toHaveLength(5);
      expect(statuses.filter((s) => s === 410)).toHaveLength(15);
      const refusal = await responses.find((r) => r.status === 410)!.text();
      expect(refusal).toContain('Download limit reached');
      const recipient = await db.shareRecipient.findUniqueOrThrow({ where: { id: links[0].recipientId } });
      expect(recipient.downloadCount).toBe(5);
      expect(await db.shareAccessLog.count({ where: { recipientId: recipient.id, kind: 'DOWNLOAD' } })).toBe(5);
      expect(
        await db.auditEvent.count({ where: { subjectId: recipient.id, action: 'share.download', outcome: 'granted' } }),
      ).toBe(5);
    } finally {
      await db.libraryFile.deleteMany({ where: { id: { in: many } } });
    }
  });

  it('a retry of the same file while its URL is still valid is granted without counting; after that it counts', async () => {
    const { tokens, links } = await createShare({ maxDownloads: 2 });
    const options = { unlockCookies: [], context, ttlSeconds: 1 };
    const first = await access.clickShareFile(tokens[0], files[0].id, options);
    const retry = await access.clickShareFile(tokens[0], files[0].id, options);
    expect([first.outcome, retry.outcome]).toEqual(['granted', 'granted']);
    expect((await bytesAt((retry as { url: string }).url)).bytes).toEqual(files[0].bytes);
    const count = async () =>
      (await db.shareRecipient.findUniqueOrThrow({ where: { id: links[0].recipientId } })).downloadCount;
    expect(await count()).toBe(1);
    const log = await db.shareAccessLog.findMany({
      where: { recipientId: links[0].recipientId, kind: 'DOWNLOAD' },
      orderBy: { createdAt: 'asc' },
    });
    expect(log.map((entry) => entry.reason)).toEqual([null, expect.stringContaining('retry')]);

    // Once the first URL has expired, the same file counts again, up to the limit.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await access.clickShareFile(tokens[0], files[0].id, options)).outcome).toBe('granted');
    expect(await count()).toBe(2);
    expect(await access.clickShareFile(tokens[0], files[1].id, options)).toEqual({
      outcome: 'dead',
      reason: 'exhausted',
    });
  });

  it('a token that never existed and a revoked one differ only in what the spec says (status and message)', async () => {
    const { shareId, tokens } = await createShare();
    await shares.revokeShare(shareId, context);
    const unknown = generateShareToken();

    const [missing, revoked] = await Promise.all([click(unknown), click(tokens[0])]);
    expect(missing.status).toBe(404);
    expect(revoked.status).toBe(410);
    const [missingBody, revokedBody] = await Promise.all([missing.text(), revoked.text()]);
    for (const body of [missingBody, revokedBody]) {
      expect(body).not.toContain(suffix); // no title, no file names
      expect(body).not.toContain('Partner 1');
    }
    // Same page, different words: strip the title and message and the rest is identical.
    const skeleton = (html: string) =>
      html
        .replace(/<title>.*?<\/title>/, '')
        .replace(/<h1>.*?<\/h1>/, '')
        .replace(/<p>.*?<\/p>/, '');
    expect(skeleton(missingBody)).toBe(skeleton(revokedBody));

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timings = { missing: [] as number[], revoked: [] as number[] };
    for (let i = 0; i < 30; i++) {
      for (const [kind, token] of [
        ['missing', generateShareToken()],
        ['revoked', tokens[0]],
      ] as const) {
        const t0 = performance.now();
        await (await click(token)).text();
        timings[kind].push(performance.now() - t0);
      }
    }
    const [a, b] = [median(timings.missing), median(timings.revoked)];
    console.info(`median per click over 30: unknown token ${a.toFixed(1)} ms, revoked ${b.toFixed(1)} ms`);
    // Generous: both do one indexed lookup and log; only a gross difference (say, password work on
    // one path) would fail this.
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(4);
  });

  it('previews an image inline with its stored type, counted apart from downloads, even at the limit', async () => {
    const image = await libraryFile(`Site plan ${suffix}.png`, randomBytes(3000), 'image/png');
    const { tokens, links } = await createShare({ maxDownloads: 1, fileIds: [image.id, files[0].id] });
    for (let i = 0; i < 3; i++) {
      const response = await partnerRequest('preview', tokens[0], image.id);
      expect(response.status).toBe(303);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const location = response.headers.get('location')!;
      expect(Number(new URL(location).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(60);
      const got = await bytesAt(location);
      expect(got.status).toBe(200);
      expect(got.bytes).toEqual(image.bytes);
      expect(got.contentType).toBe('image/png');
      expect(got.disposition).toMatch(/^inline; filename=/);
    }
    expect(await recipientCounts(links[0].recipientId)).toEqual({ downloadCount: 0, previewCount: 3 });
    // The one download the limit allows is still there, and once it is used the link is dead for previews too.
    expect((await click(tokens[0], image.id)).status).toBe(303);
    expect((await partnerRequest('preview', tokens[0], image.id)).status).toBe(410);
    expect(await recipientCounts(links[0].recipientId)).toEqual({ downloadCount: 1, previewCount: 3 });
    expect(await db.auditEvent.count({ where: { action: 'share.preview', subjectId: links[0].recipientId } })).toBe(3);
    expect(await db.shareAccessLog.count({ where: { recipientId: links[0].recipientId, kind: 'PREVIEW' } })).toBe(3);
  });

  it('previews only images and PDFs, behind the same password and revocation as downloads', async () => {
    const script = await libraryFile(
      `Page ${suffix}.svg`,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/svg+xml',
    );
    const { shareId, tokens, links } = await createShare({
      password: 'preview pass 1',
      fileIds: [script.id, files[0].id],
    });
    const locked = await partnerRequest('preview', tokens[0], files[0].id);
    expect(locked.status).toBe(303);
    expect(locked.headers.get('location')).toBe(`/s/${tokens[0]}`);
    const unlocked = await access.unlockShareLink(tokens[0], 'preview pass 1', context);
    const cookie = `${UNLOCK_COOKIE}=${(unlocked as { cookie: { value: string } }).cookie.value}`;
    const pdf = await partnerRequest('preview', tokens[0], files[0].id, { cookie });
    expect(pdf.status).toBe(303);
    const got = await bytesAt(pdf.headers.get('location')!);
    expect([got.contentType, got.disposition?.split(';')[0]]).toEqual(['application/pdf', 'inline']);
    expect((await partnerRequest('preview', tokens[0], script.id, { cookie })).status).toBe(415);
    await shares.revokeShare(shareId, context);
    expect((await partnerRequest('preview', tokens[0], files[0].id, { cookie })).status).toBe(410);
    expect(await recipientCounts(links[0].recipientId)).toEqual({ downloadCount: 0, previewCount: 1 });
  });

  it('gives Download all each file’s URL as JSON, counted as a download, and refuses other sites', async () => {
    const { tokens, links } = await createShare({ maxDownloads: 1, fileIds: [files[0].id, files[1].id] });
    const foreign = await partnerRequest('post', tokens[0], files[0].id, { site: 'cross-site' });
    expect(foreign.status).toBe(403);
    const first = await partnerRequest('post', tokens[0], files[0].id);
    expect(first.status).toBe(200);
    const { url } = (await first.json()) as { url: string };
    expect((await bytesAt(url)).bytes).toEqual(files[0].bytes);
    const second = await partnerRequest('post', tokens[0], files[1].id);
    expect([second.status, await second.json()]).toEqual([
      410,
      { reason: 'exhausted', error: 'Download limit reached' },
    ]);
    expect(await recipientCounts(links[0].recipientId)).toEqual({ downloadCount: 1, previewCount: 0 });
  });
});
