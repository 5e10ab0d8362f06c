import { describe, expect, it } from 'vitest';
import { AVATAR_CONTENT_TYPES, avatarFileProblem } from '@/lib/avatar-rules';
import { isQuarantined, keys } from '@/lib/storage/keys';

const MB = 1024 * 1024;

describe('what a profile photo may be', () => {
  it('accepts JPEG, PNG and WebP from 1 byte up to the limit', () => {
    expect(AVATAR_CONTENT_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    for (const type of AVATAR_CONTENT_TYPES) {
      expect(avatarFileProblem(type, 1, 5 * MB)).toBeNull();
      expect(avatarFileProblem(type, 5 * MB, 5 * MB)).toBeNull();
    }
  });

  it('says what is wrong, and what to do, for anything else', () => {
    expect(avatarFileProblem('application/pdf', 100, 5 * MB)).toBe(
      'Choose a JPEG, PNG or WebP image. Other file types cannot be profile photos.',
    );
    expect(avatarFileProblem('image/gif', 100, 5 * MB)).toMatch(/JPEG, PNG or WebP/);
    expect(avatarFileProblem('', 100, 5 * MB)).toMatch(/JPEG, PNG or WebP/);
    expect(avatarFileProblem('image/png', 0, 5 * MB)).toBe('The file is empty. Choose a photo with content.');
    expect(avatarFileProblem('image/jpeg', 6 * MB, 5 * MB)).toBe(
      'The photo is 6.0 MB; the limit is 5.0 MB. Choose a smaller photo.',
    );
    expect(avatarFileProblem('image/jpeg', 5 * MB + 1, 5 * MB)).toMatch(/Choose a smaller photo/);
  });

  it('keeps uploads in quarantine under the user’s own prefix, apart from verified photos', () => {
    const upload = keys.avatarQuarantine('cluser0001', 'abcdef0123456789abcdef0123456789');
    const photo = keys.avatar('cluser0001', 'abcdef0123456789abcdef0123456789');
    expect(upload).toBe('avatars/quarantine/cluser0001/abcdef0123456789abcdef0123456789');
    expect(photo).toBe('avatars/cluser0001/abcdef0123456789abcdef0123456789');
    expect(isQuarantined(upload)).toBe(true);
    expect(isQuarantined(photo)).toBe(false);
  });
});
