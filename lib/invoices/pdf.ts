import { formatIssueDate } from '@/lib/invoices/format';

/**
 * A tiny PDF writer: one A4 page of Helvetica text lines, nothing else. Enough for the seed's
 * sample invoices and the tests' uploads to be real PDFs that any viewer opens. Deterministic: the
 * same lines give the same bytes, so the seed can re-upload a lost object with an unchanged hash.
 */
function escapeText(line: string): string {
  // Standard-14 fonts only cover Latin-1 reliably; anything else becomes "?".
  return line.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

export function textPdf(lines: string[]): Uint8Array {
  const content = [
    'BT',
    '/F1 12 Tf',
    '16 TL',
    '72 770 Td',
    ...lines.map((line) => `(${escapeText(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII, so string offsets are byte offsets.
  return new TextEncoder().encode(pdf);
}

export interface InvoicePdfContent {
  number: string;
  customerName: string;
  issuedAt: Date;
  amount: string;
}

export function invoicePdf(invoice: InvoicePdfContent): Uint8Array {
  return textPdf([
    `Invoice ${invoice.number}`,
    '',
    `Customer: ${invoice.customerName}`,
    `Issued: ${formatIssueDate(invoice.issuedAt)}`,
    `Amount due: ${invoice.amount}`,
    '',
    'Guestpass sample invoice.',
  ]);
}
