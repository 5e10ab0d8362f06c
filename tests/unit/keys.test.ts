import { describe, expect, it } from 'vitest';
import { isQuarantined, keys } from '@/lib/storage/keys';

describe('key layout', () => {
  it('builds keys from server-generated ids under fixed prefixes', () => {
    expect(keys.avatarQuarantine('cluser0001', 'clupload01')).toBe('avatars/quarantine/cluser0001/clupload01');
    expect(keys.avatar('cluser0001', 'clphoto001')).toBe('avatars/cluser0001/clphoto001');
    expect(keys.invoice('cluser0001', 'clinvoice1')).toBe('invoices/cluser0001/clinvoice1.pdf');
    expect(keys.invoiceUpload('clinvoice1')).toBe('invoices/uploads/clinvoice1.pdf');
    expect(keys.libraryFileUpload('clfile0001')).toBe('library/uploads/clfile0001');
  });

  it('refuses anything that is not an id, so no input can steer a key', () => {
    for (const bad of ['../etc', 'a/b', '', 'UPPERCASE1', 'with space', 'x'.repeat(65), 'short']) {
      expect(() => keys.avatar(bad, 'clphoto001')).toThrow(TypeError);
    }
  });

  it('knows which keys hold unchecked uploads (never signed for download)', () => {
    expect(isQuarantined(keys.avatarQuarantine('cluser0001', 'clupload01'))).toBe(true);
    expect(isQuarantined(keys.invoiceUpload('clinvoice1'))).toBe(true);
    expect(isQuarantined(keys.libraryFileUpload('clfile0001'))).toBe(true);
    expect(isQuarantined(keys.avatar('cluser0001', 'clphoto001'))).toBe(false);
    expect(isQuarantined(keys.invoice('cluser0001', 'clinvoice1'))).toBe(false);
    expect(isQuarantined(keys.libraryFile('clfile0001'))).toBe(false);
  });
});
