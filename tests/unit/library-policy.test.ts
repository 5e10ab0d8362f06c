import { describe, expect, it } from 'vitest';
import { keys } from '@/lib/storage/keys';
import { S3_MAX_PARTS } from '@/lib/env';
import { expectedPartSize, normalizeContentType, planUpload, sanitizeFileName } from '@/lib/storage/library';

const MIB = 1024 * 1024;
const TIB = 1024 * 1024 * MIB;
const limits = { multipartThresholdBytes: 16 * MIB, partSizeBytes: 8 * MIB };

describe('upload plan', () => {
  it('sends small files in one PUT and larger ones in parts of the configured size', () => {
    expect(planUpload(1, limits)).toEqual({ kind: 'single' });
    expect(planUpload(16 * MIB - 1, limits)).toEqual({ kind: 'single' });
    expect(planUpload(16 * MIB, limits)).toEqual({ kind: 'multipart', partSize: 8 * MIB, partCount: 2 });
    expect(planUpload(50_000_000, limits)).toEqual({ kind: 'multipart', partSize: 8 * MIB, partCount: 6 });
  });

  it('grows the part size so that 5 TiB fits in 10,000 parts', () => {
    const plan = planUpload(5 * TIB, limits);
    if (plan.kind !== 'multipart') throw new Error('expected parts');
    expect(plan.partCount).toBeLessThanOrEqual(S3_MAX_PARTS);
    expect(plan.partSize % MIB).toBe(0);
    expect(plan.partSize).toBe(525 * MIB);
  });

  it('never goes below S3’s 5 MiB minimum part size', () => {
    expect(planUpload(11 * MIB, { multipartThresholdBytes: 5 * MIB, partSizeBytes: 5 * MIB })).toEqual({
      kind: 'multipart',
      partSize: 5 * MIB,
      partCount: 3,
    });
  });

  it('expects every part at the part size except the last, which holds the rest', () => {
    expect([1, 2, 3].map((n) => expectedPartSize(n, 11 * MIB, 5 * MIB))).toEqual([5 * MIB, 5 * MIB, MIB]);
  });
});

describe('file names are display data', () => {
  it('keeps unicode, normalised', () => {
    expect(sanitizeFileName('Übersicht 📈 café.pdf')).toBe('Übersicht 📈 café.pdf');
    expect(sanitizeFileName('cafe\u0301.txt')).toBe('café.txt');
  });

  it('removes control and bidi-override characters, replaces path separators', () => {
    expect(sanitizeFileName('a\u0000b\u0007c\n.txt')).toBe('abc.txt');
    expect(sanitizeFileName('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    expect(sanitizeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(sanitizeFileName('C:\\Users\\x.doc')).toBe('C:_Users_x.doc');
  });

  it('gives nameless or dots-only names a name', () => {
    for (const name of ['', '   ', '.', '..', '\u0000']) expect(sanitizeFileName(name)).toBe('untitled');
  });

  it('cuts 1,000 characters to 255, keeping the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(1000)}.tar.gz`);
    expect(name).toHaveLength(255);
    expect(name.endsWith('x.gz')).toBe(true);
    expect([...sanitizeFileName('😀'.repeat(1000))]).toHaveLength(255);
  });

  it('never reaches an object key: keys come from the file id alone', () => {
    expect(keys.libraryFile('3f2a9c0d4b6e4f1a9d8c7b6a5e4d3c2b')).toBe('library/3f2a9c0d4b6e4f1a9d8c7b6a5e4d3c2b');
    for (const bad of ['../x', 'a/b', 'report.pdf', '']) expect(() => keys.libraryFile(bad)).toThrow(TypeError);
  });
});

describe('declared content types', () => {
  it('keeps a plain type/subtype and drops parameters', () => {
    expect(normalizeContentType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(normalizeContentType('Application/PDF')).toBe('application/pdf');
  });

  it('falls back to application/octet-stream for anything else', () => {
    for (const type of ['', undefined, null, 'nonsense', 'text/html\r\nX-Evil: 1', 'a/b/c'])
      expect(normalizeContentType(type)).toBe('application/octet-stream');
  });
});
