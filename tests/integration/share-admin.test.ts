import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DalError } from '@/lib/dal/errors';

// The signed-in user is chosen here (the session lookup only); everything else is the app's own.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const shares = await import('@/lib/dal/shares');
const rawUrls = await import('@/lib/dal/share-raw-urls');
const access = await import('@/lib/dal/share-access');
const { keys } = await import('@/lib/storage/keys');
const { deleteObject, putObject } = await import('@/lib/storage/objects');
const { createShareSchema } = await import('@/lib/shares/input');
const { deleteLibraryFile } = await import('@/lib/dal/library-files');
const { stopProducer } = await import('@/lib/jobs/boss');

const suffix = randomBytes(4).toString('hex');
const context = { ip: '198.51.100.4', userAgent: 'vitest' };
let adminId = '';
let customerId = '';
const fileIds: string[] = [];

beforeAll(async () => {
  adminId = (
    await db.user.create({
      data: { email: `share-admin2-${suffix}@shares.test`, name: 'Share Admin 2', passwordHash: 'x', role: 'ADMIN' },
    })
  ).id;
  customerId = (
    await db.user.create({
      data: { email: `share-customer-${suffix}@shares.test`, name: 'Share Customer', passwordHash: 'x', role: 'USER' },
    })
  ).id;
  session.userId = adminId;
  for (const name of ['one', 'two', 'three']) {
    const id = `c${randomBytes(12).toString('hex')}`;
    await putObject(keys.libraryFile(id), Buffer.from(name), 'text/plain');
    await db.libraryFile.create({
      data: {
        id,
        name: `${name}-${suffix}.txt`,
        sizeBytes: name.length,
        contentType: 'text/plain',
        objectKey: keys.libraryFile(id),
        status: 'READY',
        uploadedById: adminId,
      },
    });
    fileIds.push(id);
  }
});

afterAll(async () => {
  await db.share.deleteMany({ where: { createdById: adminId } });
  for (const id of fileIds) {
    await deleteObject(keys.libraryFile(id)).catch(() => undefined);
    await db.libraryFile.delete({ where: { id } });
  }
  await db.user.deleteMany({ where: { id: { in: [adminId, customerId] } } });
  await stopProducer();
  await db.$disconnect();
});

function input(overrides: Record<string, unknown> = {}) {
  return createShareSchema.parse({
    title: `Admin share ${suffix}`,
    message: '',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    password: '',
    maxDownloads: '',
    fileIds: [fileIds[0]],
    recipients: [{ name: 'Robin', email: 'robin@example.net' }],
    ...overrides,
  });
}

const tokenOf = (url: string) => new URL(url).pathname.split('/')[2];

