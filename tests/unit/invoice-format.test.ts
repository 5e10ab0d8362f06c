import { describe, expect, it } from 'vitest';
import { formatIssueDate, formatMoney, formatMoneyPlain, parseAmountToCents } from '@/lib/invoices/format';
import { invoicePdf, textPdf } from '@/lib/invoices/pdf';
import { sniffContentType } from '@/lib/storage/sniff';

describe('invoice formatting', () => {
  it('formats amounts with their currency, and dates as calendar dates', () => {
    expect(formatMoney(24_950, 'EUR')).toBe('€249.50');
    expect(formatMoney(123_456_789, 'USD')).toBe('US$1,234,567.89');
    expect(formatMoneyPlain(8_900, 'USD')).toBe('89.00 USD');
    expect(formatIssueDate(new Date('2026-10-03T23:30:00Z'))).toBe('3 Oct 2026');
  });

  it('parses amounts typed by an admin into cents, refusing anything ambiguous', () => {
    expect(parseAmountToCents('120')).toBe(12_000);
    expect(parseAmountToCents(' 1,234.5 ')).toBe(123_450);
    expect(parseAmountToCents('0.07')).toBe(7);
    expect(parseAmountToCents('9,999,999.99')).toBe(999_999_999);
    for (const bad of ['', '-5', '1.234', 'abc', '1e3', '12.', '10000000']) expect(parseAmountToCents(bad)).toBeNull();
  });
});

describe('the tiny PDF writer', () => {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('writes a well-formed PDF: magic bytes, a cross-reference table whose offsets are right', () => {
    const pdf = textPdf(['Hello (world) \\ ünïcode']);
    expect(sniffContentType(pdf)).toBe('application/pdf');
    const text = decode(pdf);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(text).toContain('(Hello \\(world\\) \\\\ ?n?code)');
  });

  it('is deterministic and carries the invoice number and amount', () => {
    const content = {
      number: 'INV-2026-0001',
      customerName: 'Alice Customer',
      issuedAt: new Date('2026-08-03T09:00:00Z'),
      amount: '120.00 EUR',
    };
    expect(invoicePdf(content)).toEqual(invoicePdf(content));
    expect(decode(invoicePdf(content))).toMatch(/Invoice INV-2026-0001[\s\S]*Amount due: 120\.00 EUR/);
  });
});
