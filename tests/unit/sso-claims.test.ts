import { describe, expect, it } from 'vitest';
import { readSsoProfile } from '@/lib/accounts/sso-claims';

const admin = { claim: 'groups', value: 'guestpass-admins' };

describe('readSsoProfile', () => {
  it('reads the subject, address, verification and name', () => {
    expect(
      readSsoProfile({ sub: 'abc', email: ' Olga@Corp.example ', email_verified: true, name: 'Olga' }, admin),
    ).toEqual({ subject: 'abc', email: 'Olga@Corp.example', emailVerified: true, name: 'Olga', admin: false });
    // Only a real `true` verifies: a missing claim or the string "true" does not.
    expect(readSsoProfile({ sub: 'a', email: 'a@b.example' }, admin).emailVerified).toBe(false);
    expect(readSsoProfile({ sub: 'a', email: 'a@b.example', email_verified: 'true' }, admin).emailVerified).toBe(false);
    expect(readSsoProfile({ sub: 'a', given_name: 'Ada', family_name: 'Lovelace' }, admin)).toMatchObject({
      email: null,
      name: 'Ada Lovelace',
    });
  });

  it('takes a name only as the forms would: one with line breaks or direction overrides counts as none', () => {
    expect(readSsoProfile({ sub: 'a', name: 'Mallory\nAdmin', given_name: 'Mal' }, admin).name).toBe('Mal');
    expect(readSsoProfile({ sub: 'a', name: '\u202eAdmin' }, admin).name).toBe(null);
  });

  it('makes an admin when the claim is, or holds, the configured value; not at all without one', () => {
    expect(readSsoProfile({ sub: 'a', groups: ['staff', 'guestpass-admins'] }, admin).admin).toBe(true);
    expect(readSsoProfile({ sub: 'a', groups: 'guestpass-admins' }, admin).admin).toBe(true);
    expect(readSsoProfile({ sub: 'a', groups: ['staff'] }, admin).admin).toBe(false);
    expect(readSsoProfile({ sub: 'a' }, admin).admin).toBe(false);
    expect(readSsoProfile({ sub: 'a', is_admin: true }, { claim: 'is_admin', value: 'true' }).admin).toBe(true);
    expect(
      readSsoProfile({ sub: 'a', groups: ['guestpass-admins'] }, { claim: 'groups', value: undefined }).admin,
    ).toBe(null);
  });
});
