import { describe, expect, it } from 'vitest';
import { composeMail, expiryLine } from '@/lib/mail/layout';
import { firstDownloadPartnerMail } from '@/lib/mail/templates/share-first-download';

const options = { appName: 'Acme Files', appUrl: 'https://files.example.com', now: new Date('2026-11-29T12:00:00Z') };

describe('the mail layout', () => {
  it('gives every mail a text and an HTML part with the app’s name, the action and the expiry in UTC', () => {
    const mail = composeMail(
      {
        subject: 'You are invited',
        greeting: 'Hello Alice,',
        paragraphs: ['Bob invited you.'],
        action: { label: 'Set your password', url: 'https://files.example.com/invite?token=abc&x=1' },
        expires: { at: new Date('2026-12-02T12:00:00Z') },
      },
      options,
    );
    expect(mail.text).toContain('Set your password:\nhttps://files.example.com/invite?token=abc&x=1');
    expect(mail.text).toContain('This link expires on 2 Dec 2026, 12:00:00 UTC (3 days after this mail was written).');
    expect(mail.text).toContain('Acme Files');
    expect(mail.html).toContain('href="https://files.example.com/invite?token=abc&amp;x=1"');
    expect(mail.html).toContain('Acme Files');
    expect(mail.html).toContain('2 Dec 2026, 12:00:00 UTC');
  });

  it('escapes what people typed (names, titles) in the HTML part', () => {
    const body = firstDownloadPartnerMail.body({
      recipientName: '<img src=x onerror=alert(1)>',
      recipientEmail: 'p@example.net',
      shareTitle: 'Q3 & Q4 "final"',
      fileName: 'a.pdf',
      shareExpiresAt: new Date('2026-12-01T00:00:00Z'),
      senderName: null,
    });
    const mail = composeMail(body, options);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('Q3 &amp; Q4 &quot;final&quot;');
    expect(mail.text).toContain('Your access expires on 1 Dec 2026');
  });

  it('states a lifetime in words, rounded to minutes', () => {
    expect(expiryLine({ at: new Date('2026-11-29T12:15:00Z') }, options.now)).toBe(
      'This link expires on 29 Nov 2026, 12:15:00 UTC (15 minutes after this mail was written).',
    );
  });
});
