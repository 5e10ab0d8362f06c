import { describe, expect, it } from 'vitest';
import { sniffContentType } from '@/lib/storage/sniff';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffContentType', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic bytes', () => {
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('recognises nothing else, whatever it is called', () => {
    expect(sniffContentType(bytes('GIF89a'))).toBeNull();
    expect(sniffContentType(bytes('<html>'))).toBeNull();
    expect(sniffContentType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(sniffContentType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });
});
