import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from '@/lib/action-state';
import { recipientsFromForm, createShareSchema, updateShareSchema } from '@/lib/shares/input';
import { DEAD_LINK_COPY, linkState, shareStatus } from '@/lib/shares/link-state';
import { deadLinkStatus, STATUS_PAGES } from '@/lib/status-pages';
import { messagePageHtml } from '@/lib/message-page';
import { generateShareToken, hashShareToken, looksLikeShareToken } from '@/lib/shares/token';
import {
  signUnlockCookie,
  unlockCookiePath,
  unlockCookiesFrom,
  verifyUnlockCookie,
  UNLOCK_COOKIE,
  unlockCookieName,
} from '@/lib/shares/unlock-cookie';
import { unlockVerdict } from '@/lib/shares/unlock-throttle';
import { fileInActiveSharesMessage } from '@/lib/shares/wording';

const SECRET = 's'.repeat(32);

describe('share tokens', () => {
  it('are 256 random bits in base64url, stored only as a SHA-256 hex digest', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateShareToken));
    expect(tokens.size).toBe(1000);
    const token = [...tokens][0];
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(looksLikeShareToken(token)).toBe(true);
    expect(looksLikeShareToken(`${token}x`)).toBe(false);
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareToken(token)).toBe(hashShareToken(token));
    expect(hashShareToken(token)).not.toContain(token);
  });
});

describe('unlock cookie', () => {
  const binding = { recipientId: 'clrecipient01', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def' };
  const later = new Date(Date.now() + 3_600_000);

  it('verifies for the same recipient and password hash until it expires', () => {
    const value = signUnlockCookie(binding, later, SECRET);
    expect(verifyUnlockCookie(value, binding, SECRET)).toBe(true);
    expect(verifyUnlockCookie(value, binding, SECRET, new Date(later.getTime() + 1_000))).toBe(false);
  });

  it('is refused for another recipient, a changed password, another secret, or any tampering', () => {
    const value = signUnlockCookie(binding, later, SECRET);
    expect(verifyUnlockCookie(value, { ...binding, recipientId: 'clrecipient02' }, SECRET)).toBe(false);
    expect(verifyUnlockCookie(value, { ...binding, passwordHash: `${binding.passwordHash}x` }, SECRET)).toBe(false);
    expect(verifyUnlockCookie(value, binding, 't'.repeat(32))).toBe(false);
    const [id, exp, mac] = value.split('.');
    expect(verifyUnlockCookie(`${id}.${Number(exp) + 3600}.${mac}`, binding, SECRET)).toBe(false);
    expect(verifyUnlockCookie(`${id}.${exp}.${mac.slice(0, -2)}AA`, binding, SECRET)).toBe(false);
    expect(verifyUnlockCookie(undefined, binding, SECRET)).toBe(false);
    expect(verifyUnlockCookie('garbage', binding, SECRET)).toBe(false);
  });

  it('is scoped to the link path and read back from a Cookie header', () => {
    expect(unlockCookiePath('abc')).toBe('/s/abc');
    expect(unlockCookiesFrom(`a=1; ${UNLOCK_COOKIE}=x.1.y; ${UNLOCK_COOKIE}=z%2E2`, UNLOCK_COOKIE)).toEqual([
      'x.1.y',
      'z.2',
    ]);
    expect(unlockCookiesFrom(`${UNLOCK_COOKIE}=%E0%A4%A; ${UNLOCK_COOKIE}=%`, UNLOCK_COOKIE)).toEqual(['', '']);
    // Over https the cookie is __Secure- prefixed; an unprefixed one (settable by a plain-http page) is not read.
    const secure = unlockCookieName(true);
    expect(secure).toBe(`__Secure-${UNLOCK_COOKIE}`);
    expect(unlockCookiesFrom(`${UNLOCK_COOKIE}=forged; ${secure}=x.1.y`, secure)).toEqual(['x.1.y']);
    expect(unlockCookiesFrom(null, UNLOCK_COOKIE)).toEqual([]);
  });
});

describe('link state', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const live = {
    shareRevokedAt: null,
    recipientRevokedAt: null,
    expiresAt: new Date('2026-11-29T00:00:00Z'),
    maxDownloads: 3,
    downloadCount: 2,
  };

  it('is live until revoked, expired or used up, and says which (revocation first)', () => {
    expect(linkState(live, now)).toEqual({ live: true });
    expect(linkState({ ...live, maxDownloads: null, downloadCount: 10_000 }, now)).toEqual({ live: true });
    expect(linkState({ ...live, downloadCount: 3 }, now)).toEqual({ live: false, reason: 'exhausted' });
    expect(linkState({ ...live, expiresAt: now }, now)).toEqual({ live: false, reason: 'expired' });
    expect(linkState({ ...live, recipientRevokedAt: now, expiresAt: now }, now)).toEqual({
      live: false,
      reason: 'revoked',
    });
    expect(linkState({ ...live, shareRevokedAt: now }, now)).toEqual({ live: false, reason: 'revoked' });
  });

  it('answers dead links with one status page per reason, differing only in its words and status', () => {
    for (const kind of ['notFound', 'revoked', 'expired', 'exhausted'] as const) {
      const page = STATUS_PAGES[deadLinkStatus(kind)];
      expect(page).toMatchObject(DEAD_LINK_COPY[kind]);
      expect(page).not.toHaveProperty('back'); // partners have no account to go back to
      const html = messagePageHtml(page.title, page.body);
      expect(html).toContain(`<h1>${DEAD_LINK_COPY[kind].title}</h1>`);
      expect(html).toContain('lang="en"');
      expect(html).toContain('noindex');
    }
    expect(DEAD_LINK_COPY.notFound.status).toBe(404);
    expect(DEAD_LINK_COPY.revoked.status).toBe(410);
  });
});

