/**
 * What kind of file a Content-Type names, for its icon, and whether a partner may preview it inline.
 * Pure (no server imports): the partner page and its client components both read it.
 */
export type FileKind = 'image' | 'pdf' | 'video' | 'audio' | 'archive' | 'spreadsheet' | 'text' | 'other';

const BY_TYPE: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/zip': 'archive',
  'application/gzip': 'archive',
  'application/x-7z-compressed': 'archive',
  'application/x-tar': 'archive',
  'application/vnd.rar': 'archive',
  'text/csv': 'spreadsheet',
  'application/vnd.ms-excel': 'spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'application/msword': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'text',
  'application/vnd.oasis.opendocument.text': 'text',
  'application/rtf': 'text',
  'application/json': 'text',
};

export function fileKind(contentType: string): FileKind {
  if (BY_TYPE[contentType]) return BY_TYPE[contentType];
  const [family] = contentType.split('/');
  if (family === 'image' || family === 'video' || family === 'audio') return family;
  if (family === 'text') return 'text';
  return 'other';
}

/**
 * Types a browser renders without running anything the file brings: raster images and PDF (which
 * Chromium, Firefox and Safari show in their own sandboxed viewer). SVG and HTML are left out on
 * purpose: rendered inline from storage's origin they could run script, so they are only downloaded.
 */
export const PREVIEWABLE_TYPES: Readonly<Record<string, 'image' | 'pdf'>> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/avif': 'image',
  'application/pdf': 'pdf',
};

export function previewKind(contentType: string): 'image' | 'pdf' | null {
  return Object.hasOwn(PREVIEWABLE_TYPES, contentType) ? PREVIEWABLE_TYPES[contentType] : null;
}
