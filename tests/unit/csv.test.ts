import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '@/lib/csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 3, null])).toBe('"a,b","say ""hi""","two\nlines",3,\r\n');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(['=1+2', '+SUM(A1)', '-2', '@cmd', '\tx'].map(csvCell)).toEqual([
      "'=1+2",
      "'+SUM(A1)",
      "'-2",
      "'@cmd",
      "'\tx",
    ]);
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
  });

  it('writes instants as ISO 8601 UTC', () => {
    expect(csvCell(new Date('2026-11-29T08:00:00Z'))).toBe('2026-11-29T08:00:00.000Z');
  });
});
