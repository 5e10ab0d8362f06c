/** The currencies invoices may be issued in; all have two minor digits (cents). */
export const INVOICE_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const;
export type InvoiceCurrency = (typeof INVOICE_CURRENCIES)[number];

/** "€1,234.50": a fixed locale, so that server and browser render the same text. */
export function formatMoney(amountCents: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amountCents / 100);
}

/** "1234.50 EUR": plain ASCII, for PDFs and logs. */
export function formatMoneyPlain(amountCents: number, currency: string): string {
  return `${(amountCents / 100).toFixed(2)} ${currency}`;
}

/**
 * "1,234.5" → 123450. Accepts digits with optional thousands commas and up to two decimals, below
 * ten million (the cents must fit the database's 32-bit integer); null for anything else.
 */
export function parseAmountToCents(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "3 Oct 2026": an invoice's date, the same in every time zone (it is a calendar date). */
export function formatIssueDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