describe('share administration', () => {
  it('is for admins only', async () => {
    session.userId = customerId;
    try {
      await expect(shares.listShares()).rejects.toThrow();
      await expect(shares.createShare(input(), context)).rejects.toThrow();
    } finally {
      session.userId = adminId;
    }
    expect(await db.share.count({ where: { createdById: customerId } })).toBe(0);
  });

  it('pages recipients and their access log by keyset, without gaps or repeats, and back again', async () => {
    const names = ['Ada', 'Bo', 'Cy', 'Di', 'Ed'];
    const { shareId, links } = await shares.createShare(
      input({ recipients: names.map((name) => ({ name, email: `${name.toLowerCase()}@example.net` })) }),
      context,
    );
    const share = (await shares.getShare(shareId))!;
    expect(share.recipientCount).toBe(5);
    const first = await shares.listShareRecipients(share, { pageSize: 2 });
    const second = await shares.listShareRecipients(share, { pageSize: 2, after: first.nextAfter! });
    const third = await shares.listShareRecipients(share, { pageSize: 2, after: second.nextAfter! });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id).sort()).toEqual(
      links.map((l) => l.recipientId).sort(),
    );
    expect(third.nextAfter).toBeNull();
    const back = await shares.listShareRecipients(share, { pageSize: 2, before: third.previousBefore! });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));

    const token = tokenOf(links[0].url);
    for (let i = 0; i < 3; i++) await access.openShareLink(token, [], context);
    const newest = await shares.getRecipientLog(shareId, links[0].recipientId, { pageSize: 2 });
    const oldest = await shares.getRecipientLog(shareId, links[0].recipientId, {
      pageSize: 2,
      after: newest!.log.nextAfter!,
    });
    expect([...newest!.log.rows, ...oldest!.log.rows].map((e) => e.kind)).toEqual(['OPEN', 'OPEN', 'OPEN']);
    expect(oldest!.log.nextAfter).toBeNull();
    expect(await shares.getRecipientLog(shareId, 'c'.padEnd(25, '0'))).toBeNull();
  });

  it('never stores or returns a token, only its hash', async () => {
    const { shareId, links } = await shares.createShare(input(), context);
    const token = tokenOf(links[0].url);
    const row = await db.shareRecipient.findUniqueOrThrow({ where: { id: links[0].recipientId } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(await shares.getShare(shareId))).not.toContain(row.tokenHash);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'share.create', subjectId: shareId } });
    expect(JSON.stringify(audit.detail)).not.toContain(token);
  });

  it('edits files, limit and recipients; the partner page follows at once', async () => {
    const { shareId, links } = await shares.createShare(input(), context);
    const token = tokenOf(links[0].url);
    const before = await access.openShareLink(token, [], context);
    expect(before.outcome === 'live' && before.view.unlocked && before.view.files.map((f) => f.id)).toEqual([
      fileIds[0],
    ]);
    const opened = await db.shareRecipient.findUniqueOrThrow({ where: { id: links[0].recipientId } });
    expect(opened.openedAt).toBeInstanceOf(Date);

    await shares.updateShare(
      shareId,
      {
        title: 'Renamed',
        message: 'New words',
        expiresAt: new Date(Date.now() + 7_200_000),
        passwordMode: 'keep',
        password: '',
        maxDownloads: 1,
        fileIds: [fileIds[1], fileIds[2]],
      },
      context,
    );
    const after = await access.openShareLink(token, [], context);
    if (after.outcome !== 'live' || !after.view.unlocked) throw new Error(after.outcome);
    expect(after.view).toMatchObject({ title: 'Renamed', message: 'New words', maxDownloads: 1 });
    expect(after.view.files.map((f) => f.id).sort()).toEqual([fileIds[1], fileIds[2]].sort());
    expect((await access.clickShareFile(token, fileIds[0], { unlockCookies: [], context })).outcome).toBe('not-found');
    expect((await access.clickShareFile(token, fileIds[1], { unlockCookies: [], context })).outcome).toBe('granted');
    expect(await access.clickShareFile(token, fileIds[2], { unlockCookies: [], context })).toEqual({
      outcome: 'dead',
      reason: 'exhausted',
    });

    const added = await shares.addRecipients(shareId, [{ name: 'Sam', email: 'sam@example.net' }], context);
    expect(
      (await access.clickShareFile(tokenOf(added[0].url), fileIds[2], { unlockCookies: [], context })).outcome,
    ).toBe('granted');
    await shares.removeRecipient(shareId, added[0].recipientId, context);
    expect(
      (await access.clickShareFile(tokenOf(added[0].url), fileIds[2], { unlockCookies: [], context })).outcome,
    ).toBe('not-found');

    const log = await shares.getRecipientLog(shareId, links[0].recipientId);
    expect(log!.log.rows.map((e) => e.kind)).toEqual(['REFUSED', 'DOWNLOAD', 'REFUSED', 'OPEN', 'OPEN']);
    const actions = (
      await db.auditEvent.findMany({
        where: { OR: [{ subjectId: shareId }, { subjectId: added[0].recipientId }] },
        orderBy: { createdAt: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['share.create', 'share.update', 'share.recipients.add', 'share.recipient.remove']),
    );
  });

  it('keeps a file in an active share from being deleted from the library', async () => {
    const { shareId } = await shares.createShare(input({ fileIds: [fileIds[2]] }), context);
    expect((await shares.activeSharesForFile(fileIds[2])).map((s) => s.id)).toContain(shareId);
    await expect(deleteLibraryFile(fileIds[2], context)).rejects.toThrow(/active share/);
    expect(await db.libraryFile.findUnique({ where: { id: fileIds[2] } })).not.toBeNull();
    await shares.revokeShare(shareId, context);
    expect((await shares.activeSharesForFile(fileIds[2])).map((s) => s.id)).not.toContain(shareId);
  });

  it('issues a raw URL only within its own TTL policy, audited; it outlives revocation (the reason for the warning)', async () => {
    const { shareId } = await shares.createShare(input({ fileIds: [fileIds[1]] }), context);
    await expect(rawUrls.issueRawUrl(shareId, fileIds[1], rawUrls.rawUrlMaxSeconds() + 1, context)).rejects.toThrow(
      /at most/,
    );
    await expect(rawUrls.issueRawUrl(shareId, fileIds[0], 60, context)).rejects.toThrow(/not in the share/);
    const raw = await rawUrls.issueRawUrl(shareId, fileIds[1], 120, context);
    expect(raw.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
    expect(await (await fetch(raw.url)).text()).toBe('two');
    await shares.revokeShare(shareId, context);
    expect((await fetch(raw.url)).status).toBe(200);
    await expect(rawUrls.issueRawUrl(shareId, fileIds[1], 60, context)).rejects.toThrow(/no longer active/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'share.raw-url', subjectId: fileIds[1] } });
    expect(audit).toMatchObject({ actorId: adminId, outcome: 'granted', urlExpiresAt: raw.expiresAt });
  });

  it('filters the list by state and finds shares by title or recipient', async () => {
    const named = (title: string, recipient: string) =>
      input({
        title: `${title} ${suffix}`,
        recipients: [{ name: recipient, email: `${recipient}-${suffix}@example.net` }],
      });
    await shares.createShare(named('Live list', 'Lena'), context);
    const gone = await shares.createShare(named('Gone list', 'Gabe'), context);
    const old = await shares.createShare(named('Old list', 'Olga'), context);
    await shares.revokeShare(gone.shareId, context);
    await db.share.update({ where: { id: old.shareId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const titles = async (filters: Parameters<typeof shares.listShares>[0]) =>
      (await shares.listShares(filters)).rows.filter((s) => s.title.endsWith(` list ${suffix}`)).map((s) => s.title);
    expect(await titles({ state: 'active' })).toEqual([`Live list ${suffix}`]);
    expect(await titles({ state: 'revoked' })).toEqual([`Gone list ${suffix}`]);
    expect(await titles({ state: 'expired' })).toEqual([`Old list ${suffix}`]);
    expect(await titles({ q: `OLGA-${suffix}` })).toEqual([`Old list ${suffix}`]); // a recipient's email, any case
    expect(await titles({ q: 'gabe' })).toEqual([`Gone list ${suffix}`]); // a recipient's name
    expect(await titles({ q: `gone list ${suffix}`, state: 'active' })).toEqual([]);
    const revoked = (await shares.listShares({ q: `Gone list ${suffix}` })).rows[0];
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: expect.any(Date) });
    // The keyset cursor pages within the filter: the next page holds the rest of the matches, no others.
    const first = await shares.listShares({ q: ` list ${suffix}`, pageSize: 2 });
    const next = await shares.listShares({ q: ` list ${suffix}`, pageSize: 2, after: first.nextAfter! });
    expect(first.rows).toHaveLength(2);
    expect(next).toMatchObject({ nextAfter: null, previousBefore: next.rows[0].id });
    expect([...first.rows, ...next.rows].map((s) => s.title).sort()).toEqual(
      [`Gone list ${suffix}`, `Live list ${suffix}`, `Old list ${suffix}`].sort(),
    );
  });

  it('emails each recipient only their own link, once, and refuses links that are not theirs', async () => {
    const { shareId, links } = await shares.createShare(
      input({
        title: `Mailed share ${suffix}`,
        message: 'The drawings for Tuesday.',
        recipients: [
          { name: 'Mia', email: `mia-${suffix}@example.net` },
          { name: 'Noah', email: `noah-${suffix}@example.net` },
        ],
      }),
      context,
    );
    const [mia, noah] = links;
    // A link sent back under another recipient's id is refused, and nothing is queued.
    const swapped = [{ recipientId: mia.recipientId, url: noah.url }];
    await expect(shares.emailShareLinks(shareId, swapped, context)).rejects.toThrow(DalError);
    const forged = [{ recipientId: mia.recipientId, url: `${mia.url.slice(0, -1)}A` }];
    await expect(shares.emailShareLinks(shareId, forged, context)).rejects.toThrow(DalError);
    expect(
      await db.mailMessage.count({ where: { kind: 'share.link', to: { endsWith: `-${suffix}@example.net` } } }),
    ).toBe(0);

    expect(await shares.emailShareLinks(shareId, links, context)).toEqual({ queued: 2, alreadySent: 0 });
    expect(await shares.emailShareLinks(shareId, links, context)).toEqual({ queued: 0, alreadySent: 2 });
    const mails = await db.mailMessage.findMany({
      where: { kind: 'share.link', to: { endsWith: `-${suffix}@example.net` } },
      orderBy: { to: 'asc' },
    });
    expect(mails.map((m) => m.to)).toEqual([`mia-${suffix}@example.net`, `noah-${suffix}@example.net`]);
    expect(mails[0].text).toContain(mia.url);
    expect(mails[0].text).not.toContain(noah.url);
    expect(mails[0].text).toContain('The drawings for Tuesday.');
    expect(mails[0].subject).toBe(`Share Admin 2 from Guestpass shared “Mailed share ${suffix}” with you`);
    expect(mails[1].text).toContain(noah.url);
    expect(await db.auditEvent.count({ where: { action: 'share.links.email', subjectId: shareId } })).toBe(2);

    await shares.revokeShare(shareId, context);
    await expect(shares.emailShareLinks(shareId, links, context)).rejects.toThrow('This share has ended');
  });

  it('finds ready files by name for the picker, case-insensitively', async () => {
    expect((await shares.shareableFiles(`TWO-${suffix}`)).map((f) => f.id)).toEqual([fileIds[1]]);
    expect((await shares.shareableFiles(suffix)).map((f) => f.id).sort()).toEqual([...fileIds].sort());
  });

  it('refuses files that are not ready', async () => {
    await db.libraryFile.update({ where: { id: fileIds[0] }, data: { status: 'UPLOADING' } });
    try {
      await expect(shares.createShare(input(), context)).rejects.toThrow(DalError);
    } finally {
      await db.libraryFile.update({ where: { id: fileIds[0] }, data: { status: 'READY' } });
    }
  });
});
