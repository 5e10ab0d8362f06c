/**
 * CSV for spreadsheets (RFC 4180: CRLF rows, quoted fields). A value that a spreadsheet would read
 * as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe,
 * so an exported log cannot run anything a partner typed into a user agent or a file name (OWASP's
 * CSV injection advice).
 */
export function csvCell(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | Date | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
