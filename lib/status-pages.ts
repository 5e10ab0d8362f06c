import { DEAD_LINK_COPY, type DeadReason } from '@/lib/shares/link-state';

/**
 * The pages a route handler answers with when it refuses (a route handler cannot render the app's
 * layout itself, so it serves /status/{kind} under its own status code: lib/status-response.ts).
 * Each says what happened and, where the reader has somewhere to go, the way back. The partner
 * pages carry no details of the share, so they reveal nothing beyond the status.
 */
export interface StatusPage {
  status: 403 | 404 | 410 | 415;
  title: string;
  body: string;
  back?: { href: string; label: string };
}

const link = (reason: DeadReason | 'notFound'): StatusPage => {
  const { status, title, body } = DEAD_LINK_COPY[reason];
  return { status: status as 404 | 410, title, body };
};

const backToInvoices = { href: '/invoices', label: 'Back to your invoices' };

export const STATUS_PAGES = {
  'link-not-found': link('notFound'),
  'link-revoked': link('revoked'),
  'link-expired': link('expired'),
  'link-exhausted': link('exhausted'),
  'preview-unsupported': {
    status: 415,
    title: 'No preview for this file',
    body: 'This type of file is not shown in the browser. Download it from the link’s page instead.',
  },
  'invoice-not-found': {
    status: 404,
    title: 'Invoice not found',
    body: 'There is no invoice at this address, or you do not have access to it.',
    back: backToInvoices,
  },
  'invoice-voided': {
    status: 410,
    title: 'Invoice voided',
    body: 'This invoice was voided and can no longer be downloaded. Contact us if you need a copy.',
    back: backToInvoices,
  },
  // A copied invoice link (/i/{token}) may reach someone without an account: no way back to offer.
  'invoice-link-voided': {
    status: 410,
    title: 'Invoice voided',
    body: 'This invoice was voided and can no longer be downloaded. Ask the sender for a copy if you need one.',
  },
  'invoice-link-expired': {
    status: 410,
    title: 'Link expired',
    body: 'This invoice link has expired. Ask the person who sent it for a new link.',
  },
  'invoice-link-not-found': {
    status: 404,
    title: 'Link not found',
    body: 'There is no invoice at this address. Check that you copied the whole link.',
  },
  'file-not-found': {
    status: 404,
    title: 'File not found',
    body: 'This file was deleted, or there never was one at this address.',
    back: { href: '/admin/files', label: 'Back to the files' },
  },
  'admins-only': {
    status: 403,
    title: 'Admins only',
    body: 'This needs an admin account. Ask an administrator if you need access.',
    back: { href: '/', label: 'Go home' },
  },
} satisfies Record<string, StatusPage>;

export type StatusKind = keyof typeof STATUS_PAGES;

export function isStatusKind(value: string): value is StatusKind {
  return Object.hasOwn(STATUS_PAGES, value);
}

/** The status page of a dead share link. */
export function deadLinkStatus(reason: DeadReason | 'notFound'): StatusKind {
  return reason === 'notFound' ? 'link-not-found' : `link-${reason}`;
}