describe('unlock throttle', () => {
  const policy = { maxFailures: 3, windowMs: 15 * 60_000 };
  const now = new Date('2026-11-28T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('blocks after the limit inside the window, until the oldest counted failure leaves it', () => {
    expect(unlockVerdict([ago(1), ago(2)], policy, now)).toEqual({ blocked: false });
    expect(unlockVerdict([ago(1), ago(2), ago(5)], policy, now)).toEqual({ blocked: true, retryAt: ago(5 - 15) });
    expect(unlockVerdict([ago(1), ago(2), ago(16)], policy, now)).toEqual({ blocked: false });
  });
});

describe('share input', () => {
  const valid = {
    title: ' Q3 files ',
    message: '',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    password: '',
    maxDownloads: '',
    fileIds: ['clfile000001'],
    recipients: [{ name: 'Pat', email: ' Pat@Example.NET ' }],
  };

  it('accepts a share without password or limit, normalising text and emails', () => {
    const parsed = createShareSchema.parse(valid);
    expect(parsed).toMatchObject({
      title: 'Q3 files',
      password: null,
      maxDownloads: null,
      recipients: [{ name: 'Pat', email: 'pat@example.net' }],
    });
  });

  it('refuses a past or far-future expiry, a short password, a zero limit, no files and no recipients', () => {
    const fields = (input: object) =>
      createShareSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => i.path[0]);
    expect(fields({ expiresAt: new Date(Date.now() - 1000).toISOString() })).toEqual(['expiresAt']);
    expect(fields({ expiresAt: 'not a date' })).toEqual(['expiresAt']);
    // Year 10000 and later are stored by PostgreSQL but read back as Invalid Date: the share list broke.
    expect(fields({ expiresAt: '+010000-01-01T00:00:00Z' })).toEqual(['expiresAt']);
    expect(fields({ expiresAt: '9999-12-31T23:59:59Z' })).toEqual(['expiresAt']);
    expect(fields({ expiresAt: new Date(Date.now() + 4 * 365 * 86_400_000).toISOString() })).toBeUndefined();
    expect(fields({ password: 'short' })).toEqual(['password']);
    expect(fields({ maxDownloads: '0' })).toEqual(['maxDownloads']);
    expect(fields({ fileIds: [] })).toEqual(['fileIds']);
    expect(fields({ recipients: [] })).toEqual(['recipients']);
    expect(fields({ recipients: [{ name: 'Pat', email: 'not-an-email' }] })).toEqual(['recipients']);
  });

  it('asks for a new password only when setting one', () => {
    const base = { ...valid, passwordMode: 'keep', password: '' };
    expect(updateShareSchema.safeParse(base).success).toBe(true);
    expect(updateShareSchema.safeParse({ ...base, passwordMode: 'set' }).error?.issues[0].path).toEqual(['password']);
    expect(updateShareSchema.safeParse({ ...base, passwordMode: 'set', password: 'long enough' }).success).toBe(true);
  });

  it('pairs recipient rows from a form, drops blank ones, and names a bad row by its place in the form', () => {
    const rows = (pairs: string[][]) => {
      const form = new FormData();
      for (const [name, email] of pairs) {
        form.append('recipientName', name);
        form.append('recipientEmail', email);
      }
      return recipientsFromForm(form);
    };
    const recipients = createShareSchema.shape.recipients;
    expect(
      recipients.parse(
        rows([
          ['A', 'a@x.net'],
          ['', ''],
          ['B', 'b@x.net'],
        ]),
      ),
    ).toEqual([
      { name: 'A', email: 'a@x.net' },
      { name: 'B', email: 'b@x.net' },
    ]);
    const issues = recipients.safeParse(
      rows([
        ['', ''],
        ['C', 'not an email'],
        ['', 'd@x.net'],
      ]),
    ).error?.issues;
    expect(fieldErrorsFrom(issues!.map((i) => ({ ...i, path: ['recipients', ...i.path] })))).toEqual({
      recipients: 'Enter a valid email address.',
      'recipients.1.email': 'Enter a valid email address.',
      'recipients.2.name': 'Enter the recipient’s name.',
    });
    expect(recipients.safeParse(rows([['', '']])).error?.issues[0].message).toBe('Add at least one recipient.');
  });
});

describe('share wording and status', () => {
  it('names up to three active shares that keep a file from being deleted', () => {
    expect(fileInActiveSharesMessage(['Q3'])).toBe(
      'This file is in an active share (“Q3”). Remove it from that share or revoke it first.',
    );
    expect(fileInActiveSharesMessage(['A', 'B', 'C', 'D', 'E'])).toBe(
      'This file is in 5 active shares (“A”, “B”, “C” and 2 more). Remove it from those shares or revoke them first.',
    );
  });

  it('says whether a whole share is active, revoked or expired', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(shareStatus({ revokedAt: null, expiresAt: new Date('2026-11-30T00:00:00Z') }, now)).toBe('active');
    expect(shareStatus({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(shareStatus({ revokedAt: now, expiresAt: new Date('2026-11-30T00:00:00Z') }, now)).toBe('revoked');
  });
});
