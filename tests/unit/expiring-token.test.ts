import { describe, expect, it } from 'vitest';
import { readExpiringToken, signExpiringToken } from '@/lib/expiring-token';
import { invoiceLinkPath, readInvoiceLinkToken } from '@/lib/invoices/link-token';

const SECRET = 's'.repeat(32);
const inAnHour = () => new Date(Date.now() + 3600_000);

describe('expiring tokens', () => {
  it('read back what was signed, to the second', () => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    const token = signExpiringToken('invoice-link', 'inv00000001', expiresAt, SECRET);
    expect(readExpiringToken(token, 'invoice-link', SECRET)).toEqual({ valid: true, id: 'inv00000001', expiresAt });
  });

  it('refuse another purpose, another secret, another id, an edited expiry or a changed binding', () => {
    const token = signExpiringToken('invoice-link', 'inv00000001', inAnHour(), SECRET, ['hash-1']);
    const [id, epoch, mac] = token.split('.');
    const bound = { bound: () => ['hash-1'] };
    expect(readExpiringToken(token, 'invoice-link', SECRET, bound).valid).toBe(true);
    expect(readExpiringToken(token, 'share-unlock', SECRET, bound)).toEqual({ valid: false, reason: 'forged' });
    expect(readExpiringToken(token, 'invoice-link', 't'.repeat(32), bound)).toEqual({ valid: false, reason: 'forged' });
    expect(readExpiringToken(`inv00000002.${epoch}.${mac}`, 'invoice-link', SECRET, bound).valid).toBe(false);
    expect(readExpiringToken(`${id}.${Number(epoch) + 86400}.${mac}`, 'invoice-link', SECRET, bound).valid).toBe(false);
    expect(readExpiringToken(token, 'invoice-link', SECRET, { bound: () => ['hash-2'] }).valid).toBe(false);
  });

  it('tell an expired genuine token from a forged one', () => {
    const token = signExpiringToken('invoice-link', 'inv00000001', new Date(Date.now() - 1000), SECRET);
    expect(readExpiringToken(token, 'invoice-link', SECRET)).toEqual({ valid: false, reason: 'expired' });
  });

  it.each(['', '.', '..', 'a.b.c', 'a.1.c', 'a.1.' + 'x'.repeat(43) + '.d', 'a.-1.' + 'x'.repeat(43), '\u0000.1.x'])(
    'calls %j malformed without throwing',
    (value) => {
      expect(readExpiringToken(value, 'invoice-link', SECRET)).toMatchObject({ valid: false });
    },
  );

  it('invoice links name a well-formed invoice id', () => {
    const path = invoiceLinkPath('inv00000001', inAnHour(), SECRET);
    expect(readInvoiceLinkToken(path.slice('/i/'.length), SECRET)).toMatchObject({
      valid: true,
      invoiceId: 'inv00000001',
    });
    const odd = signExpiringToken('invoice-link', 'NOT_AN_ID', inAnHour(), SECRET);
    expect(readInvoiceLinkToken(odd, SECRET)).toEqual({ valid: false, reason: 'malformed' });
  });
});
